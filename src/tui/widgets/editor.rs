//! The text editor used by every dialog: creating it, reading its text,
//! feeding it keys and pastes, and drawing it with the focus visible.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::{TextArea, WrapMode};

use crate::tui::keys::Action;
use crate::tui::text::clean_input;
use crate::tui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// A new editor holding `text`, with the cursor at its end.
pub fn editor(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(String::from).collect()
    };
    let mut ta = TextArea::new(lines);
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

/// The editor's text, lines joined with `\n`.
pub fn editor_text(ta: &TextArea<'_>) -> String {
    ta.lines().join("\n")
}

/// Outcome of a key in a text editor.
pub enum Edit {
    Submit,
    Cancel,
    Changed,
    Tab,
    BackTab,
    Other,
}

/// Feed a key or a paste to an editor. A paste is cleaned of control
/// characters (and of line breaks in a one-line field).
pub fn edit(ta: &mut TextArea<'static>, action: &Action, multiline: bool) -> Edit {
    match action {
        Action::Paste(s) => {
            let mut t = clean_input(s);
            if !multiline {
                t = t.replace('\n', " ");
            }
            ta.insert_str(t);
            Edit::Changed
        }
        Action::Key(ev) => match ev.code {
            KeyCode::Enter if ev.modifiers.contains(KeyModifiers::ALT) => {
                if multiline {
                    ta.insert_newline();
                    Edit::Changed
                } else {
                    Edit::Other
                }
            }
            KeyCode::Enter => Edit::Submit,
            KeyCode::Esc => Edit::Cancel,
            KeyCode::Tab => Edit::Tab,
            KeyCode::BackTab => Edit::BackTab,
            KeyCode::Char(c) if c.is_control() => Edit::Other,
            // by the rows as they are drawn (see `editor_view`)
            KeyCode::Up | KeyCode::Down
                if ev.modifiers.is_empty()
                    && super::editor_view::move_row(ta, ev.code == KeyCode::Down) =>
            {
                Edit::Other
            }
            // Ctrl+U: the whole field is cleared (Ctrl+Y brings it back);
            // Ctrl+W (a word back), Home and End are the editor's own
            KeyCode::Char('u') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                ta.select_all();
                if ta.cut() { Edit::Changed } else { Edit::Other }
            }
            // Ctrl+J: a newline on terminals without Alt+Enter
            KeyCode::Char('j') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                if multiline {
                    ta.insert_newline();
                    Edit::Changed
                } else {
                    Edit::Other
                }
            }
            _ => {
                if ta.input(*ev) {
                    Edit::Changed
                } else {
                    Edit::Other
                }
            }
        },
        _ => Edit::Other,
    }
}

/// Draw an editor in a frame with a label; the one with focus has a
/// highlighted frame and a visible cursor. Text out of view is said on the
/// frame: "↑ meer" at the top, "↓ meer" at the bottom.
pub fn render_editor(
    ta: &ratatui_textarea::TextArea<'static>,
    f: &mut Frame,
    area: Rect,
    label: &str,
    active: bool,
    s: &crate::i18n::Strings,
    th: &Theme,
) {
    // a label longer than the frame ends in "…", never cut silently
    let label = super::status::fit(label, usize::from(area.width).saturating_sub(4));
    let blk = Block::new()
        .borders(Borders::ALL)
        .border_style(if active { th.focus } else { th.border })
        .title(Span::styled(
            format!(" {label} "),
            if active { th.focus } else { th.dim },
        ));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    // wrapped at spaces by terminal columns, as everywhere else (issue 25)
    let cursor = active.then(|| editor_cursor_style(th, active));
    let hidden = super::editor_view::draw(ta, f, inner, cursor, th);
    let style = if active { th.focus } else { th.dim };
    let title = label.width() + 2;
    if hidden.above {
        more_on_border(f, area, area.y, s.ui_editor_above, title, style);
    }
    if hidden.below && area.height > 1 {
        let bottom = area.y + area.height - 1;
        more_on_border(f, area, bottom, s.ui_editor_below, 0, style);
    }
}

/// `text` at the right of the frame's row `y`, one column in from the
/// corner, when it fits beside `taken` columns at the left (the title);
/// else its arrow alone; else nothing.
fn more_on_border(f: &mut Frame, area: Rect, y: u16, text: &str, taken: usize, style: Style) {
    let room = usize::from(area.width).saturating_sub(taken + 3);
    let arrow = text.split(' ').next().unwrap_or(text);
    let Some(shown) = [format!(" {text} "), format!(" {arrow} ")]
        .into_iter()
        .find(|t| t.width() <= room)
    else {
        return;
    };
    let x = area.x + area.width - 1 - shown.width() as u16;
    f.buffer_mut().set_string(x, y, shown, style);
}

/// The cursor of the editor with focus is reversed; elsewhere it is hidden.
pub fn editor_cursor_style(th: &Theme, active: bool) -> Style {
    if active {
        th.selected.add_modifier(Modifier::REVERSED)
    } else {
        th.base
    }
}

/// Where an editor dialog is drawn and what it says.
pub struct EditorBox<'a> {
    pub width: u16,
    pub height: u16,
    pub title: &'a str,
    pub label: &'a str,
    pub ctx: crate::tui::keys::Ctx,
}

/// A dialog that is one editor: a box with a title, the editor with its
/// label and the focus, and the hint line of its key-table context.
pub fn render_editor_box(
    b: EditorBox<'_>,
    ta: &TextArea<'static>,
    s: &crate::i18n::Strings,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    use ratatui::layout::{Constraint, Layout};
    let inner = crate::tui::widgets::popup::popup(f, area, b.width, b.height, b.title, th);
    use crate::tui::widgets::footer::{hint_rows, render_hints};
    let rows = hint_rows(b.ctx, s, inner.width);
    let [ed, h] = Layout::vertical([Constraint::Min(3), Constraint::Length(rows)]).areas(inner);
    render_editor(ta, f, ed, b.label, true, s, th);
    render_hints(f, h, b.ctx, s, th);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(ta: &mut TextArea<'static>, code: KeyCode, m: KeyModifiers) {
        edit(ta, &Action::Key(KeyEvent::new(code, m)), true);
    }

    #[test]
    fn ctrl_u_clears_ctrl_w_deletes_a_word_home_and_end_move() {
        let mut ta = editor("de bewoners zijn\nniet gehoord");
        key(&mut ta, KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(editor_text(&ta), "de bewoners zijn\nniet ");
        key(&mut ta, KeyCode::Home, KeyModifiers::NONE);
        key(&mut ta, KeyCode::Char('x'), KeyModifiers::NONE);
        key(&mut ta, KeyCode::End, KeyModifiers::NONE);
        key(&mut ta, KeyCode::Char('y'), KeyModifiers::NONE);
        assert_eq!(editor_text(&ta), "de bewoners zijn\nxniet y");
        key(&mut ta, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(editor_text(&ta), "", "every line of the field");
        key(&mut ta, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(editor_text(&ta), "");
        key(&mut ta, KeyCode::Char('y'), KeyModifiers::CONTROL);
        assert_eq!(
            editor_text(&ta),
            "de bewoners zijn\nxniet y",
            "Ctrl+Y brings it back"
        );
    }
}
