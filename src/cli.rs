//! Command line: parsing with clap, dispatch, and plain error messages.
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

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::commands::carried::{carry_new, session_framework};
use crate::commands::list::cell;
pub use crate::commands::list::list_text;
use crate::framework::carried::Given;
use crate::framework::{Framework, FrameworkError};
use crate::i18n::{Lang, fill};
use crate::safe_text::{safe_line, safe_text, shell_word};
use crate::session::{Session, parse_party};
use crate::store::{self, SessionLock, Store, StoreError, clean_line};
use crate::tui::theme::ThemeKind;
use crate::vote::{DecisionRule, RuleKind};

use crate::export::ExportError;
pub use crate::export::Format as ExportFormat;

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
    #[arg(long, global = true, value_name = "MAP")]
    pub dir: Option<PathBuf>,
    /// Eigen afwegingskader (TOML, zelfde opbouw als assets/afwegingskader.toml) voor new en demo; een sessie bewaart haar kader zelf (wisselen: wijktafel framework switch)
    #[arg(long, global = true, value_name = "BESTAND")]
    pub framework: Option<PathBuf>,
    /// Taal van de schermen en verslagen: nl (standaard) of en
    #[arg(long, global = true, value_enum, default_value_t = Lang::Nl, value_name = "TAAL")]
    pub lang: Lang,
    /// Kleuren: dark (standaard), light (lichte zaal) of contrast
    #[arg(long, global = true, value_enum, default_value_t = ThemeKind::Dark, value_name = "THEMA")]
    pub theme: ThemeKind,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrameworkFormat {
    Md,
    Json,
    Html,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Nieuwe sessie aanmaken (en openen, tenzij --no-open).
    #[command(
        after_help = "Voorbeeld: wijktafel new \"De Horst\" --area \"De Horst\" --municipality Voorbeeldstad --party \"Gemeente Voorbeeldstad|Anna de Vries|bestuur\" --party \"Politie|Bram Jansen|veiligheid\""
    )]
    New {
        /// Naam van de sessie (één per wijkaanpak)
        name: String,
        /// De wijk
        #[arg(long)]
        area: Option<String>,
        /// De gemeente
        #[arg(long)]
        municipality: Option<String>,
        /// De procesbegeleider
        #[arg(long)]
        facilitator: Option<String>,
        /// Een partij: "Organisatie|Vertegenwoordiger|domein" (herhaal per partij)
        #[arg(long = "party", value_name = "ORG|REP|DOMAIN")]
        parties: Vec<String>,
        /// Beslisregel voor de go/no-go: consensus (minstens één Go en geen No-go; de standaard) of meerderheid (meer Go dan No-go)
        #[arg(
            long,
            value_name = "consensus|meerderheid",
            default_value = "consensus",
            value_parser = rule_parser(),
            hide_default_value = true,
            hide_possible_values = true
        )]
        rule: RuleKind,
        /// Quorum: welk deel van de partijen minstens aanwezig moet zijn (0.0–1.0)
        #[arg(long, default_value_t = 0.5, value_parser = parse_quorum)]
        quorum: f64,
        /// Alleen het bestand aanmaken en het pad tonen
        #[arg(long)]
        no_open: bool,
    },
    /// Sessie openen (naam of pad): een onafgemaakte bijeenkomst gaat verder, anders begint de volgende.
    #[command(after_help = "Voorbeeld: wijktafel open \"De Horst\"")]
    Open {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
    },
    /// Opgeslagen sessies tonen: naam, wijk, blok, laatste bijeenkomst, go/no-go.
    #[command(after_help = "Voorbeeld: wijktafel list --dir ./sessions")]
    List,
    /// Waar elke wijk staat en wat de wijken van elkaar leren: alle sessies van de opslag en van de genoemde mappen, alleen gelezen.
    #[command(alias = "overview", after_help = crate::commands::overview::EXAMPLES)]
    Overzicht(crate::commands::overview::OverviewArgs),
    /// De volgende bijeenkomst plannen (of die nu loopt): welke stappen, minuten per stap, begin en einde.
    #[command(after_help = crate::commands::plan::EXAMPLES)]
    Plan(crate::commands::plan::PlanArgs),
    /// Verslag (md, html) of gegevens (json, xlsx, csv) van een sessie schrijven.
    #[command(
        after_help = "Voorbeelden:\n  wijktafel export \"De Horst\" --format md --workshop 2 -o verslag.md\n  wijktafel export \"De Horst\" --format xlsx -o stand.xlsx\n  wijktafel export \"De Horst\" --format csv --items stemmingen -o stemmingen.csv\n  wijktafel export gegevens.json --format md\n\nVoor Excel en LibreOffice: xlsx (tabbladen gesprekspunten, stemmingen, actiepunten,\naanwezigheid; tekst blijft tekst, datums zijn datums). De CSV is voor andere programma's\n(puntkomma's, UTF-8 met BOM). Een CSV-cel die een spreadsheet als formule zou lezen\n(begint met = + - @) krijgt een onzichtbaar teken ervoor (U+2060): te zien zoals getypt,\nnooit uitgevoerd. Getallen en telefoonnummers als \"+31 6 12345678\" blijven zoals ze zijn.\n\n--anonymize vervangt namen als hele woorden: de vertegenwoordigers (volledige naam,\nvoornaam, achternaam, ook zonder accenten: Yilmaz) door hun organisatie, de\nprocesbegeleider door \"Procesbegeleider\". Vrije tekst kan mensen nog steeds herkenbaar maken: lees het na."
    )]
    Export {
        /// Naam, bestandsnaam of pad van de sessie, of een JSON-export (.json) van een sessie
        session: String,
        /// md of html: verslag; json: alle gegevens (altijd de hele sessie); xlsx: werkmap voor Excel en LibreOffice; csv: tabel voor andere programma's
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Alleen deze bijeenkomst: het verslag ervan; bij csv de punten die toen besproken zijn, of de actiepunten die toen gemaakt of gewijzigd zijn. Niet bij json.
        #[arg(long)]
        workshop: Option<u32>,
        /// Bij csv: punten (stand per punt, standaard), acties (een rij per actiepunt), stemmingen (een rij per stemming) of parkeerplaats (een rij per geparkeerd onderwerp)
        #[arg(
            long,
            value_name = "punten|acties|stemmingen|parkeerplaats",
            value_parser = crate::export::CsvItems::parser(),
            hide_possible_values = true
        )]
        items: Option<crate::export::CsvItems>,
        /// Namen van vertegenwoordigers en procesbegeleider vervangen, als hele woorden (zie onder)
        #[arg(long)]
        anonymize: bool,
        /// Naar dit bestand schrijven (0600) in plaats van naar het scherm
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Een realistische, verzonnen voorbeeldsessie maken en openen.
    #[command(
        after_help = "Voorbeelden:\n  wijktafel demo\n  wijktafel demo --workshops 40 --out /tmp/groot.toml"
    )]
    Demo {
        /// Aantal bijeenkomsten (2 = de gewone demo; tot 100 voor een lang programma)
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(2..=100))]
        workshops: u32,
        /// Alleen naar dit bestand schrijven, niet openen
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Reservekopieën van een sessie tonen, de nieuwste eerst: nummer, tijd, bijeenkomst, waarom bewaard, grootte en inhoud.
    #[command(
        after_help = "Bewaard worden de laatste 10 opslagen, het begin van de laatste 10 bijeenkomsten en de eerste versie in elk van de laatste 20 blokken van 10 minuten (samen hoogstens 40).\n\nVoorbeeld: wijktafel backups \"De Horst\"\nTerugzetten: wijktafel restore \"De Horst\" 3"
    )]
    Backups {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
    },
    /// Een reservekopie terugzetten; de huidige versie wordt eerst zelf als reservekopie bewaard.
    #[command(
        after_help = "Het nummer komt uit wijktafel backups (1 = de nieuwste). Terugzetten kan niet terwijl de sessie geopend is. Ongedaan maken: zet daarna de reservekopie terug die de vorige versie bevat (de melding noemt het nummer).\n\nVoorbeeld: wijktafel restore \"De Horst\" 3"
    )]
    Restore {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
        /// Nummer van de reservekopie, zoals wijktafel backups het toont (1 = de nieuwste)
        #[arg(value_name = "NR", required_unless_present = "event")]
        number: Option<usize>,
        /// Terug naar de stand na deze gebeurtenis uit wijktafel log (#N); de terugzetting is zelf een gebeurtenis
        #[arg(long, value_name = "N", conflicts_with = "number")]
        event: Option<u64>,
    },
    /// Wat er gebeurde: elke vastlegging uit het journaal van de sessie, met bijeenkomst, tijd en nummer.
    #[command(
        after_help = "Voorbeelden:\n  wijktafel log \"De Horst\"\n  wijktafel log \"De Horst\" --workshop 2\n  wijktafel log \"De Horst\" --point 1.2.4"
    )]
    Log {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
        /// Alleen wat in deze bijeenkomst gebeurde
        #[arg(long)]
        workshop: Option<u32>,
        /// Alleen wat met dit gesprekspunt gebeurde (bijvoorbeeld 1.2.4)
        #[arg(long, value_name = "PUNT")]
        point: Option<String>,
        /// Ook het verplaatsen van de cursor en het bewaren van concepten
        #[arg(long)]
        all: bool,
    },
    // ---- beamer (issue 17) ----
    /// Het beeld voor de zaal op de beamer: volgt de procesbegeleider, groot en zonder toetsen; schrijft niets.
    #[command(
        after_help = "Open de sessie in het ene venster (wijktafel open) en de beamer in een tweede venster op het scherm van de beamer; vergroot daar de letters (Ctrl+'+', op een Mac Cmd+'+'). Sluiten met q, Esc of Ctrl+C.\n\nVoorbeeld: wijktafel beamer \"De Horst\" --live"
    )]
    Beamer {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
        /// Notitie of reden al tonen terwijl die getypt wordt
        #[arg(long)]
        live: bool,
        /// Tijdens de stemming alleen "stemming loopt" tonen, de telling pas na het sluiten
        #[arg(long, alias = "verberg-telling")]
        hide_tally: bool,
    },
    // (end of section)
    /// Het afwegingskader tonen: als hand-out (md), als werkblad om te printen (html) of voor andere programma's (json).
    #[command(
        after_help = "Voorbeeld: wijktafel framework --format md > afwegingskader.md\n          wijktafel framework --format html > werkblad.html  (openen in de browser, afdrukken op A4)\n          wijktafel framework switch \"De Horst\" nieuw-kader.toml  (het kader van een sessie bewust wisselen)",
        args_conflicts_with_subcommands = true
    )]
    Framework {
        /// md: hand-out met een vinkje per gesprekspunt; html: werkblad voor deelnemers (A4, met schrijfruimte); json: voor andere programma's
        #[arg(long, value_enum, default_value_t = FrameworkFormat::Md)]
        format: FrameworkFormat,
        #[command(subcommand)]
        action: Option<crate::commands::framework_switch::FrameworkAction>,
    },
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

