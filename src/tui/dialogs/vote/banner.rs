//! The outcome of a recorded vote in large letters, full screen, for the
//! room to see. Any key goes on.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_letters::big_text;
use crate::tui::widgets::footer::hint_line;
use crate::view::vote::outcome_text;
use crate::view::wrap::wrap_styled;
use crate::vote::Vote;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BannerDialog {
    /// The vote shown: its index in the session's votes.
    pub vote: usize,
}

impl Dialog for BannerDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Banner
    }

    fn pauses_timer(&self) -> bool {
        true
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.dialog = crate::live::LiveDialog::Outcome { vote: self.vote };
    }

    /// Any key goes on, not only the ones in the table.
    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, _cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Key(_) => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let Some(v) = app.session().and_then(|s| s.votes.get(self.vote)) else {
            return;
        };
        crate::tui::widgets::popup::clear(f, area, th);
        let mut lines = letters(app, v, area, th);
        lines.push(Line::default());
        lines.extend(details(app, v, area.width as usize, th));
        lines.push(Line::default());
        lines.push(hint_line(Ctx::Banner, app.s(), area.width, false, th));
        let h = lines.len() as u16;
        let top = area.y + area.height.saturating_sub(h) / 2;
        let r = Rect::new(area.x, top, area.width, h.min(area.height));
        f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
    }
}

/// The outcome word in block letters: twice as wide (and tall) when there
/// is room, plain when even one size does not fit.
fn letters(app: &App, v: &Vote, area: Rect, th: &Theme) -> Vec<Line<'static>> {
    let word = v.outcome.word(app.lang());
    let natural = big_text(word, 1)[0].chars().count();
    let scale = if natural * 2 + 4 <= area.width as usize {
        2
    } else {
        1
    };
    let rows = if natural > area.width as usize {
        vec![word.to_string()]
    } else {
        big_text(word, scale)
    };
    let style = th.outcome(v.outcome).add_modifier(Modifier::BOLD);
    let copies = if area.height >= 30 && scale == 2 {
        2
    } else {
        1
    };
    rows.iter()
        .flat_map(|r| std::iter::repeat_n(r.clone(), copies))
        .map(|r| Line::from(Span::styled(r, style)))
        .collect()
}

/// The outcome in words, the tally, the rule, and what follows.
fn details(app: &App, v: &Vote, width: usize, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let style = th.outcome(v.outcome).add_modifier(Modifier::BOLD);
    let outcome = outcome_text(v.outcome, v.deferred, app.lang());
    let mut lines = vec![Line::from(Span::styled(outcome, style))];
    // a deferral without ballots: nothing counted
    if !(v.is_deferral() && v.ballots.is_empty()) {
        lines.push(Line::from(Span::styled(
            v.tally.describe(app.lang()),
            th.base.add_modifier(Modifier::BOLD),
        )));
    }
    lines.push(Line::from(Span::styled(
        fill(s.vote_rule, &[&v.rule.describe(app.lang())]),
        th.dim,
    )));
    let mut plain = |text: String| lines.push(Line::from(Span::styled(text, th.base)));
    if v.is_deferral() && !v.remark.is_empty() {
        plain(safe_line(&fill(s.recap_defer_reason, &[&v.remark])).into_owned());
    } else if !v.remark.is_empty() {
        plain(safe_line(&v.remark).into_owned());
    }
    // a new vote: what it replaces, and why the room voted again
    let sess = app.session();
    let index = sess.and_then(|x| x.votes.iter().position(|o| std::ptr::eq(o, v)));
    if let (Some(sess), Some(i)) = (sess, index)
        && let Some(words) = crate::vote::replaces_words(&sess.votes, i, app.lang())
    {
        plain(safe_line(&crate::vote::capitalized(&words)).into_owned());
    }
    let fu = crate::view::vote::follow_up(&app.env(), v);
    if let Some(route) = fu.route {
        // the route in the framework's words: it wraps, never cut
        let rows = wrap_styled(&[(route, th.base)], width.saturating_sub(4), usize::MAX);
        lines.extend(rows);
    }
    if let Some(revisit) = fu.revisit {
        lines.push(Line::from(Span::styled(revisit, th.base)));
    }
    lines
}

/// The banner of a vote held to end the workshop (`w`): any key goes on
/// to the workshop's summary, not back to the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndBanner(pub BannerDialog);

impl Dialog for EndBanner {
    fn ctx(&self) -> Ctx {
        Ctx::Banner
    }

    fn pauses_timer(&self) -> bool {
        true
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        self.0.seen(state);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match self.0.update(cx, action) {
            Transition::Close => {
                // the vote is recorded now: ending goes on to the summary
                crate::tui::dialogs::flow::end_workshop(cx);
                Transition::Close
            }
            other => other,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        self.0.render(app, f, area, th);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn the_banner_closes_on_any_key_and_on_nothing_else() {
        let mut app = crate::tui::app::test_app(crate::i18n::Lang::Nl);
        let mut b = BannerDialog { vote: 0 };
        assert!(matches!(
            b.update(&mut Cx::new(&mut app), Action::Tick),
            Transition::Stay
        ));
        for c in [
            KeyCode::Char(' '),
            KeyCode::Char('x'),
            KeyCode::Enter,
            KeyCode::Esc,
        ] {
            let key = Action::Key(KeyEvent::new(c, KeyModifiers::NONE));
            assert!(matches!(
                b.update(&mut Cx::new(&mut app), key),
                Transition::Close
            ));
        }
    }
}
