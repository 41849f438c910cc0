//! `wijktafel new`: create a session, then open it.

use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::i18n::fill;
use crate::session::{Session, parse_party};
use crate::store::clean_line;
use crate::vote::DecisionRule;

use super::args::Cli;
use super::carried::carry_new;
use super::failure::Failure;
use super::launch::{created_without_terminal, interactive, open_path, open_store};
use super::output::write_path_line;

/// What `new` was given on the command line.
pub(super) struct NewArgs<'a> {
    pub(super) name: &'a str,
    pub(super) area: Option<&'a str>,
    pub(super) municipality: Option<&'a str>,
    pub(super) facilitator: Option<&'a str>,
    pub(super) parties: &'a [String],
    pub(super) rule: DecisionRule,
    pub(super) no_open: bool,
}

/// `new`: create a session, then open it (unless `--no-open`).
pub(super) fn run(
    cli: &Cli,
    fw: &Framework,
    given: Option<&Given>,
    args: &NewArgs,
) -> Result<(), Failure> {
    let lang = cli.lang;
    let store = open_store(cli)?;
    let name = clean_line(args.name);
    store.path_for(&name)?;
    let mut session = Session::new(&name, fw, jiff::Timestamp::now());
    carry_new(&mut session, fw, given);
    session.area = clean_line(args.area.unwrap_or(""));
    session.municipality = clean_line(args.municipality.unwrap_or(""));
    session.facilitator = clean_line(args.facilitator.unwrap_or(""));
    session.rule = args.rule;
    for spec in args.parties {
        let Some((o, r, d)) = parse_party(&clean_line(spec)) else {
            return Err(Failure::Usage(fill(
                lang.strings().err_bad_party,
                &[&clean_line(spec)],
            )));
        };
        session.add_party(&o, &r, &d);
    }
    let path = store.create(&session)?;
    if args.no_open {
        Ok(write_path_line(&path)?)
    } else if !interactive() {
        created_without_terminal(lang, &path)
    } else {
        open_path(cli, fw, given, &path)
    }
}
