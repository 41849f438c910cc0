//! The `wijktafel` command line. See `wijktafel --help`.

use std::process::ExitCode;

use wijktafel::cli;

fn main() -> ExitCode {
    cli::main()
}
