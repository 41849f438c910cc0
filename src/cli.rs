//! Command line: parsing with clap, dispatch, and plain error messages.
//!
//! Errors go to stderr as one plain line and a non-zero exit code: 2 for a
//! malformed input file (framework or session), 1 for anything else.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::framework::{Framework, FrameworkError};
use crate::i18n::{Lang, fill};
use crate::session::{Resume, Session, parse_party};
use crate::store::{self, SessionLock, Store, StoreError, clean_line};
use crate::tui::theme::ThemeKind;
use crate::vote::{DecisionRule, Outcome, RuleKind};

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
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Eigen afwegingskader (TOML, zelfde opbouw als assets/afwegingskader.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub framework: Option<PathBuf>,
    /// Taal van de schermen en verslagen
    #[arg(long, global = true, value_enum, default_value_t = Lang::Nl)]
    pub lang: Lang,
    /// Kleuren: dark, light (lichte zaal) of contrast
    #[arg(long, global = true, value_enum, default_value_t = ThemeKind::Dark)]
    pub theme: ThemeKind,
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
        /// Beslisregel voor de go/no-go: consensus (minstens één Go, geen No-go) of majority (meer Go dan No-go)
        #[arg(long, value_enum, default_value_t = RuleKind::Consensus)]
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
    /// Verslag (md, html) of gegevens (json, csv) van een sessie schrijven.
    #[command(
        after_help = "Voorbeelden:\n  wijktafel export \"De Horst\" --format md --workshop 2 -o verslag.md\n  wijktafel export \"De Horst\" --format csv -o stand.csv"
    )]
    Export {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
        /// md of html: verslag; json: alle gegevens; csv: stand per punt voor Excel
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Alleen deze bijeenkomst (anders de hele sessie)
        #[arg(long)]
        workshop: Option<u32>,
        /// Namen van vertegenwoordigers vervangen door hun organisatie
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
    /// Het afwegingskader tonen: als hand-out (md) of voor andere programma's (json).
    #[command(after_help = "Voorbeeld: wijktafel framework --format md > afwegingskader.md")]
    Framework {
        /// md: hand-out met een vinkje per gesprekspunt; json: voor andere programma's
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
    match run(&cli, &fw) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Store(e)) => {
            eprintln!("wijktafel: {}", e.message(cli.lang));
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
        Err(Failure::Usage(m)) => {
            eprintln!("wijktafel: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Io(e)) => {
            eprintln!("wijktafel: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    Store(StoreError),
    Usage(String),
    Io(std::io::Error),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
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

fn run(cli: &Cli, fw: &Framework) -> Result<(), Failure> {
    let lang = cli.lang;
    match &cli.command {
        Some(Command::Framework { format }) => {
            let text = match format {
                FrameworkFormat::Json => fw.to_json() + "\n",
                FrameworkFormat::Md => fw.to_markdown(lang),
            };
            Ok(write_stdout(&text)?)
        }
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
            let store = open_store(cli)?;
            let name = clean_line(name);
            store.path_for(&name)?;
            let mut session = Session::new(&name, fw, jiff::Timestamp::now());
            session.area = clean_line(area.as_deref().unwrap_or(""));
            session.municipality = clean_line(municipality.as_deref().unwrap_or(""));
            session.facilitator = clean_line(facilitator.as_deref().unwrap_or(""));
            session.rule = DecisionRule {
                kind: *rule,
                quorum: *quorum,
            };
            for spec in parties {
                let Some((o, r, d)) = parse_party(&clean_line(spec)) else {
                    return Err(Failure::Usage(fill(
                        lang.strings().err_bad_party,
                        &[&clean_line(spec)],
                    )));
                };
                session.add_party(&o, &r, &d);
            }
            let path = store.create(&session)?;
            if *no_open {
                println!("{}", path.display());
                Ok(())
            } else {
                open_path(cli, fw, &path)
            }
        }
        Some(Command::Open { session }) => {
            let store = open_store(cli)?;
            let path = store.find(session)?;
            open_path(cli, fw, &path)
        }
        Some(Command::List) => {
            let store = open_store(cli)?;
            Ok(write_stdout(&list_text(&store, fw, lang)?)?)
        }
        Some(Command::Export {
            session,
            format,
            workshop,
            anonymize,
            output,
        }) => {
            let store = open_store(cli)?;
            let path = store.find(session)?;
            let sess = store::load(&path)?;
            let opts = crate::export::Options {
                anonymize: *anonymize,
                ..crate::export::Options::new(lang)
            };
            let bytes = crate::export::render(fw, &sess, *format, *workshop, &opts)
                .map_err(Failure::Usage)?;
            match output {
                Some(out) => {
                    store::write_export(out, &bytes)?;
                    println!("{}", out.display());
                    Ok(())
                }
                None => Ok(write_stdout_bytes(&bytes)?),
            }
        }
        Some(Command::Demo { workshops, out }) => {
            let session = crate::demo::build(fw, *workshops);
            match out {
                Some(path) => {
                    store::write_new(path, store::to_toml(&session).as_bytes())?;
                    println!("{}", path.display());
                    Ok(())
                }
                None => {
                    let store = open_store(cli)?;
                    let path = crate::tui::app::write_fresh_demo(&store, session)?;
                    open_path(cli, fw, &path)
                }
            }
        }
        None => {
            let store = open_store(cli)?;
            if !interactive() {
                use clap::CommandFactory;
                return Ok(write_stdout(&Cli::command().render_help().to_string())?);
            }
            let mut app =
                crate::tui::App::new(fw.clone(), lang, cli.theme, store, jiff::Timestamp::now());
            app.refresh_home();
            Ok(crate::tui::launch(app)?)
        }
    }
}

/// The store named on the command line; warns on stderr when its existing
/// folder is open to others (wijktafel never changes a folder's mode).
fn open_store(cli: &Cli) -> Result<Store, StoreError> {
    let store = Store::resolve(cli.dir.clone())?;
    if let Some(w) = store.privacy_warning(cli.lang) {
        eprintln!("wijktafel: {w}");
    }
    Ok(store)
}

/// Whether we talk to a person at a terminal (otherwise no TUI is started).
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Open a session file in the TUI; without a terminal, apply the resume
/// rule and print where the session stands.
fn open_path(cli: &Cli, fw: &Framework, path: &std::path::Path) -> Result<(), Failure> {
    let lang = cli.lang;
    if interactive() {
        let store = Store::resolve(cli.dir.clone())?; // warned already
        let mut app =
            crate::tui::App::new(fw.clone(), lang, cli.theme, store, jiff::Timestamp::now());
        app.open_path(path)?;
        return Ok(crate::tui::launch(app)?);
    }
    let _lock = SessionLock::acquire(path)?;
    let mut session = store::load(path)?;
    let resume = session.resume(jiff::Timestamp::now());
    if let Resume::Started(_) = resume {
        store::save(path, &session)?;
    }
    let s = lang.strings();
    let w = session
        .current_workshop()
        .expect("resume leaves a workshop");
    let mut out = String::new();
    out.push_str(&format!("{} — {}\n", session.name, path.display()));
    out.push_str(&format!(
        "{}\n",
        fill(
            s.workshop_short,
            &[&w.number.to_string(), &w.date.to_string()]
        )
    ));
    if let Some(pos) = fw.pos_of(&session.cursor) {
        let p = fw.point_at(pos.flat);
        out.push_str(&format!("{} {}: {}\n", s.point, p.id, p.text));
    }
    Ok(write_stdout(&out)?)
}

/// The `list` output: one aligned line per session.
pub fn list_text(
    store: &Store,
    fw: &Framework,
    lang: crate::i18n::Lang,
) -> Result<String, StoreError> {
    let s = lang.strings();
    let files = store.session_files()?;
    if files.is_empty() {
        return Ok(format!("{}\n", s.list_empty));
    }
    let mut rows: Vec<[String; 5]> = vec![{
        let h: Vec<&str> = s.list_header.split('|').collect();
        [h[0], h[1], h[2], h[3], h[4]].map(String::from)
    }];
    for path in files {
        match store::load(&path) {
            Ok(sess) => {
                let block = fw
                    .pos_of(&sess.cursor)
                    .map(|p| format!("{} {}", fw.blocks[p.block].id, fw.blocks[p.block].title))
                    .unwrap_or_else(|| "?".into());
                let last = sess
                    .current_workshop()
                    .map(|w| format!("{} ({})", w.number, w.date))
                    .unwrap_or_else(|| "—".into());
                let vote = sess
                    .latest_vote()
                    .map(|v| {
                        let word = v.outcome.word(lang);
                        let sym = v.outcome.symbol();
                        match v.outcome {
                            Outcome::Go | Outcome::NoGo | Outcome::Deferred => {
                                format!("{sym} {word} ({})", v.workshop)
                            }
                        }
                    })
                    .unwrap_or_else(|| s.no_vote.to_string());
                rows.push([
                    clean_line(&sess.name),
                    clean_line(&sess.area),
                    block,
                    last,
                    vote,
                ]);
            }
            Err(e) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                rows.push([
                    clean_line(&name),
                    "⚠".into(),
                    clean_line(&e.message(lang)),
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }
    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for i in 0..5 {
            line.push_str(&r[i]);
            if i < 4 {
                line.push_str(&" ".repeat(widths[i] - r[i].chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    Ok(out)
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    write_stdout_bytes(text.as_bytes())
}

fn write_stdout_bytes(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        // `wijktafel framework | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}
