//! After a NO-GO: which follow-up route (none is chosen for the room), when
//! to look at it again ("vinger aan de pols": the framework's question is the
//! date's label), and what "other" means. The routes are the framework's, in
//! its words, with "other" last. `Tab` walks the fields (the
//! date before the text, unless the route is "other"); `Enter` records the
//! vote once a route is chosen.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

use super::{Next, VoteStage};
use crate::framework::Framework;
use crate::i18n::{Lang, fill};
use crate::store::clean_line;
use crate::tui::app::{App, parse_date};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::view::wrap::wrap_styled;
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

/// A route on the list: what a session stores, and the words shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteChoice {
    pub route: Route,
    pub words: String,
    /// A route of the framework that the program has no name for (an id of
    /// its own): stored as "other" with its id.
    pub as_other: bool,
    /// The route's id in the framework (`None` for "other").
    pub id: Option<String>,
}

/// The routes of the framework's decision step, in its order and words,
/// then "other" (the facilitator's own words). Without routes in the
/// framework, the program's own list.
pub fn choices(fw: &Framework, lang: Lang) -> Vec<RouteChoice> {
    let known = |id: &str| Route::ALL.into_iter().find(|r| r.id() == Some(id));
    let mut out: Vec<RouteChoice> = fw
        .no_go_routes()
        .iter()
        .map(|r| match known(&r.id) {
            Some(route) => RouteChoice {
                route,
                words: r.text.clone(),
                as_other: false,
                id: Some(r.id.clone()),
            },
            None => RouteChoice {
                route: Route::Other,
                words: r.text.clone(),
                as_other: true,
                id: Some(r.id.clone()),
            },
        })
        .collect();
    if out.is_empty() {
        out.extend(
            Route::ALL
                .into_iter()
                .filter(|&r| r != Route::Other)
                .map(|route| RouteChoice {
                    route,
                    words: route.word(lang).to_string(),
                    as_other: false,
                    id: route.id().map(str::to_string),
                }),
        );
    }
    out.push(RouteChoice {
        route: Route::Other,
        words: Route::Other.word(lang).to_string(),
        as_other: false,
        id: None,
    });
    out
}

pub struct FollowUpForm {
    /// The routes on the list (see [`choices`]).
    pub choices: Vec<RouteChoice>,
    /// The chosen route's place in `choices`: none until the facilitator
    /// picks one.
    pub chosen: Option<usize>,
    pub other: TextArea<'static>,
    pub revisit: TextArea<'static>,
    pub field: Field,
}

