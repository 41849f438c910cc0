//! The command line's help in English (`--lang en --help`): the same
//! commands and options as [`crate::cli::Cli`], whose texts are Dutch, with
//! every text replaced by its English one here (issue 25). Clap reads the
//! help before `--lang` is known, so the arguments are looked at first.

use clap::Command;

/// Whether the command line asks for English (`--lang en`, `--lang=en`).
pub fn wants_english(args: impl IntoIterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--lang=en" || (a == "--lang" && args.get(i + 1).is_some_and(|v| v == "en"))
    })
}

const ABOUT: &str = "Worktable for the area-based approach: facilitate a workshop along the assessment framework, record consensus and dissent, and close with a go/no-go.";

const AFTER_HELP: &str = "\
Examples:
  wijktafel new \"De Horst\" --area \"De Horst\" --party \"Gemeente|Anna|bestuur\"
  wijktafel open \"De Horst\"
  wijktafel beamer \"De Horst\"      (in a second window, on the projector)
  wijktafel export \"De Horst\" --format md --workshop 2 -o minutes.md
  wijktafel framework --format md > framework.md";

/// (argument id, English help, value name) per argument; `None` keeps the name.
const ARGS: &[(&str, &str, Option<&str>)] = &[
    (
        "dirs",
        "More folders with sessions (read only), besides the folder of --dir",
        Some("DIR"),
    ),
    (
        "dir",
        "Folder with the sessions (else $WIJKTAFEL_DIR, else the system's data folder)",
        Some("DIR"),
    ),
    (
        "framework",
        "Own assessment framework (TOML, same layout as assets/afwegingskader.toml)",
        Some("FILE"),
    ),
    (
        "lang",
        "Language of the screens and minutes: nl (default) or en",
        Some("LANG"),
    ),
    (
        "theme",
        "Colours: dark (default), light (bright room) or contrast",
        Some("THEME"),
    ),
    (
        "name",
        "Name of the session (one per area approach)",
        Some("NAME"),
    ),
    ("area", "The area (neighbourhood)", Some("AREA")),
    ("municipality", "The municipality", Some("MUNICIPALITY")),
    ("facilitator", "The facilitator", Some("FACILITATOR")),
    (
        "parties",
        "A party: \"Organisation|Representative|domain\" (repeat per party)",
        Some("ORG|REP|DOMAIN"),
    ),
    (
        "rule",
        "Decision rule of the go/no-go: consensus (at least one Go and no No-go; the default) or majority (more Go than No-go)",
        Some("consensus|majority"),
    ),
    (
        "quorum",
        "Quorum: the share of the parties that must be present (0.0–1.0)",
        Some("QUORUM"),
    ),
    ("no_open", "Only create the file and show its path", None),
    (
        "session",
        "Name, file name or path of the session",
        Some("SESSION"),
    ),
    ("format", "The format", Some("FORMAT")),
    (
        "workshop",
        "Only this workshop: its minutes; with csv the points discussed then, or the action items made or changed then. Not with json.",
        Some("WORKSHOP"),
    ),
    (
        "items",
        "With csv: points (the state per point, the default) or actions (a row per action item)",
        Some("points|actions"),
    ),
    (
        "anonymize",
        "Replace the names of representatives and facilitator, as whole words",
        None,
    ),
    (
        "output",
        "Write to this file (0600) instead of the screen",
        Some("FILE"),
    ),
    (
        "workshops",
        "Number of workshops (2 = the usual demo; up to 100 for a long programme)",
        Some("WORKSHOPS"),
    ),
    (
        "out",
        "Only write to this file, do not open it",
        Some("FILE"),
    ),
    (
        "number",
        "Number of the backup, as wijktafel backups shows it (1 = the newest)",
        Some("NR"),
    ),
    ("file", "The new assessment framework (TOML)", Some("FILE")),
    ("yes", "Do not ask, switch at once (for scripts)", None),
    (
        "point",
        "Only what happened to this discussion point (for example 1.2.4)",
        Some("POINT"),
    ),
    ("all", "Also the cursor moving and drafts being kept", None),
    (
        "event",
        "Back to how it was after this event of wijktafel log (#N); the restore is itself an event",
        Some("N"),
    ),
    (
        "live",
        "Show a note or reason while it is being typed",
        None,
    ),
    (
        "start",
        "Start of the workshop, for example 13:00",
        Some("HH:MM"),
    ),
    (
        "end",
        "End of the workshop, for example 15:00",
        Some("HH:MM"),
    ),
    (
        "date",
        "The day of the workshop (for the invitation): YYYY-MM-DD or DD-MM-YYYY",
        Some("DATE"),
    ),
    (
        "steps",
        "A step with its minutes, 1.4=20; without minutes the step gets its share of the rest (repeat per step)",
        Some("STEP=MIN"),
    ),
    ("show", "Only show the plan, change nothing", None),
    ("clear", "Remove the workshop's plan", None),
    (
        "hide_tally",
        "During the vote only show \"vote in progress\", the count after it closes",
        None,
    ),
];

