//! `wijktafel beamer SESSION`: the room's view on the projector (issue 17).
//!
//! A read-only window that follows the facilitator's window: it reads the
//! session file and the live-state file ([`crate::live`]) that the
//! facilitator's process writes next to it, and shows the point, the vote,
//! the outcome, the recap or the summary, large and without any key hints.
//! It never takes the lock and never writes anything.
//!
//! - [`follow`]: polling the two files' metadata, reloading on change;
//! - [`view`]: what is shown, from the beamer's state, and the layout that
//!   lets parts drop out as space shrinks (the question stays);
//! - one file per state: [`point`], [`vote`], [`outcome`], [`recap`],
//!   [`summary`], [`waiting`].
//!
//! The loop is generic over the ratatui [`Backend`], an [`EventSource`] and a
//! [`Clock`], so tests drive it with a `TestBackend` and temp files.

pub mod follow;
pub mod outcome;
pub mod plan;
pub mod point;
pub mod recap;
pub mod summary;
pub mod view;
pub mod vote;
pub mod waiting;

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::tz::TimeZone;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Frame, Terminal};

use crate::framework::Framework;
use crate::i18n::Lang;
use crate::live::LiveState;
use crate::session::Session;
use crate::term::{self, Clock, EventSource, SystemClock, TerminalEvents, repaint_all};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::ThemeKind;

pub use follow::Follower;

/// How often the files are looked at: a change shows within this (plus a
/// frame), well inside the 300 ms the room may wait.
pub const POLL: Duration = Duration::from_millis(100);

/// The command line's choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `--live`: show the note or reason as it is typed.
    pub live: bool,
    /// `--hide-tally`: "stemming loopt" until the vote is closed.
    pub hide_tally: bool,
}

/// The session as last read.
#[derive(Debug)]
pub enum Loaded {
    /// Not read yet.
    NotYet,
    Read(Box<Session>),
    /// Damaged, newer, or gone: why (shown calmly).
    Unreadable(String),
}

/// Everything the beamer shows is a function of this.
pub struct Beamer {
    pub fw: Framework,
    pub lang: Lang,
    pub theme: ThemeKind,
    pub tz: TimeZone,
    pub opts: Options,
    /// The session file followed.
    pub path: PathBuf,
    pub session: Loaded,
    /// The facilitator's live state, when there is a live file.
    pub live: Option<LiveState>,
    /// Now, in Unix seconds (for the heartbeat).
    pub now: i64,
    pub quit: bool,
}

impl Beamer {
    pub fn new(
        fw: Framework,
        lang: Lang,
        theme: ThemeKind,
        path: PathBuf,
        opts: Options,
    ) -> Beamer {
        Beamer {
            fw,
            lang,
            theme,
            tz: TimeZone::system(),
            opts,
            path,
            session: Loaded::NotYet,
            live: None,
            now: 0,
            quit: false,
        }
    }

    /// The live state when a facilitator is there (its heartbeat is fresh).
    pub fn facilitator(&self) -> Option<&LiveState> {
        self.live.as_ref().filter(|l| l.fresh(self.now))
    }
}

/// Draw the beamer: a pure function of its state. Every cell gets the
/// theme's background first.
pub fn render(b: &Beamer, f: &mut Frame) {
    let th = b.theme.theme();
    let area = f.area();
    f.buffer_mut().set_style(area, th.base);
    match view::shown(b) {
        view::Shown::Waiting => waiting::render(b, f, area, &th),
        view::Shown::Unreadable(_) => waiting::render_unreadable(b, f, area, &th),
        view::Shown::Recap {
            sess,
            planned,
            page,
        } => recap::render(b, sess, (planned, page), f, area, &th),
        view::Shown::Summary { sess } => summary::render(b, sess, f, area, &th),
        view::Shown::Point { sess, live } => point::render(b, sess, live, f, area, &th),
        view::Shown::Vote { sess, live } => vote::render(b, sess, live, f, area, &th),
        view::Shown::Outcome { sess, vote } => outcome::render(b, sess, vote, f, area, &th),
    }
    crate::tui::theme::underline_glyphs_only(f.buffer_mut());
}

/// Run until `q`/Esc/Ctrl+C, the event source ends, or `stop` is raised.
/// Looks at the files every `poll`; redraws only on a change, a resize, or
/// when the facilitator comes or goes.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    b: &mut Beamer,
    follow: &mut Follower,
    events: &mut impl EventSource,
    clock: &impl Clock,
    stop: &AtomicBool,
    poll: Duration,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut redraw = true;
    let mut present = None;
    while !b.quit && !stop.load(Ordering::Relaxed) {
        if events.resumed() {
            // after a suspend: every cell again, at the size the terminal has now
            repaint_all(terminal)?;
            redraw = true;
        }
        b.now = clock.now().as_second();
        redraw |= follow.poll(b);
        let here = b.facilitator().is_some();
        if present != Some(here) {
            present = Some(here);
            redraw = true;
        }
        if redraw {
            terminal.draw(|f| render(b, f)).map_err(io::Error::other)?;
            redraw = false;
        }
        match events.next(poll)? {
            Some(Event::Key(k))
                if k.kind != KeyEventKind::Release
                    && keys::lookup(Ctx::Beamer, &k) == Some(Action::Quit) =>
            {
                b.quit = true;
            }
            Some(Event::Resize(_, _)) => redraw = true,
            _ => {}
        }
    }
    Ok(())
}

/// Start the beamer in the real terminal. The terminal is restored on every
/// way out: `q`, an error, a panic, SIGTERM/SIGHUP/SIGINT (and on Windows the
/// console's close button and Ctrl+Break), through the same [`term`] as the
/// facilitator's window.
pub fn launch(mut b: Beamer) -> io::Result<()> {
    let gate = term::signals::install()?;
    term::on_panic(false, |place| {
        format!("wijktafel beamer: interne fout{place}. De sessie is niet aangeraakt.")
    });
    // the files are read on a thread of their own: nothing they are can
    // keep this thread from `q` and the signals
    let mut follow = Follower::spawn(&b.path, b.lang, POLL);
    let (mut terminal, guard) = term::Guard::enter(false)?;
    let mut events = TerminalEvents::spawn().with_job_control(false)?;
    let result = run(
        &mut terminal,
        &mut b,
        &mut follow,
        &mut events,
        &SystemClock,
        gate.flag(),
        // the reading thread looks every POLL; the loop takes in what it
        // read (and keys, and signals) four times as often
        POLL / 4,
    );
    // nothing to save: a waiting close handler (Windows) may return at once
    gate.saved();
    drop(guard);
    result
}
