//! The home screen: the saved sessions, `Enter` opens one, `n` a new
//! session, `d` the demo.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::demo;
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::dialogs::new_session::NewForm;
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrapped::Wrapped;

use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::{fit, flash_line, pad};

pub use crate::tui::session_view::HomeEntry;

pub fn update(app: &mut App, action: Action) {
    let rows = if app.areas().active() {
        app.areas().rows().len()
    } else {
        app.home.len()
    };
    match action {
        Action::Up => app.home_sel = app.home_sel.saturating_sub(1),
        Action::Down => app.home_sel = (app.home_sel + 1).min(rows.saturating_sub(1)),
        Action::Confirm => {
            let path = if app.areas().active() {
                let row = app.areas().rows().get(app.home_sel).copied();
                row.and_then(|r| app.areas().path(r))
            } else {
                app.home.get(app.home_sel).map(|e| e.path.clone())
            };
            if let Some(path) = path
                && let Err(err) = crate::tui::dialogs::flow::open_path(app, &path)
            {
                app.error(err.message(app.lang()));
            }
        }
        Action::SortAreas => {
            app.areas_mut().next_sort();
            app.home_sel = 0;
        }
        Action::NextMunicipality => {
            app.areas_mut().next_municipality();
            app.home_sel = 0;
        }
        Action::NewSession => app.open_dialog(NewForm::default()),
        Action::Demo => open_demo(app),
        Action::Help => app.open_dialog(HelpDialog::new(app.ctx())),
        Action::CycleTheme => app.set_theme(app.theme().next()),
        Action::Quit => app.quit(),
        _ => {}
    }
}

/// Write a fresh copy of the demo into the store and open it.
pub fn open_demo(app: &mut App) {
    let (fw, text) = app.new_session_framework();
    let mut session = demo::build(&fw, 2);
    crate::framework::carried::carry(&mut session, &fw, text);
    match crate::store::create_unique(app.store(), session) {
        Ok(path) => {
            if let Err(e) = crate::tui::dialogs::flow::open_path(app, &path) {
                app.error(e.message(app.lang()));
            }
        }
        Err(e) => app.error(e.message(app.lang())),
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    if app.areas().active() {
        return super::areas::render(app, f, area, th);
    }
    let s = app.s();
    let [header, body, flash, footer] = crate::tui::widgets::status::screen_rows(area);
    f.render_widget(
        Paragraph::new(format!(" {} ", s.home_title)).style(th.header),
        header,
    );
    let inner = body.inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 1,
    });
    if app.home.is_empty() {
        let dir = app.store().dir().display().to_string();
        f.render_widget(
            Wrapped::new(vec![
                Line::from(Span::styled(
                    safe_line(&fill(s.home_empty, &[&dir])).into_owned(),
                    th.base,
                )),
                Line::default(),
                Line::from(Span::styled(s.home_empty_hint, th.title)),
            ]),
            inner,
        );
    } else {
        // column widths: name, area, block, last workshop; the vote takes the rest
        let wide = inner.width >= 110;
        let (wn, wa, wb, wl) = if wide {
            (28, 18, 30, 18)
        } else {
            (20, 12, 18, 14)
        };
        // the ▶ of the selected row first; columns padded by display width
        let wv = (inner.width as usize).saturating_sub(2 + wn + wa + wb + wl + 5);
        let lines: Vec<Line> = app
            .home
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let sel = i == app.home_sel;
                let style = if sel { th.selected } else { th.base };
                let mark = Span::styled(crate::tui::widgets::marker(sel), th.focus);
                match &e.error {
                    Some(err) => Line::from(vec![
                        mark,
                        Span::styled(pad(&safe_line(&e.name), 24), style),
                        Span::styled(format!(" ⚠ {}", safe_line(err)), th.bad),
                    ]),
                    None => Line::from(vec![
                        mark,
                        Span::styled(pad(&safe_line(&e.name), wn), style),
                        Span::styled(format!(" {}", pad(&safe_line(&e.area), wa)), th.base),
                        Span::styled(format!(" {}", pad(&e.block, wb)), th.dim),
                        Span::styled(format!(" {}", pad(&e.last, wl)), th.dim),
                        Span::styled(format!(" {}", fit(&e.vote, wv)), th.title),
                    ]),
                }
            })
            .collect();
        render_list(lines, app.home_sel, f, inner, th);
    }
    f.render_widget(Paragraph::new(flash_line(app, th, flash.width)), flash);
    f.render_widget(hint_line(Ctx::Home, s, footer.width, false, th), footer);
}

impl App {
    /// Fill the home list from the store.
    pub fn refresh_home(&mut self) {
        let s = self.s();
        let today = self.now().to_zoned(self.tz().clone()).date();
        let (list, report) =
            crate::catalog::home(self.store(), self.framework_arg(), today, self.lang())
                .unwrap_or_default();
        self.areas_mut().report = report;
        self.home = list
            .into_iter()
            .map(|sum| HomeEntry {
                last: match (&sum.error, sum.last_workshop) {
                    (Some(_), _) => String::new(),
                    (None, Some((n, d))) => format!("{n} · {d}"),
                    (None, None) => "—".into(),
                },
                vote: match (&sum.error, sum.latest_vote) {
                    (Some(_), _) => String::new(),
                    (None, Some((o, _))) => format!("{} {}", o.symbol(), o.word(self.lang())),
                    (None, None) => s.no_vote.to_string(),
                },
                block: sum.block.unwrap_or_default(),
                path: sum.path,
                name: sum.name,
                area: sum.area,
                error: sum.error,
            })
            .collect();
        let rows = if self.areas().active() {
            self.areas().rows().len()
        } else {
            self.home.len()
        };
        self.home_sel = self.home_sel.min(rows.saturating_sub(1));
    }
}
