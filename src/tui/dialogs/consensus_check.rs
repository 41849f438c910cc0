//! `c` while a present party's stance is "disagree": "Gemeente (Anna) is
//! het oneens. Toch consensus vastleggen? j/n". Yes records the consensus,
//! and its history entry names who disagreed (see
//! [`crate::session::Session::set_status`]); no records nothing.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use crate::i18n::fill;
use crate::session::{PartyId, Status};
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct ConsensusCheckDialog {
    /// The present parties whose stance is "disagree".
    pub parties: Vec<PartyId>,
    /// The question, with their names.
    pub text: String,
}

impl ConsensusCheckDialog {
    pub fn new(app: &App, parties: Vec<PartyId>) -> ConsensusCheckDialog {
        let s = app.s();
        let names: Vec<String> = app
            .session()
            .map(|sess| {
                parties
                    .iter()
                    .map(|&p| {
                        sess.party(p)
                            .map(|x| x.label())
                            .unwrap_or_else(|| format!("#{p}"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let template = if parties.len() == 1 {
            s.consensus_conflict_one
        } else {
            s.consensus_conflict_many
        };
        ConsensusCheckDialog {
            text: fill(template, &[&names.join(", ")]),
            parties,
        }
    }
}

impl Dialog for ConsensusCheckDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Confirm
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Confirm => {
                let label = cx.s().status_consensus;
                cx.capture(label, |sess, p, now| {
                    sess.set_status(p, Status::Consensus, vec![], "", now)
                });
                Transition::Close
            }
            Action::Back => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        // the question's rows, so every name is seen (a popup's frame is 2
        // rows, the key hints 1)
        let width = 76u16.min(area.width.saturating_sub(2));
        let rows =
            crate::view::wrap::wrapped_rows(&self.text, width.saturating_sub(4).max(1) as usize)
                as u16;
        let inner = popup(f, area, 76, rows + 4, app.s().dlg_question, th);
        let [q, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        f.render_widget(
            Wrapped::new(Span::styled(safe_line(&self.text).into_owned(), th.warn)),
            q,
        );
        f.render_widget(hint_line(Ctx::Confirm, app.s(), h.width, false, th), h);
    }
}