/// The command line's own words in Dutch, like the rest of the interface:
/// headings, the help and version flags, and no English "[default: …]" or
/// "[possible values: …]" (each help text names its values itself).
/// Applied to every subcommand.
pub fn dutch_help(cmd: clap::Command) -> clap::Command {
    const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";
    let args: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .next_help_heading("Opties")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .help("Deze hulp tonen")
                .action(clap::ArgAction::Help),
        );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .help("Het versienummer tonen")
                .action(clap::ArgAction::Version),
        );
    }
    for id in args {
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "Argumenten"
            } else {
                "Opties"
            };
            let a = if a.get_help_heading().is_none() {
                a.help_heading(heading)
            } else {
                a
            };
            let a = match a
                .get_value_names()
                .and_then(|v| v.first())
                .map(|v| v.as_str())
            {
                Some(name) => match dutch_value_name(name) {
                    Some(nl) => a.value_name(nl),
                    None => a,
                },
                None => a,
            };
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd.mut_subcommands(dutch_help)
}

/// The Dutch word for a value in the help ("<SESSIE>", not "<SESSION>").
fn dutch_value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "AREA" => "WIJK",
        "FILE" => "BESTAND",
        "FACILITATOR" => "PROCESBEGELEIDER",
        "FORMAT" => "FORMAAT",
        "MUNICIPALITY" => "GEMEENTE",
        "NAME" => "NAAM",
        "SESSION" => "SESSIE",
        "WORKSHOP" => "BIJEENKOMST",
        "WORKSHOPS" => "AANTAL",
        "ORG|REP|DOMAIN" => "ORGANISATIE|VERTEGENWOORDIGER|DOMEIN",
        _ => return None,
    })
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let english = crate::cli_en::wants_english(std::env::args_os());
    let cmd = if english {
        crate::cli_en::english_help(Cli::command())
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

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    Store(StoreError),
    Usage(String),
    /// Refused or failed, not for a wrong argument (exit 1).
    Failed(String),
    Io(std::io::Error),
    /// `open` needs a terminal; nothing was changed.
    NoTerminal(PathBuf),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

/// An export that cannot be made is a wrong argument (`--workshop`).
impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        Failure::Usage(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

fn parse_quorum(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is geen getal"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err("quorum tussen 0.0 en 1.0".into())
    }
}

/// `--rule`: the decision rule in Dutch (`meerderheid`), also in English
/// (`majority`, as in the session file and in scripts written before).
fn rule_parser() -> impl clap::builder::TypedValueParser<Value = RuleKind> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("consensus"),
        PossibleValue::new("meerderheid").alias("majority"),
    ])
    .map(|v| match v.as_str() {
        "meerderheid" | "majority" => RuleKind::Majority,
        _ => RuleKind::Consensus,
    })
}

