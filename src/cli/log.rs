//! `wijktafel log` and `wijktafel restore --event` (issue 23): what
//! happened in a session, from its journal, and going back to any event.

use super::args::Cli;
use super::carried::session_framework;
use super::failure::Failure;
use super::launch::open_store;
use super::output::write_stdout_bytes;
use crate::export::LogFilter;
use crate::framework::carried::Given;
use crate::safe_text::shell_word;
use crate::store;

/// `log`: every event, or those of one workshop or one point, in words,
/// with the session's own framework. Reads only.
pub fn log(
    cli: &Cli,
    given: Option<&Given>,
    session: &str,
    filter: &LogFilter,
) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let sess = store::load(&store.find(session)?)?;
    let fw = session_framework(&sess, given, cli.lang)?;
    let tz = jiff::tz::TimeZone::system();
    let text = crate::export::log_text(&fw, &sess, cli.lang, &tz, filter);
    Ok(write_stdout_bytes(text.as_bytes())?)
}

/// `restore --event N`: the session as it was after event N, as one more
/// event (refused while the session is open).
pub fn restore_event(cli: &Cli, session: &str, to: u64) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let path = store.find(session)?;
    let text = crate::export::restore_event_text(&path, &shell_word(session), to, cli.lang)?;
    Ok(write_stdout_bytes(text.as_bytes())?)
}
