//! `wijktafel beamer`: the room's view of a session another window has open.

use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::store;

use super::args::Cli;
use super::carried::session_framework;
use super::failure::Failure;
use super::launch::{interactive, open_store};

/// `beamer`: the room's view of a session another window has open. Reads
/// only: no lock, no save, no backup, no live file of its own.
pub(super) fn run(
    cli: &Cli,
    given: Option<&Given>,
    session: &str,
    opts: crate::beamer::Options,
) -> Result<(), Failure> {
    let store = open_store(cli)?;
    // a session still to be made (the beamer may start first): it waits
    // for the file `new` will write under that name
    let path = match store.find(session) {
        Err(crate::store::StoreError::NotFound(_)) => store.path_for(session)?,
        found => found?,
    };
    // the session's own framework (a switch while the beamer runs shows
    // after a restart); for a session still to come, the one given or the
    // built-in one
    let fw = match store::load(&path) {
        Ok(sess) => session_framework(&sess, given, cli.lang)?,
        Err(_) if !path.exists() => given
            .map(|g| g.fw.clone())
            .unwrap_or_else(Framework::builtin),
        Err(e) => return Err(e.into()),
    };
    if !interactive() {
        return Err(Failure::NoTerminal(path));
    }
    let b = crate::beamer::Beamer::new(fw, cli.lang, cli.theme, path, opts);
    Ok(crate::beamer::launch(b)?)
}