fn run(cli: &Cli, fw: &Framework, given: Option<&Given>) -> Result<(), Failure> {
    match &cli.command {
        Some(Command::Framework {
            action: Some(action),
            ..
        }) => crate::commands::framework_switch::run(cli, given, action),
        Some(Command::Framework { format, .. }) => cmd_framework(cli, fw, *format),
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
            let args = NewArgs {
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
            cmd_new(cli, fw, given, &args)
        }
        Some(Command::Open { session }) => cmd_open(cli, given, session),
        Some(Command::List) => cmd_list(cli, given),
        Some(Command::Overzicht(a)) => crate::commands::overview::run(cli, given, a),
        Some(Command::Plan(a)) => crate::commands::plan::run(cli, given, a),
        Some(Command::Export {
            session,
            format,
            workshop,
            items,
            anonymize,
            output,
        }) => cmd_export(
            cli,
            given,
            &ExportArgs {
                session,
                format: *format,
                workshop: *workshop,
                items: *items,
                anonymize: *anonymize,
                output: output.as_deref(),
            },
        ),
        Some(Command::Demo { workshops, out }) => {
            cmd_demo(cli, fw, given, *workshops, out.as_deref())
        }
        Some(Command::Backups { session }) => cmd_backups(cli, session),
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
            crate::commands::log::log(cli, given, session, &filter)
        }
        Some(Command::Restore {
            session,
            event: Some(to),
            ..
        }) => crate::commands::log::restore_event(cli, session, *to),
        Some(Command::Restore {
            session, number, ..
        }) => cmd_restore(cli, session, number.unwrap_or(0)),
        Some(Command::Beamer {
            session,
            live,
            hide_tally,
        }) => cmd_beamer(
            cli,
            given,
            session,
            crate::beamer::Options {
                live: *live,
                hide_tally: *hide_tally,
            },
        ),
        None => cmd_home(cli, fw, given),
    }
}

