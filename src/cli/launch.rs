//! Opening the store and starting the full-screen program (or, without a
//! terminal, checking and refusing): shared by `open`, `new`, `demo`,
//! `beamer` and the home screen.

use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::i18n::{Lang, fill};
use crate::safe_text::safe_line;
use crate::store::{self, SessionLock, Store, StoreError};

use super::args::{Cli, Command};
use super::carried::session_framework;
use super::failure::Failure;
use super::output::write_stdout;

/// The store named on the command line; warns on stderr when its existing
/// folder is open to others (wijktafel never changes a folder's mode).
pub(crate) fn open_store(cli: &Cli) -> Result<Store, StoreError> {
    let store = Store::resolve(cli.dir.clone())?;
    // where the screen is about to be taken over, the warning is shown on
    // it instead (see `new_app`): text written to the terminal underneath
    // could show through the program's last row
    if !(launches_tui(cli) && interactive())
        && let Some(w) = store.privacy_warning(cli.lang)
    {
        eprintln!("wijktafel: {w}");
    }
    Ok(store)
}

/// Whether this command opens the full-screen program.
pub(super) fn launches_tui(cli: &Cli) -> bool {
    match &cli.command {
        None | Some(Command::Open { .. }) | Some(Command::Beamer { .. }) => true,
        Some(Command::New { no_open, .. }) => !no_open,
        Some(Command::Demo { out, .. }) => out.is_none(),
        _ => false,
    }
}

/// Whether we talk to a person at a terminal (otherwise no TUI is started).
pub(crate) fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The TUI's state for this command line: its language and theme, now.
pub(super) fn new_app(
    cli: &Cli,
    fw: &Framework,
    given: Option<&Given>,
    store: Store,
) -> crate::tui::App {
    let warning = store.privacy_warning(cli.lang);
    let mut app = crate::tui::App::new(
        fw.clone(),
        cli.lang,
        cli.theme,
        store,
        jiff::Timestamp::now(),
    );
    app.set_framework_arg(given.cloned());
    if let Some(w) = warning {
        app.info(w);
    }
    // the room's view follows this window (issue 17)
    app.set_live_writer(crate::tui::app::live_out::LiveOut::new());
    app
}

/// Open a session file in the TUI. Without a terminal nothing is opened,
/// started or saved: the file is only checked (so a damaged or locked file
/// is still reported as such) and the command is refused.
pub(super) fn open_path(
    cli: &Cli,
    fw: &Framework,
    given: Option<&Given>,
    path: &std::path::Path,
) -> Result<(), Failure> {
    if !interactive() {
        return check_without_terminal(cli, given, path);
    }
    let store = Store::resolve(cli.dir.clone())?; // warned already
    let mut app = new_app(cli, fw, given, store);
    crate::tui::dialogs::flow::open_path(&mut app, path).map_err(|e| match e {
        crate::tui::OpenError::Store(e) => Failure::Store(e),
        crate::tui::OpenError::Framework(m) => Failure::Usage(m),
    })?;
    Ok(crate::tui::launch(app)?)
}

/// `open` without a terminal: report a lock or a damaged file, then refuse.
/// Leaves no lock file behind that was not there before.
pub(super) fn check_without_terminal(
    cli: &Cli,
    given: Option<&Given>,
    path: &std::path::Path,
) -> Result<(), Failure> {
    store::refuse_symlink(path)?;
    if SessionLock::path_for(path).exists() {
        drop(SessionLock::acquire(path)?);
    }
    session_framework(&store::load(path)?, given, cli.lang)?;
    Err(Failure::NoTerminal(path.to_path_buf()))
}

/// `new` or `demo` without a terminal: the file was written, it is not
/// opened. The path goes to stdout (as with `--no-open`), the note to stderr.
pub(super) fn created_without_terminal(lang: Lang, path: &std::path::Path) -> Result<(), Failure> {
    let shown = path.display().to_string();
    eprintln!(
        "wijktafel: {}",
        safe_line(&fill(lang.strings().created_no_terminal, &[&shown]))
    );
    Ok(write_stdout(&format!("{shown}\n"))?)
}
