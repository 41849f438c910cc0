//! `b`: the guidance for the facilitator, read-only and scrolling: the
//! current block's (the seed's "toelichting" of that building block) first,
//! then the framework's (how it is meant to be used).

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_text::Scroll;
use crate::view::text::paragraphs;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuidanceDialog {
    pub scroll: Scroll,
}

impl GuidanceDialog {
    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let s = app.s();
        let block = &app.fw().blocks[app.fw().pos_at(app.cursor_flat()).block];
        let mut lines = vec![Line::from(Span::styled(
            safe_line(&fill(s.guidance_block_head, &[&block.id, &block.title])).into_owned(),
            th.title,
        ))];
        lines.extend(paragraphs(&block.guidance, th.base));
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            s.guidance_framework_head,
            th.title,
        )));
        lines.extend(paragraphs(&app.fw().guidance, th.base));
        lines
    }
}

impl Dialog for GuidanceDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Guidance
    }

    fn update(&mut self, _cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Back => Transition::Close,
            other => {
                self.scroll.follow(&other);
                Transition::Stay
            }
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let block = &app.fw().blocks[app.fw().pos_at(app.cursor_flat()).block];
        let title = fill(s.guidance_title, &[&block.id]);
        let box_area = popup(f, area, 90, area.height.saturating_sub(4), &title, th);
        self.scroll.render(
            self.lines(app, th),
            true,
            (Ctx::Guidance, s),
            f,
            box_area,
            th,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_closes_and_the_arrows_scroll() {
        let mut app = crate::tui::app::test_app(crate::i18n::Lang::Nl);
        let mut d = GuidanceDialog::default();
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), Action::Down),
            Transition::Stay
        ));
        assert_eq!(d.scroll, Scroll(1));
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), Action::Back),
            Transition::Close
        ));
    }
}