/// `framework`: the framework as a hand-out or as JSON.
fn cmd_framework(cli: &Cli, fw: &Framework, format: FrameworkFormat) -> Result<(), Failure> {
    let text = match format {
        FrameworkFormat::Json => fw.to_json() + "\n",
        FrameworkFormat::Md => fw.to_markdown(cli.lang),
        FrameworkFormat::Html => crate::export::handout_html(fw, cli.lang),
    };
    Ok(write_stdout(&text)?)
}

/// What `new` was given on the command line.
struct NewArgs<'a> {
    name: &'a str,
    area: Option<&'a str>,
    municipality: Option<&'a str>,
    facilitator: Option<&'a str>,
    parties: &'a [String],
    rule: DecisionRule,
    no_open: bool,
}

/// `new`: create a session, then open it (unless `--no-open`).
fn cmd_new(
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

/// `open`: a session by name or path in the TUI, with its own framework.
fn cmd_open(cli: &Cli, given: Option<&Given>, session: &str) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let path = store.find(session)?;
    let fw = given.map_or_else(Framework::builtin, |g| g.fw.clone());
    open_path(cli, &fw, given, &path)
}

/// `list`: one line per stored session.
fn cmd_list(cli: &Cli, given: Option<&Given>) -> Result<(), Failure> {
    let store = open_store(cli)?;
    Ok(write_stdout(&list_text(&store, given, cli.lang)?)?)
}

