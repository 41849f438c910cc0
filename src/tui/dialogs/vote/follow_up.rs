//! After a NO-GO: which follow-up route (none is chosen for the room), when
//! to look at it again, and what "other" means. `Tab` walks the fields (the
//! date before the text, unless the route is "other"); `Enter` records the
//! vote once a route is chosen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::{Next, VoteStage};
use crate::store::clean_line;
use crate::tui::app::{App, parse_date};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::vote::{Closing, FollowUp, Route};

/// The fields of the follow-up, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    /// The list of routes.
    #[default]
    Route,
    /// What the route "other" is.
    Other,
    /// The revisit date.
    Revisit,
}

impl Field {
    /// The `Tab` order: the text right after the routes when the route is
    /// "other" (it needs its words), else the date first.
    fn order(other_first: bool) -> [Field; 3] {
        if other_first {
            [Field::Route, Field::Other, Field::Revisit]
        } else {
            [Field::Route, Field::Revisit, Field::Other]
        }
    }

    pub fn next(self, other_first: bool) -> Field {
        let o = Field::order(other_first);
        let i = o.iter().position(|&f| f == self).unwrap_or(0);
        o[(i + 1) % 3]
    }

    pub fn prev(self, other_first: bool) -> Field {
        let o = Field::order(other_first);
        let i = o.iter().position(|&f| f == self).unwrap_or(0);
        o[(i + 2) % 3]
    }
}

pub struct FollowUpForm {
    /// The chosen route: none until the facilitator picks one.
    pub route: Option<Route>,
    pub other: TextArea<'static>,
    pub revisit: TextArea<'static>,
    pub field: Field,
}

impl Default for FollowUpForm {
    fn default() -> FollowUpForm {
        FollowUpForm {
            route: None,
            other: editor(""),
            revisit: editor(""),
            field: Field::Route,
        }
    }
}

/// A printable character typed without Ctrl or Alt.
fn is_text_key(action: &Action) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    matches!(action, Action::Key(k)
        if matches!(k.code, KeyCode::Char(c) if !c.is_control())
            && !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT))
}

/// The place of a route in [`Route::ALL`] (its number on screen, less one).
fn index(route: Route) -> usize {
    Route::ALL.iter().position(|&r| r == route).unwrap_or(0)
}

impl FollowUpForm {
    pub fn update(&mut self, app: &mut App, action: Action) -> Next {
        let command = keys::command(Ctx::FollowUp, &action);
        match (self.field, command) {
            (_, Some(Action::NextField)) => {
                self.field = self.field.next(self.route == Some(Route::Other))
            }
            (_, Some(Action::PrevField)) => {
                self.field = self.field.prev(self.route == Some(Route::Other))
            }
            (_, Some(Action::Help)) => {}
            (Field::Route, Some(Action::Back)) => return Next::To(VoteStage::Ballots),
            // Enter records, in every field, as its hint says
            (_, Some(Action::Confirm)) => return self.submit(app),
            (Field::Route, Some(Action::Up)) => {
                let i = self.route.map(index).unwrap_or(0);
                self.route = Some(Route::ALL[i.saturating_sub(1)])
            }
            (Field::Route, Some(Action::Down)) => {
                let i = self.route.map(|r| index(r) + 1).unwrap_or(0);
                self.route = Some(Route::ALL[i.min(Route::ALL.len() - 1)])
            }
            (Field::Route, Some(Action::Stance(i))) if i < Route::ALL.len() => {
                self.route = Some(Route::ALL[i])
            }
            // a letter typed on the route list is text: it goes to the
            // "anders" field, never dropped and never a route
            (Field::Route, None) if is_text_key(&action) => {
                self.field = Field::Other;
                edit(&mut self.other, &action, false);
            }
            (Field::Route, _) => {}
            (_, Some(Action::Back)) => self.field = Field::Route,
            (Field::Other, _) => {
                edit(&mut self.other, &action, false);
            }
            (Field::Revisit, _) => {
                edit(&mut self.revisit, &action, false);
            }
        }
        Next::Stay
    }

    /// `Enter` in a field: "other" needs its text, a date must be one.
    fn submit(&mut self, app: &mut App) -> Next {
        let s = app.s();
        let text = clean_line(&editor_text(&self.other));
        let Some(route) = self.route else {
            app.error(s.err_need_route.to_string());
            self.field = Field::Route;
            return Next::Stay;
        };
        if route == Route::Other && text.is_empty() {
            app.error(s.err_need_reason.to_string());
            self.field = Field::Other;
            return Next::Stay;
        }
        let rv = editor_text(&self.revisit);
        let revisit = if rv.trim().is_empty() {
            None
        } else if let Some(d) = parse_date(&rv) {
            Some(d)
        } else {
            app.error(s.err_bad_date.to_string());
            self.field = Field::Revisit;
            return Next::Stay;
        };
        Next::Record(Closing {
            follow_up: Some(FollowUp { route, text }),
            revisit,
            deferred_because: None,
        })
    }

