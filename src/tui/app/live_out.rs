//! The facilitator's side of the live-state file ([`crate::live`]): what
//! the room should see, computed from the app by a pure function
//! ([`state_of`], each dialog's part its own [`crate::tui::app::Dialog::seen`]),
//! and the hook at the end of [`crate::tui::dispatch::update`]
//! ([`sync`]) that writes it when it changed, renews its heartbeat, and
//! removes it when no session is open or the app ends. A write that fails
//! is tried again on the next tick; it never shows a dialog and never
//! touches the session file.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::live::{self, LiveDialog, LiveScreen, LiveState, Typing, TypingKind};
use crate::tui::app::{App, Mode};

/// The writer's memory: where it wrote, what, and when.
#[derive(Debug)]
pub struct LiveOut {
    instance: String,
    /// The live file written last (removed when the session changes).
    path: Option<PathBuf>,
    /// What was written last, without its heartbeat.
    last: Option<LiveState>,
    written_at: i64,
    /// The last write failed: try again on the next update.
    failed: bool,
}

impl LiveOut {
    /// A writer for this process.
    pub fn new() -> LiveOut {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        LiveOut {
            instance: format!("{}-{started}", std::process::id()),
            path: None,
            last: None,
            written_at: i64::MIN,
            failed: false,
        }
    }

    /// The live file this writer keeps, if any.
    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// Whether the last write failed.
    pub fn failed(&self) -> bool {
        self.failed
    }

    fn clear(&mut self) {
        if let Some(p) = self.path.take() {
            live::remove(&p);
        }
        self.last = None;
        self.failed = false;
    }
}

impl Default for LiveOut {
    fn default() -> Self {
        LiveOut::new()
    }
}

/// What the room should see of the app now (heartbeat and instance left
/// empty), and the live file it goes to; `None` without an open session.
pub fn state_of(app: &App) -> Option<(PathBuf, LiveState)> {
    let o = app.open_session()?;
    let screen = match &app.mode {
        Mode::Start(_, v) => LiveScreen::Recap {
            planned: o.planned.is_some(),
            // the room's recap follows the facilitator's page keys
            page: v
                .recap
                .scroll
                .div_ceil(crate::tui::session_view::RECAP_PAGE),
        },
        _ => LiveScreen::Point,
    };
    let mut state = LiveState {
        format: live::LIVE_FORMAT,
        instance: String::new(),
        heartbeat: 0,
        screen,
        point: o.session.cursor.clone(),
        dialog: LiveDialog::None,
        typing: None,
    };
    if let Some(dialog) = app.overlay() {
        dialog.seen(&mut state);
    }
    Some((live::path_for(&o.path), state))
}

/// What the room sees of an editor: its kind and the text being typed.
pub fn typing(kind: TypingKind, ta: &TextArea<'static>) -> Option<Typing> {
    Some(Typing {
        kind,
        text: typed(ta),
    })
}

/// The text of an editor, up to [`live::TYPING_LIMIT`] characters (then
/// "…"): a long paste costs no more per key than a short note.
fn typed(ta: &TextArea<'static>) -> String {
    let mut out = String::new();
    let mut count = 0;
    for (i, line) in ta.lines().iter().enumerate() {
        if i > 0 {
            out.push('\n');
            count += 1;
        }
        for c in line.chars() {
            if count >= live::TYPING_LIMIT {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// The hook after every update: write the live file when what the room
/// sees changed or its heartbeat is due; remove it when no session is open
/// or the app is quitting. Does nothing when the app has no writer (tests
/// that do not ask for one).
pub fn sync(app: &mut App) {
    let Some(mut out) = app.live.take() else {
        return;
    };
    let wanted = if app.quit {
        None
    } else {
        state_of(app).or_else(|| held_summary(&out, app))
    };
    match wanted {
        None => out.clear(),
        Some((path, state)) => {
            if out.path.as_ref() != Some(&path) {
                out.clear();
                out.path = Some(path.clone());
            }
            let now = app.now.as_second();
            let due = now.saturating_sub(out.written_at) >= live::HEARTBEAT_SECS;
            if out.failed || due || out.last.as_ref() != Some(&state) {
                let full = LiveState {
                    instance: out.instance.clone(),
                    heartbeat: now,
                    ..state.clone()
                };
                out.failed = live::write(&path, &full).is_err();
                out.written_at = now;
                out.last = Some(state);
            }
        }
    }
    app.live = Some(out);
}

/// After `Enter` on the end summary the session closes, but the room keeps
/// seeing the outcome of the meeting: the summary stays in the live file
/// (its heartbeat renewed) until the facilitator opens something else or quits.
fn held_summary(out: &LiveOut, app: &App) -> Option<(PathBuf, LiveState)> {
    if !matches!(app.mode, Mode::Home) {
        return None;
    }
    let last = out
        .last
        .as_ref()
        .filter(|l| l.screen == LiveScreen::Summary)?;
    Some((out.path.clone()?, last.clone()))
}

/// The app ends (every way out that [`crate::tui::app::shutdown`] covers):
/// the room's view goes with it.
pub fn stop(app: &mut App) {
    if let Some(out) = app.live.as_mut() {
        out.clear();
    }
}
