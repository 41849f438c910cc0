//! Command line: parsing with clap, dispatch, and plain error messages.
//! One file per command (`new.rs`, `export.rs`, …); the arguments in
//! `args.rs`, the help's words in `help_nl.rs` and `help_en.rs`, what
//! goes to standard output in `output.rs`, the store and the full-screen
//! program in `launch.rs`.
//!
//! Errors go to stderr as one plain line and a non-zero exit code: 2 for a
//! malformed input file (framework or session) or a wrong argument, 1 for
//! anything else (also `open` without a terminal).
//!
//! Everything written to the terminal passes through the UI's filter
//! ([`crate::safe_text`]): error messages always (they quote files and
//! arguments), standard output when it is a terminal. Standard output to a
//! file or pipe keeps data exact: JSON escapes every unsafe character as
//! `\uXXXX`; Markdown and HTML minutes hold no control characters (bidi
//! controls as character references); CSV is written exactly, as a data
//! file must be.
//!
//! `open` (and `new`, `demo` without `--no-open`/`--out`) need a terminal on
//! standard input and output; without one, nothing is started or saved.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::framework::carried::Given;
use crate::framework::{Framework, FrameworkError};
use crate::i18n::fill;
use crate::safe_text::{safe_line, safe_text};
use crate::vote::DecisionRule;

mod args;
mod backups;
mod beamer;
mod carried;
mod demo;
mod export;
mod failure;
mod framework;
mod framework_switch;
pub mod help_en;
mod help_nl;
mod launch;
mod list;
mod log;
mod new;
mod open;
mod output;
mod overview;
mod plan;
mod restore;

pub use args::{Cli, Command, ExportFormat, FrameworkFormat};
pub use backups::backups_text;
pub use failure::Failure;
pub use help_nl::dutch_help;
pub use list::list_text;
pub use output::for_terminal;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let english = help_en::wants_english(std::env::args_os());
    let cmd = if english {
        help_en::english_help(Cli::command())
    } else {
        dutch_help(Cli::command())
    };
    let parsed = cmd
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // clap quotes the arguments: through the filter like every error
            eprint!("{}", safe_text(&e.render().to_string()));
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
            // clap's one English word left in the usage line
            let text = e.render().to_string();
            match english {
                true => print!("{text}"),
                false => print!("{}", text.replace("[OPTIONS]", "[OPTIES]")),
            }
            return ExitCode::SUCCESS;
        }
        Err(e) => e.exit(),
    };
    let given = match load_framework(&cli) {
        Ok(g) => g,
        Err(e) => {
            print_error(&e.message(cli.lang));
            return ExitCode::from(2);
        }
    };
    let fw = given
        .as_ref()
        .map_or_else(Framework::builtin, |g| g.fw.clone());
    match run(&cli, &fw, given.as_ref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Store(e)) => {
            print_error(&e.message(cli.lang));
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
        Err(Failure::Usage(m)) => {
            print_error(&m);
            ExitCode::from(2)
        }
        Err(Failure::Failed(m)) => {
            print_error(&m);
            ExitCode::from(1)
        }
        Err(Failure::Io(e)) => {
            print_error(&e.to_string());
            ExitCode::from(1)
        }
        Err(Failure::NoTerminal(path)) => {
            print_error(&fill(
                cli.lang.strings().err_no_terminal,
                &[&path.display().to_string()],
            ));
            ExitCode::from(1)
        }
    }
}

/// One error line on stderr, through the terminal filter: messages quote
/// file contents and arguments, which may hold escape sequences.
fn print_error(message: &str) {
    eprintln!("wijktafel: {}", safe_line(message));
}

/// Load the framework named on the command line (with its text, which a
/// new session keeps), if one is.
pub fn load_framework(cli: &Cli) -> Result<Option<Given>, FrameworkError> {
    match &cli.framework {
        Some(path) => Framework::load_source(path).map(|(fw, text)| {
            Some(Given {
                fw,
                text: Some(text),
            })
        }),
        None => Ok(None),
    }
}

fn run(cli: &Cli, fw: &Framework, given: Option<&Given>) -> Result<(), Failure> {
    match &cli.command {
        Some(Command::Framework {
            action: Some(action),
            ..
        }) => framework_switch::run(cli, given, action),
        Some(Command::Framework { format, .. }) => framework::run(cli, fw, *format),
        Some(Command::New {
            name,
            area,
            municipality,
            facilitator,
            parties,
            rule,
            quorum,
            no_open,
        }) => {
            let args = new::NewArgs {
                name,
                area: area.as_deref(),
                municipality: municipality.as_deref(),
                facilitator: facilitator.as_deref(),
                parties,
                rule: DecisionRule {
                    kind: *rule,
                    quorum: *quorum,
                },
                no_open: *no_open,
            };
            new::run(cli, fw, given, &args)
        }
        Some(Command::Open { session }) => open::run(cli, given, session),
        Some(Command::List) => list::run(cli, given),
        Some(Command::Overzicht(a)) => overview::run(cli, given, a),
        Some(Command::Plan(a)) => plan::run(cli, given, a),
        Some(Command::Export {
            session,
            format,
            workshop,
            items,
            anonymize,
            output,
        }) => export::run(
            cli,
            given,
            &export::ExportArgs {
                session,
                format: *format,
                workshop: *workshop,
                items: *items,
                anonymize: *anonymize,
                output: output.as_deref(),
            },
        ),
        Some(Command::Demo { workshops, out }) => {
            demo::run(cli, fw, given, *workshops, out.as_deref())
        }
        Some(Command::Backups { session }) => backups::run(cli, session),
        Some(Command::Log {
            session,
            workshop,
            point,
            all,
        }) => {
            let filter = crate::export::LogFilter {
                workshop: *workshop,
                point: point.clone(),
                all: *all,
            };
            log::log(cli, given, session, &filter)
        }
        Some(Command::Restore {
            session,
            event: Some(to),
            ..
        }) => log::restore_event(cli, session, *to),
        Some(Command::Restore {
            session, number, ..
        }) => restore::run(cli, session, number.unwrap_or(0)),
        Some(Command::Beamer {
            session,
            live,
            hide_tally,
        }) => beamer::run(
            cli,
            given,
            session,
            crate::beamer::Options {
                live: *live,
                hide_tally: *hide_tally,
            },
        ),
        None => open::home(cli, fw, given),
    }
}