/// What `export` was asked for.
struct ExportArgs<'a> {
    session: &'a str,
    format: ExportFormat,
    workshop: Option<u32>,
    items: Option<crate::export::CsvItems>,
    anonymize: bool,
    output: Option<&'a std::path::Path>,
}

/// `export`: minutes or data of a session (a session file, or a JSON
/// export of one), to a file or stdout.
fn cmd_export(cli: &Cli, given: Option<&Given>, a: &ExportArgs) -> Result<(), Failure> {
    use crate::export::CsvItems;
    if a.items.is_some() && a.format != ExportFormat::Csv {
        return Err(Failure::Usage(cli.lang.strings().ex_items_csv_only.into()));
    }
    if a.format == ExportFormat::Xlsx
        && a.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Failure::Usage(cli.lang.strings().xl_not_to_terminal.into()));
    }
    if a.format == ExportFormat::Json && a.workshop.is_some() {
        // said before the session is read: it holds whatever the file holds
        return Err(crate::export::ExportError::JsonIsWholeSession { lang: cli.lang }.into());
    }
    let sess = match json_session_path(a.session) {
        Some(path) => {
            let (text, _) = store::read_guarded(&path, store::SESSION_CAP)?;
            let text = String::from_utf8(text).map_err(|e| StoreError::Corrupt {
                path: path.clone(),
                line: 1,
                column: 1,
                message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                backup: None,
            })?;
            crate::export::session_from_json(&text, &path)?
        }
        None => {
            let store = open_store(cli)?;
            let path = store.find(a.session)?;
            store::load(&path)?
        }
    };
    let fw = &session_framework(&sess, given, cli.lang)?;
    let opts = crate::export::Options {
        anonymize: a.anonymize,
        ..crate::export::Options::new(cli.lang)
    };
    let bytes = match a.items {
        Some(CsvItems::Actions) => crate::export::csv_actions(fw, &sess, a.workshop, &opts)?,
        Some(CsvItems::Votes) => crate::export::csv_votes(fw, &sess, a.workshop, &opts)?,
        Some(CsvItems::Parking) => crate::export::csv_parking(fw, &sess, a.workshop, &opts)?,
        _ => crate::export::render(fw, &sess, a.format, a.workshop, &opts)?,
    };
    match a.output {
        Some(out) => {
            store::write_export(out, &bytes)?;
            Ok(write_path_line(out)?)
        }
        None => Ok(write_stdout_bytes(&bytes)?),
    }
}

