//! `wijktafel open` and the program without a command (the home screen).

use crate::framework::Framework;
use crate::framework::carried::Given;

use super::args::Cli;
use super::failure::Failure;
use super::launch::{interactive, new_app, open_path, open_store};
use super::output::write_stdout;

/// `open`: a session by name or path in the TUI, with its own framework.
pub(super) fn run(cli: &Cli, given: Option<&Given>, session: &str) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let path = store.find(session)?;
    let fw = given.map_or_else(Framework::builtin, |g| g.fw.clone());
    open_path(cli, &fw, given, &path)
}

/// No command: the home screen, or the help without a terminal.
pub(super) fn home(cli: &Cli, fw: &Framework, given: Option<&Given>) -> Result<(), Failure> {
    let store = open_store(cli)?;
    if !interactive() {
        use clap::CommandFactory;
        return Ok(write_stdout(&Cli::command().render_help().to_string())?);
    }
    let mut app = new_app(cli, fw, given, store);
    app.refresh_home();
    Ok(crate::tui::launch(app)?)
}