impl FollowUpForm {
    /// An empty form with the routes of `fw`.
    pub fn new(fw: &Framework, lang: Lang) -> FollowUpForm {
        FollowUpForm {
            choices: choices(fw, lang),
            chosen: None,
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

/// A digit, "-", "/" or "." typed without Ctrl or Alt (a route's own digit
/// is matched before this is asked).
fn is_date_key(action: &Action) -> bool {
    use ratatui::crossterm::event::KeyCode;
    is_text_key(action)
        && matches!(action, Action::Key(k)
            if matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit() || "-/.".contains(c)))
}

impl FollowUpForm {
    /// The chosen route as a session stores it, if one is chosen.
    pub fn route(&self) -> Option<Route> {
        self.chosen.map(|i| self.choices[i].route)
    }

    /// Whether the facilitator's own words are asked for ("other").
    fn wants_words(&self) -> bool {
        self.chosen
            .is_some_and(|i| self.choices[i].route == Route::Other && !self.choices[i].as_other)
    }

    pub fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Next {
        let command = keys::command(Ctx::FollowUp, &action);
        match (self.field, command) {
            (_, Some(Action::NextField)) => self.field = self.field.next(self.wants_words()),
            (_, Some(Action::PrevField)) => self.field = self.field.prev(self.wants_words()),
            (_, Some(Action::Help)) => {}
            (Field::Route, Some(Action::Back)) => return Next::To(VoteStage::Ballots),
            // Enter records, in every field, as its hint says
            (_, Some(Action::Confirm)) => return self.submit(cx),
            (Field::Route, Some(Action::Up)) => {
                self.chosen = Some(self.chosen.unwrap_or(0).saturating_sub(1))
            }
            (Field::Route, Some(Action::Down)) => {
                let i = self.chosen.map(|i| i + 1).unwrap_or(0);
                self.chosen = Some(i.min(self.choices.len() - 1))
            }
            // a digit picks a route until one is chosen; after that it is
            // the start of the date ("1" then "2027-03-01")
            (Field::Route, Some(Action::Digit(i)))
                if i < self.choices.len() && self.chosen.is_none() =>
            {
                self.chosen = Some(i)
            }
            // what can only be part of a date (a digit that names no route,
            // "-", "/", ".") goes to the date field, never into the words
            // that are recorded with the route
            (Field::Route, _) if is_date_key(&action) => {
                self.field = Field::Revisit;
                edit(&mut self.revisit, &action, false);
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
    fn submit(&mut self, cx: &mut Cx<'_>) -> Next {
        let s = cx.s();
        let own = clean_line(&editor_text(&self.other));
        let Some(choice) = self.chosen.map(|i| self.choices[i].clone()) else {
            cx.error(fill(
                s.err_need_route,
                &[&self.choices.len().min(9).to_string()],
            ));
            self.field = Field::Route;
            return Next::Stay;
        };
        let route = choice.route;
        // a route of the framework's own is stored by its id; the text is
        // the facilitator's words only
        let id = choice.id.clone().filter(|_| choice.as_other);
        let text = own;
        let rv = editor_text(&self.revisit);
        // a date typed into the words (`Tab` once too often) is the date,
        // not the route's words: said, never stored as words
        if rv.trim().is_empty() && parse_date(&text).is_some() {
            cx.error(s.err_date_in_words.to_string());
            self.field = Field::Other;
            return Next::Stay;
        }
        if route == Route::Other && id.is_none() && text.is_empty() {
            cx.error(s.err_need_reason.to_string());
            self.field = Field::Other;
            return Next::Stay;
        }
        let revisit = if rv.trim().is_empty() {
            None
        } else if let Some(d) = parse_date(&rv) {
            Some(d)
        } else {
            cx.error(s.err_bad_date.to_string());
            self.field = Field::Revisit;
            return Next::Stay;
        };
        Next::Record(Closing {
            follow_up: Some(FollowUp { route, text, id }),
            revisit,
            ..Closing::default()
        })
    }

    /// The two columns: the routes (left) and the text fields (right),
    /// with a rule between them, so a route's words and the question
    /// beside them never read as one sentence.
    fn columns(area: Rect) -> [Rect; 2] {
        let [routes, _, fields] = FollowUpForm::columns_and_rule(area);
        [routes, fields]
    }

    /// [`FollowUpForm::columns`] with the three columns between them, the
    /// middle one holding the rule.
    fn columns_and_rule(area: Rect) -> [Rect; 3] {
        // the fields a little wider than the routes: the date's label
        // with its form (jjjj-mm-dd) stays whole at 80 columns
        Layout::horizontal([
            Constraint::Percentage(46),
            Constraint::Length(3),
            Constraint::Fill(1),
        ])
        .areas(area)
    }

    /// The title and each route, wrapped to `width` columns.
    fn route_rows(
        &self,
        app: &App,
        width: usize,
        th: &Theme,
    ) -> (Vec<Line<'static>>, Vec<Vec<Line<'static>>>) {
        let title = wrap_styled(
            &[(app.s().vote_followup_title.to_string(), th.bad)],
            width,
            usize::MAX,
        );
        let routes = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let on = Some(i) == self.chosen;
                let style = match (on, self.field == Field::Route) {
                    (true, true) => th.selected,
                    (true, false) => th.focus,
                    (false, _) => th.base,
                };
                let mark = if on { "◉" } else { "○" };
                let text = format!("{} {mark} {}", (i + 1) % 10, safe_line(&c.words));
                wrap_styled(&[(text, style)], width, usize::MAX)
            })
            .collect();
        (title, routes)
    }

    /// The framework's pulse question, wrapped to `width` in up to `max` rows.
    fn pulse_rows(app: &App, width: usize, max: usize, th: &Theme) -> Vec<Line<'static>> {
        match app.fw().pulse_question() {
            Some(q) if max > 0 => wrap_styled(&[(safe_line(q).into_owned(), th.dim)], width, max),
            _ => Vec::new(),
        }
    }

    /// The rows the form needs in `width` columns to show every route whole.
    pub fn height(&self, app: &App, width: u16, th: &Theme) -> u16 {
        let [routes, fields] = FollowUpForm::columns(Rect::new(0, 0, width, 1));
        let (title, rows) = self.route_rows(app, routes.width.max(2) as usize, th);
        let left = title.len() + rows.iter().map(Vec::len).sum::<usize>();
        let right = 6 + FollowUpForm::pulse_rows(app, fields.width.max(2) as usize, 4, th).len();
        left.max(right) as u16
    }

    /// The routes on the left, the two text fields on the right. Routes
    /// wrap; when they do not all fit, the chosen one stays in view, whole
    /// (or cut with "…" if it alone is taller than the room), and the last
    /// row says how many are out of view.
    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let [routes, rule, fields] = FollowUpForm::columns_and_rule(area);
        let rule = Rect::new(rule.x + 1, rule.y, 1, rule.height);
        let line = Block::new().borders(Borders::LEFT).border_style(th.dim);
        f.render_widget(line, rule);
        let width = routes.width.max(2) as usize;
        let (mut lines, blocks) = self.route_rows(app, width, th);
        let room = (routes.height as usize).saturating_sub(lines.len());
        let total: usize = blocks.iter().map(Vec::len).sum();
        if total <= room {
            lines.extend(blocks.into_iter().flatten());
        } else {
            let room = room.saturating_sub(1); // the row that says what is out of view
            let chosen = self.chosen.unwrap_or(0);
            let rows =
                |from: usize, to: usize| blocks[from..=to].iter().map(Vec::len).sum::<usize>();
            let mut first = 0;
            while first < chosen && rows(first, chosen) > room {
                first += 1;
            }
            let mut used = 0;
            let mut shown = 0;
            for b in &blocks[first..] {
                if used + b.len() > room {
                    break;
                }
                used += b.len();
                shown += 1;
                lines.extend(b.iter().cloned());
            }
            if shown == 0 && room > 0 {
                // the chosen route alone is taller than the room: cut with "…"
                let c = &self.choices[first];
                let text = format!("{} ◉ {}", (first + 1) % 10, safe_line(&c.words));
                lines.extend(wrap_styled(&[(text, th.selected)], width, room));
                shown = 1;
            }
            let hidden = blocks.len() - shown;
            lines.push(Line::from(Span::styled(
                fill(s.vote_routes_more, &[&hidden.to_string()]),
                th.warn,
            )));
        }
        f.render_widget(Paragraph::new(lines), routes);
        // the date's label is the framework's pulse question: it wraps above
        // its field, in the rows the two fields leave
        let max = (fields.height as usize).saturating_sub(6).min(4);
        let pulse_rows = FollowUpForm::pulse_rows(app, fields.width.max(2) as usize, max, th);
        let [a, q, b] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(pulse_rows.len() as u16),
            Constraint::Length(3),
        ])
        .areas(fields);
        f.render_widget(Paragraph::new(pulse_rows), q);
        // "other, namely" only where the route is "other" (or none is
        // chosen yet); with another route the words are a note on it
        let label = match self.chosen.is_none() || self.wants_words() {
            true => s.vote_other,
            false => s.vote_route_words,
        };
        render_editor(&self.other, f, a, label, self.field == Field::Other, s, th);
        let on_revisit = self.field == Field::Revisit;
        render_editor(&self.revisit, f, b, s.vote_revisit, on_revisit, s, th);
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
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        let mut seen = vec![form.field];
        for _ in 0..3 {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
            seen.push(form.field);
        }
        use Field::*;
        assert_eq!(seen, [Route, Revisit, Other, Route], "the date first");
        form.update(&mut Cx::new(&mut app), key(KeyCode::BackTab));
        assert_eq!(form.field, Other);
        // with "other" chosen, its words come first
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('5')));
        form.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
        assert_eq!(form.field, Other);
    }

    #[test]
    fn enter_on_the_route_list_records_as_its_hint_says() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('3')));
        match form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)) {
            Next::Record(closing) => {
                assert_eq!(closing.follow_up.map(|f| f.route), Some(Route::ALL[2]))
            }
            _ => panic!("Enter on the routes records the vote"),
        }
    }

    #[test]
    fn typing_a_date_never_changes_the_route() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('2')));
        assert_eq!(
            form.route(),
            Some(Route::ALL[1]),
            "a number picks a route in the list"
        );
        form.field = Field::Revisit;
        for c in "2027-03-01".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('j')));
        assert_eq!(form.route(), Some(Route::ALL[1]));
        assert_eq!(editor_text(&form.revisit), "2027-03-01j");
        assert_eq!(form.field, Field::Revisit);
    }

    #[test]
    fn a_date_typed_on_the_route_list_goes_to_the_date_never_into_the_words() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('3')));
        // the facilitator forgot Tab: once a route is chosen, "2" is the
        // start of the date, never route 2 (issue 31: "027-06-01" was left)
        for c in "2027-06-01".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        assert_eq!(editor_text(&form.other), "", "nothing in the words");
        assert_eq!(form.field, Field::Revisit);
        assert_eq!(editor_text(&form.revisit), "2027-06-01");
        assert_eq!(form.route(), Some(Route::ALL[2]), "the route stays");
        // a date that is no date is refused
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('3')));
        for c in "2027-13-45".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        assert!(matches!(
            form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Next::Stay
        ));
        assert!(
            app.flash()
                .is_some_and(|f| f.text == crate::i18n::Lang::Nl.strings().err_bad_date)
        );
        // "-" and a digit that names no route go to the date too
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('3')));
        for c in "9-".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        assert_eq!(editor_text(&form.revisit), "9-");
        assert_eq!(form.route(), Some(Route::ALL[2]));
    }

    #[test]
    fn esc_in_a_field_goes_to_the_routes_and_from_there_to_the_ballots() {
        let mut app = app();
        let mut form = FollowUpForm {
            field: Field::Other,
            ..FollowUpForm::new(app.fw(), app.lang())
        };
        assert!(matches!(
            form.update(&mut Cx::new(&mut app), key(KeyCode::Esc)),
            Next::Stay
        ));
        assert_eq!(form.field, Field::Route);
        let back = form.update(&mut Cx::new(&mut app), key(KeyCode::Esc));
        assert!(matches!(back, Next::To(VoteStage::Ballots)));
    }

    #[test]
    fn letters_on_the_route_list_go_to_the_other_field() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('3')));
        for c in "eerst budget".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        assert_eq!(form.route(), Some(Route::ALL[2]), "the route stays");
        assert_eq!(form.field, Field::Other);
        assert_eq!(editor_text(&form.other), "eerst budget");
    }

    /// A date typed into the words (one `Tab` too many) is said, not stored
    /// as the route's words (found by an outside test).
    #[test]
    fn a_date_in_the_words_is_refused_with_where_it_belongs() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        form.update(&mut Cx::new(&mut app), key(KeyCode::Char('2')));
        form.field = Field::Other;
        for c in "2027-03-01".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        assert_eq!(editor_text(&form.other), "2027-03-01");
        assert!(matches!(
            form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Next::Stay
        ));
        let said = crate::i18n::Lang::Nl.strings().err_date_in_words;
        assert!(app.flash().is_some_and(|f| f.text == said));
        // with the date in its own field, the same words are a note
        form.revisit = editor("2027-04-01");
        assert!(matches!(
            form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Next::Record(_)
        ));
    }

    #[test]
    fn no_route_is_chosen_for_the_room() {
        let mut app = app();
        let mut form = FollowUpForm::new(app.fw(), app.lang());
        assert_eq!(form.route(), None);
        assert!(matches!(
            form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Next::Stay
        ));
        assert!(app.flash().is_some_and(
            |f| f.text == fill(crate::i18n::Lang::Nl.strings().err_need_route, &["5"])
        ));
    }
}