/// The path of a JSON export named on the command line: an existing file
/// whose name ends in `.json` (in any case).
fn json_session_path(query: &str) -> Option<PathBuf> {
    let p = std::path::Path::new(query);
    let json = p
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    (json && p.is_file()).then(|| p.to_path_buf())
}

/// `demo`: write the demo session to `out`, or create it in the store and open it.
fn cmd_demo(
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

/// `backups`: the kept versions of a session, newest first. Reads only:
/// no lock is taken and nothing is written.
fn cmd_backups(cli: &Cli, session: &str) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let path = session_or_its_backups(&store, session)?;
    Ok(write_stdout(&backups_text(&path, session, cli.lang)?)?)
}

/// The `backups` output: a title, one aligned line per backup, how to restore.
pub fn backups_text(path: &std::path::Path, query: &str, lang: Lang) -> Result<String, StoreError> {
    let s = lang.strings();
    let list = store::list_backups(path)?;
    let shown = path.display().to_string();
    let name = match store::load(path) {
        Ok(sess) => sess.name,
        Err(_) => store::clean_line(query),
    };
    let blocked = store::backups_blocked_note(path, lang);
    let blocked = blocked.map_or(String::new(), |t| format!("{}\n", safe_line(&t)));
    if list.is_empty() {
        let dir = path.with_file_name("backups").display().to_string();
        let empty = fill(s.bk_empty, &[&name, &dir]);
        return Ok(format!("{}\n{blocked}", safe_line(&empty)));
    }
    let mut out = format!(
        "{}\n{blocked}\n",
        safe_line(&fill(s.bk_title, &[&name, &shown]))
    );
    let head: Vec<String> = s.bk_header.split('|').map(String::from).collect();
    let mut rows = vec![head];
    for e in &list {
        let (workshop, holds, at_start) = match store::load(&e.path) {
            Ok(sess) => (
                workshop_label(Some(sess.current_workshop().map_or(0, |w| w.number)), lang),
                holds_text(&sess, lang),
                e.kept_for
                    .workshop_start
                    .is_some_and(|w| nothing_captured_in(&sess, w)),
            ),
            Err(err) => (
                workshop_label(e.workshop, lang),
                fill(s.bk_damaged, &[&err.message(lang)]),
                false,
            ),
        };
        rows.push(vec![
            e.number.to_string(),
            time_label(e.time, lang),
            workshop,
            reasons(&e.kept_for, at_start, lang),
            human_size(e.size, lang),
            cell(&holds),
        ]);
    }
    out.push_str(&aligned(&rows));
    out.push('\n');
    out.push_str(&safe_line(&fill(s.bk_footer, &[&shell_word(query)])));
    out.push('\n');
    Ok(out)
}

/// Whether a version holds nothing captured yet in workshop `w`: then the
/// first backup of that workshop is its start.
fn nothing_captured_in(sess: &Session, w: u32) -> bool {
    !sess.points.values().any(|r| r.touched_in(w)) && !sess.votes.iter().any(|v| v.workshop == w)
}

/// The session file named on the command line, as `open` finds it; when
/// it is gone but its backups are there (a file deleted by mistake), the
/// path it had, so that `backups` lists them and `restore` brings it back.
fn session_or_its_backups(store: &Store, query: &str) -> Result<PathBuf, StoreError> {
    match store.find(query) {
        Err(StoreError::NotFound(q)) => {
            let as_path = std::path::Path::new(query);
            let path = if as_path.components().count() > 1 {
                as_path.to_path_buf()
            } else if query.ends_with(".toml") {
                store.dir().join(query)
            } else {
                store.path_for(query)?
            };
            let gone = std::fs::symlink_metadata(&path).is_err();
            if gone && store::list_backups(&path).is_ok_and(|l| !l.is_empty()) {
                Ok(path)
            } else {
                Err(StoreError::NotFound(q))
            }
        }
        r => r,
    }
}

