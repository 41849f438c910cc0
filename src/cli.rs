//! Command line: parsing with clap, dispatch, and plain error messages.
//!
//! Errors go to stderr as one plain line and a non-zero exit code: 2 for a
//! malformed input file (framework or session), 1 for anything else.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::framework::{Framework, FrameworkError};
use crate::i18n::Lang;

const AFTER_HELP: &str = "Voorbeelden / examples:
  wijktafel demo                         een voorbeeldsessie openen
  wijktafel new \"De Horst\" --area \"De Horst\" --municipality Voorbeeldstad \\
      --party \"Gemeente|Anna de Vries|bestuur\" --party \"Woonstede|Karim El Idrissi|wonen\"
  wijktafel open \"De Horst\"
  wijktafel export \"De Horst\" --format md --workshop 2 -o verslag.md
  wijktafel framework --format md > afwegingskader.md";

#[derive(Debug, Parser)]
#[command(
    name = "wijktafel",
    version,
    about = "Werktafel voor de gebiedsgerichte aanpak: begeleid een bijeenkomst langs het afwegingskader, leg consensus en verschil van mening vast, en sluit af met een go/no-go.",
    long_about = None,
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Map met de sessies (anders $WIJKTAFEL_DIR, anders de gegevensmap van het systeem)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Eigen afwegingskader (TOML, zelfde opbouw als assets/afwegingskader.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub framework: Option<PathBuf>,
    /// Taal van de schermen en verslagen
    #[arg(long, global = true, value_enum, default_value_t = Lang::Nl)]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrameworkFormat {
    Md,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the framework as a handout (md) or for tools (json).
    #[command(after_help = "Voorbeeld: wijktafel framework --format md > afwegingskader.md")]
    Framework {
        #[arg(long, value_enum, default_value_t = FrameworkFormat::Md)]
        format: FrameworkFormat,
    },
}

/// Load the framework named on the command line, or the built-in one.
pub fn load_framework(cli: &Cli) -> Result<Framework, FrameworkError> {
    match &cli.framework {
        Some(path) => Framework::load(path),
        None => Ok(Framework::builtin()),
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let fw = match load_framework(&cli) {
        Ok(fw) => fw,
        Err(e) => {
            eprintln!("wijktafel: {}", e.message(cli.lang));
            return ExitCode::from(2);
        }
    };
    let result = match &cli.command {
        Some(Command::Framework { format }) => {
            let text = match format {
                FrameworkFormat::Json => fw.to_json() + "\n",
                FrameworkFormat::Md => fw.to_markdown(cli.lang),
            };
            write_stdout(&text)
        }
        None => {
            use clap::CommandFactory;
            write_stdout(&Cli::command().render_help().to_string())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wijktafel: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        // `wijktafel framework | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}
