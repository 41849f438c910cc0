//! `wijktafel demo`: the made-up example session, written to a file or
//! created in the store and opened.

use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::store;

use super::args::Cli;
use super::carried::carry_new;
use super::failure::Failure;
use super::launch::{created_without_terminal, interactive, open_path, open_store};
use super::output::write_path_line;

/// `demo`: write the demo session to `out`, or create it in the store and open it.
pub(super) fn run(
    cli: &Cli,
    fw: &Framework,
    given: Option<&Given>,
    workshops: u32,
    out: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let mut session = crate::demo::build(fw, workshops);
    carry_new(&mut session, fw, given);
    match out {
        Some(path) => {
            store::write_new(path, store::to_toml(&session).as_bytes())?;
            Ok(write_path_line(path)?)
        }
        None => {
            let store = open_store(cli)?;
            let path = store::create_unique(&store, session)?;
            if !interactive() {
                return created_without_terminal(cli.lang, &path);
            }
            open_path(cli, fw, given, &path)
        }
    }
}