/// Why a backup is kept, in words ("begin bijeenkomst 2, elke 10 minuten").
/// The first backup of a workshop is called its start only when nothing
/// was captured in it yet (backups that began mid-workshop say "eerste van").
fn reasons(k: &store::KeptFor, at_start: bool, lang: Lang) -> String {
    let s = lang.strings();
    let mut v = Vec::new();
    if let Some(w) = k.workshop_start {
        let word = if at_start {
            s.bk_reason_start
        } else {
            s.bk_reason_first
        };
        v.push(fill(word, &[&w.to_string()]));
    }
    if k.window {
        v.push(s.bk_reason_window.to_string());
    }
    if k.recent {
        v.push(s.bk_reason_recent.to_string());
    }
    if v.is_empty() {
        v.push(s.bk_reason_none.to_string());
    }
    v.join(", ")
}

fn workshop_label(workshop: Option<u32>, lang: Lang) -> String {
    let s = lang.strings();
    match workshop {
        Some(0) => s.bk_before_first.to_string(),
        Some(n) => fill(s.bk_workshop, &[&n.to_string()]),
        None => s.bk_unknown.to_string(),
    }
}

/// Date and time on this computer's clock (`2026-11-27 10:10`).
fn time_label(time: Option<jiff::Timestamp>, lang: Lang) -> String {
    match time {
        Some(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        None => lang.strings().bk_unknown.to_string(),
    }
}

/// What a version holds, in one line.
fn holds_text(sess: &Session, lang: Lang) -> String {
    let s = lang.strings();
    let captured = sess
        .points
        .values()
        .filter(|r| r.status != crate::session::Status::Open)
        .count();
    let notes: usize = sess.points.values().map(|r| r.notes.len()).sum();
    let actions: usize = sess.points.values().map(|r| r.actions.len()).sum();
    let vote = sess
        .latest_vote()
        .map(|v| format!("{} {}", v.outcome.symbol(), v.outcome.word(lang)))
        .unwrap_or_else(|| s.no_vote.to_string());
    fill(
        s.bk_holds,
        &[
            &captured.to_string(),
            &notes.to_string(),
            &actions.to_string(),
            &vote,
        ],
    )
}

/// "980 B", "12,3 kB" (Dutch) or "12.3 kB", "1,2 MB".
fn human_size(bytes: u64, lang: Lang) -> String {
    let t = match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1_000.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    };
    match lang {
        Lang::Nl => t.replace('.', ","),
        Lang::En => t,
    }
}

