//! The command line's arguments: what clap parses, with the Dutch texts of
//! the help (the English ones are in `help_en.rs`, the Dutch headings in
//! `help_nl.rs`).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::overview::OverviewFormat;
use crate::i18n::Lang;
use crate::tui::theme::ThemeKind;
use crate::vote::RuleKind;

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
    #[command(alias = "overview", after_help = OVERVIEW_EXAMPLES)]
    Overzicht(OverviewArgs),
    /// De volgende bijeenkomst plannen (of die nu loopt): welke stappen, minuten per stap, begin en einde.
    #[command(after_help = super::plan::EXAMPLES)]
    Plan(super::plan::PlanArgs),
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
        action: Option<FrameworkAction>,
    },
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

/// `framework switch`.
#[derive(Debug, Subcommand)]
pub enum FrameworkAction {
    /// Het afwegingskader van een sessie bewust wisselen: toont wat verandert en vraagt het; eerdere bijeenkomsten houden de woorden van toen.
    #[command(
        after_help = "Voorbeeld: wijktafel framework switch \"Kleinstad Noord\" kleinstad-kader-2.toml"
    )]
    Switch {
        /// Naam, bestandsnaam of pad van de sessie
        session: String,
        /// Het nieuwe afwegingskader (TOML)
        file: PathBuf,
        /// Niet vragen, meteen wisselen (voor scripts)
        #[arg(long)]
        yes: bool,
    },
}

/// The examples under `wijktafel overzicht --help`.
pub const OVERVIEW_EXAMPLES: &str = "Voorbeelden:\n  wijktafel overzicht\n  wijktafel overzicht /mnt/gedeeld/wijken --municipality Kleinstad --format html -o overzicht.html\n  wijktafel overzicht --format xlsx -o overzicht.xlsx";

/// What `overzicht` is asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct OverviewArgs {
    /// Nog meer mappen met sessies (alleen gelezen), naast de map van --dir
    #[arg(value_name = "MAP")]
    pub dirs: Vec<PathBuf>,
    /// Alleen de wijken van deze gemeente
    #[arg(long, value_name = "GEMEENTE")]
    pub municipality: Option<String>,
    /// md (standaard), html (afdrukbaar op A4, met warmtekaart), json (zie assets/overview-schema-v1.json) of xlsx (een tabblad per weergave)
    #[arg(long, value_enum, default_value_t = OverviewFormat::Md)]
    pub format: OverviewFormat,
    /// Naar dit bestand schrijven (0600) in plaats van naar het scherm
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}
