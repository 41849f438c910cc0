//! The command line's help in Dutch, like the rest of the interface: clap's
//! own words (headings, the help and version flags) replaced.

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