/// Rows as columns, two spaces apart; the last column is not padded.
fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `restore`: put backup N back in place of the session file, after keeping
/// the current file as a backup.
fn cmd_restore(cli: &Cli, session: &str, number: usize) -> Result<(), Failure> {
    use store::RestoreError;
    let lang = cli.lang;
    let s = lang.strings();
    let store = open_store(cli)?;
    let path = session_or_its_backups(&store, session)?;
    let shown = path.display().to_string();
    let what = |e: &store::BackupEntry| {
        let workshop = e
            .workshop
            .map(|w| workshop_label(Some(w), lang))
            .into_iter();
        std::iter::once(time_label(e.time, lang))
            .chain(workshop)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match store::restore_backup(&path, number) {
        Ok(r) => {
            let n = number.to_string();
            let line = match (&r.previous, r.unchanged) {
                (_, true) => fill(s.rs_unchanged, &[&shown, &n, &what(&r.from)]),
                (Some(prev), false) => fill(
                    s.rs_done,
                    &[
                        &shown,
                        &n,
                        &what(&r.from),
                        &prev.number.to_string(),
                        &shell_word(session),
                        if r.renumbered { s.rs_renumbered } else { "" },
                    ],
                ),
                (None, false) => fill(s.rs_done_new, &[&shown, &n, &what(&r.from)]),
            };
            Ok(write_stdout(&format!("{}\n", safe_line(&line)))?)
        }
        Err(RestoreError::Store(e)) => Err(Failure::Store(e)),
        Err(RestoreError::NoSuchBackup { count: 0, .. }) => {
            Err(Failure::Usage(fill(s.rs_none, &[&shown])))
        }
        Err(RestoreError::NoSuchBackup { number, count }) => Err(Failure::Usage(fill(
            s.rs_no_such,
            &[
                &number.to_string(),
                &shown,
                &count.to_string(),
                &shell_word(session),
            ],
        ))),
        Err(RestoreError::BadBackup { number, error }) => Err(Failure::Usage(fill(
            s.rs_bad_backup,
            &[&number.to_string(), &error.message(lang), &shown],
        ))),
        Err(RestoreError::KeepFailed(e)) => Err(Failure::Failed(fill(
            s.rs_keep_failed,
            &[&shown, &e.message(lang)],
        ))),
    }
}

/// No command: the home screen, or the help without a terminal.
fn cmd_home(cli: &Cli, fw: &Framework, given: Option<&Given>) -> Result<(), Failure> {
    let store = open_store(cli)?;
    if !interactive() {
        use clap::CommandFactory;
        return Ok(write_stdout(&Cli::command().render_help().to_string())?);
    }
    let mut app = new_app(cli, fw, given, store);
    app.refresh_home();
    Ok(crate::tui::launch(app)?)
}

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
fn launches_tui(cli: &Cli) -> bool {
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
fn new_app(cli: &Cli, fw: &Framework, given: Option<&Given>, store: Store) -> crate::tui::App {
    let warning = store.privacy_warning(cli.lang);
    let mut app = crate::tui::App::new(
        fw.clone(),
        cli.lang,
        cli.theme,
        store,
        jiff::Timestamp::now(),
    );
    app.framework_arg = given.cloned();
    if let Some(w) = warning {
        app.info(w);
    }
    // the room's view follows this window (issue 17)
    app.live = Some(crate::tui::live_out::LiveOut::new());
    app
}

/// `beamer`: the room's view of a session another window has open. Reads
/// only: no lock, no save, no backup, no live file of its own.
fn cmd_beamer(
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

/// Open a session file in the TUI. Without a terminal nothing is opened,
/// started or saved: the file is only checked (so a damaged or locked file
/// is still reported as such) and the command is refused.
fn open_path(
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
    app.open_path(path).map_err(|e| match e {
        crate::tui::OpenError::Store(e) => Failure::Store(e),
        crate::tui::OpenError::Framework(m) => Failure::Usage(m),
    })?;
    Ok(crate::tui::launch(app)?)
}

/// `open` without a terminal: report a lock or a damaged file, then refuse.
/// Leaves no lock file behind that was not there before.
fn check_without_terminal(
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
fn created_without_terminal(lang: Lang, path: &std::path::Path) -> Result<(), Failure> {
    let shown = path.display().to_string();
    eprintln!(
        "wijktafel: {}",
        safe_line(&fill(lang.strings().created_no_terminal, &[&shown]))
    );
    Ok(write_stdout(&format!("{shown}\n"))?)
}

/// The path of a written file, one line on stdout (filtered like any output;
/// a closed pipe is no error).
pub(crate) fn write_path_line(path: &std::path::Path) -> std::io::Result<()> {
    write_stdout(&format!("{}\n", safe_line(&path.display().to_string())))
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    write_stdout_bytes(text.as_bytes())
}

/// Write to stdout: on a terminal through the UI's filter; to a file or pipe
/// exactly (the formats themselves keep their text inert where they can).
pub(crate) fn write_stdout_bytes(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::IsTerminal;
    let mut out = std::io::stdout().lock();
    let bytes = if out.is_terminal() {
        std::borrow::Cow::Owned(for_terminal(bytes).into_bytes())
    } else {
        std::borrow::Cow::Borrowed(bytes)
    };
    match out.write_all(&bytes).and_then(|_| out.flush()) {
        // `wijktafel framework | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// What a terminal gets of command line output: the UI's filter, newlines kept.
pub fn for_terminal(bytes: &[u8]) -> String {
    safe_text(&String::from_utf8_lossy(bytes)).into_owned()
}