    /// The routes on the left, the two text fields on the right.
    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let [routes, fields] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let title = Line::from(Span::styled(s.vote_followup_title, th.bad));
        let lines: Vec<Line> = std::iter::once(title)
            .chain(Route::ALL.iter().enumerate().map(|(i, &r)| {
                let on = Some(r) == self.route;
                let style = match (on, self.field == Field::Route) {
                    (true, true) => th.selected,
                    (true, false) => th.focus,
                    (false, _) => th.base,
                };
                let mark = if on { "◉" } else { "○" };
                Line::from(Span::styled(
                    format!("{} {mark} {}", i + 1, r.word(app.lang)),
                    style,
                ))
            }))
            .collect();
        // route names wrap: never cut
        f.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            routes,
        );
        let [a, b] = Layout::vertical([Constraint::Length(3), Constraint::Length(3)]).areas(fields);
        render_editor(
            &self.other,
            f,
            a,
            s.vote_other,
            self.field == Field::Other,
            th,
        );
        let on_revisit = self.field == Field::Revisit;
        render_editor(&self.revisit, f, b, s.vote_revisit, on_revisit, th);
    }

    pub fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        let field = self.field;
        vec![
            (&mut self.other, field == Field::Other),
            (&mut self.revisit, field == Field::Revisit),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    fn app() -> App {
        // no session is opened: the form only reads keys and sets messages
        crate::tui::app::test_app(crate::i18n::Lang::Nl)
    }

    #[test]
    fn tab_walks_the_fields_in_order_and_round() {
        let mut app = app();
        let mut form = FollowUpForm::default();
        let mut seen = vec![form.field];
        for _ in 0..3 {
            form.update(&mut app, key(KeyCode::Tab));
            seen.push(form.field);
        }
        use Field::*;
        assert_eq!(seen, [Route, Revisit, Other, Route], "the date first");
        form.update(&mut app, key(KeyCode::BackTab));
        assert_eq!(form.field, Other);
        // with "other" chosen, its words come first
        let mut form = FollowUpForm::default();
        form.update(&mut app, key(KeyCode::Char('5')));
        form.update(&mut app, key(KeyCode::Tab));
        assert_eq!(form.field, Other);
    }

    #[test]
    fn enter_on_the_route_list_records_as_its_hint_says() {
        let mut app = app();
        let mut form = FollowUpForm::default();
        form.update(&mut app, key(KeyCode::Char('3')));
        match form.update(&mut app, key(KeyCode::Enter)) {
            Next::Record(closing) => {
                assert_eq!(closing.follow_up.map(|f| f.route), Some(Route::ALL[2]))
            }
            _ => panic!("Enter on the routes records the vote"),
        }
    }

    #[test]
    fn typing_a_date_never_changes_the_route() {
        let mut app = app();
        let mut form = FollowUpForm::default();
        form.update(&mut app, key(KeyCode::Char('2')));
        assert_eq!(
            form.route,
            Some(Route::ALL[1]),
            "a number picks a route in the list"
        );
        form.field = Field::Revisit;
        for c in "2027-03-01".chars() {
            form.update(&mut app, key(KeyCode::Char(c)));
        }
        form.update(&mut app, key(KeyCode::Char('j')));
        assert_eq!(form.route, Some(Route::ALL[1]));
        assert_eq!(editor_text(&form.revisit), "2027-03-01j");
        assert_eq!(form.field, Field::Revisit);
    }

    #[test]
    fn esc_in_a_field_goes_to_the_routes_and_from_there_to_the_ballots() {
        let mut app = app();
        let mut form = FollowUpForm {
            field: Field::Other,
            ..FollowUpForm::default()
        };
        assert!(matches!(
            form.update(&mut app, key(KeyCode::Esc)),
            Next::Stay
        ));
        assert_eq!(form.field, Field::Route);
        let back = form.update(&mut app, key(KeyCode::Esc));
        assert!(matches!(back, Next::To(VoteStage::Ballots)));
    }

    #[test]
    fn letters_on_the_route_list_go_to_the_other_field() {
        let mut app = app();
        let mut form = FollowUpForm::default();
        form.update(&mut app, key(KeyCode::Char('3')));
        for c in "eerst budget".chars() {
            form.update(&mut app, key(KeyCode::Char(c)));
        }
        assert_eq!(form.route, Some(Route::ALL[2]), "the route stays");
        assert_eq!(form.field, Field::Other);
        assert_eq!(editor_text(&form.other), "eerst budget");
    }

    #[test]
    fn no_route_is_chosen_for_the_room() {
        let mut app = app();
        let mut form = FollowUpForm::default();
        assert_eq!(form.route, None);
        assert!(matches!(
            form.update(&mut app, key(KeyCode::Enter)),
            Next::Stay
        ));
        assert!(
            app.flash
                .as_ref()
                .is_some_and(|f| f.text == crate::i18n::Lang::Nl.strings().err_need_route)
        );
    }
}