/// (subcommand, about, after help) in English.
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "new",
        "Create a new session (and open it, unless --no-open).",
        "Example: wijktafel new \"De Horst\" --area \"De Horst\" --municipality Voorbeeldstad --party \"Gemeente Voorbeeldstad|Anna de Vries|bestuur\"",
    ),
    (
        "open",
        "Open a session (name or path): an unfinished workshop goes on, otherwise the next one begins.",
        "Example: wijktafel open \"De Horst\"",
    ),
    (
        "list",
        "Show the saved sessions: name, area, block, last workshop, go/no-go.",
        "Example: wijktafel list --dir ./sessions",
    ),
    (
        "export",
        "Write the minutes (md, html) or the data (json, csv) of a session; --format md|html|json|csv.",
        "Examples:\n  wijktafel export \"De Horst\" --format md --workshop 2 -o minutes.md\n  wijktafel export \"De Horst\" --format csv --items actions -o actions.csv\n\nThe CSV is for Excel and LibreOffice (semicolons, UTF-8 with BOM). A cell a\nspreadsheet would read as a formula gets an invisible word joiner (U+2060) before it:\nit shows as typed and never runs.\n\n--anonymize replaces names as whole words. Free text can still make people\nrecognisable: read it through.",
    ),
    (
        "demo",
        "Create and open a realistic, fictional example session.",
        "Examples:\n  wijktafel demo\n  wijktafel demo --workshops 40 --out /tmp/large.toml",
    ),
    (
        "backups",
        "Show the backups of a session, the newest first: number, time, workshop, why kept, size and content.",
        "Kept: the last 10 saves, the start of the last 10 workshops and the first version in each of the last 20 ten-minute periods (at most 40).\n\nExample: wijktafel backups \"De Horst\"\nRestore: wijktafel restore \"De Horst\" 3",
    ),
    (
        "restore",
        "Restore a backup (the current version is kept as a backup first), or go back to how the session was after an event of wijktafel log (--event N).",
        "The number comes from wijktafel backups (1 = the newest). Not while the session is open.\n--event N puts the session back to how it was after event N; the restore is itself an event, so nothing is lost and it can be undone.\n\nExamples: wijktafel restore \"De Horst\" 3\n          wijktafel restore \"De Horst\" --event 42",
    ),
    (
        "overzicht",
        "Where every area stands and what the areas teach each other: every session in the store and in the folders named, read only.",
        "Examples:\n  wijktafel overzicht\n  wijktafel overzicht /mnt/shared/areas --municipality Kleinstad --format html -o overview.html\n  wijktafel overzicht --format xlsx -o overview.xlsx",
    ),
    (
        "plan",
        "Plan the next workshop (or the one that runs): which steps, minutes per step, start and end.",
        "Examples:\n  wijktafel plan \"De Horst\" --start 13:00 --end 15:00\n  wijktafel plan \"De Horst\" --start 13:00 --end 14:00 --step 1.1=25 --step 1.2=35\n  wijktafel plan \"De Horst\" --step 1.4=40 --step 1.5   (1.5 gets the rest)\n  wijktafel plan \"De Horst\" --show\n\nWithout --step the plan keeps its steps, or takes the steps with open points that fit from where the agenda resumes. On the start screen, t plans the workshop too.",
    ),
    (
        "log",
        "What happened: every capture from the session's journal, with its workshop, time and number.",
        "Examples:\n  wijktafel log \"De Horst\"\n  wijktafel log \"De Horst\" --workshop 2\n  wijktafel log \"De Horst\" --point 1.2.4\n\nGo back to how it was after event N: wijktafel restore \"De Horst\" --event N",
    ),
    (
        "beamer",
        "The room's view on the projector: follows the facilitator, large and without keys; writes nothing. It may start before the session exists.",
        "Open the session in one window (wijktafel open) and the beamer in a second window on the projector's screen; enlarge the font there. Close with q, Esc or Ctrl+C.\n\nExample: wijktafel beamer \"De Horst\" --live",
    ),
    (
        "framework",
        "Show the assessment framework: as a handout (md), a worksheet to print (html) or for other programs (json).",
        "Example: wijktafel framework --format md > framework.md",
    ),
];

const SWITCH_ABOUT: &str = "Switch a session's assessment framework deliberately: shows what changes and asks; earlier workshops keep the words of their day.";
const SWITCH_AFTER: &str =
    "Example: wijktafel framework switch \"Kleinstad Noord\" kleinstad-framework-2.toml";

/// The help of `cmd` and its subcommands in English.
pub fn english_help(cmd: Command) -> Command {
    let cmd = one(cmd.about(ABOUT).after_help(AFTER_HELP));
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub = match COMMANDS.iter().find(|(n, _, _)| *n == name) {
            Some((_, about, after)) => sub.about(*about).after_help(*after),
            None => sub,
        };
        let format = match name.as_str() {
            "overzicht" => "md (default), html (printable on A4, with a heatmap), json (see assets/overview-schema-v1.json) or xlsx (a sheet per view)",
            "export" => "md or html: the minutes; json: all data (always the whole session); csv: a table for Excel",
            _ => "md: a handout with a box per discussion point; html: a worksheet for participants (A4); json: for other programs",
        };
        // `framework switch` (issue 31), one level further down
        let sub = if name == "framework" {
            sub.mut_subcommand("switch", |sw| {
                one(sw.about(SWITCH_ABOUT).after_help(SWITCH_AFTER))
            })
        } else {
            sub
        };
        one(sub).mut_args(|a| if a.get_id() == "format" { a.help(format) } else { a })
    })
}

/// Headings, the help and version flags and every argument in English.
fn one(cmd: Command) -> Command {
    const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Usage: {usage}

{all-args}{after-help}";
    let args: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commands")
        .subcommand_value_name("COMMAND")
        .next_help_heading("Options")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .help("Show this help")
                .action(clap::ArgAction::Help),
        );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .help("Show the version")
                .action(clap::ArgAction::Version),
        );
    }
    for id in args {
        cmd = cmd.mut_arg(id.clone(), |a| {
            let heading = if a.is_positional() {
                "Arguments"
            } else {
                "Options"
            };
            let mut a = if a.get_help_heading().is_none() {
                a.help_heading(heading)
            } else {
                a
            };
            if let Some((_, help, value)) = ARGS.iter().find(|(n, _, _)| *n == id.as_str()) {
                a = a.help(*help);
                if let Some(v) = value {
                    a = a.value_name(*v);
                }
            }
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd
}
