//! The command line's help speaks Dutch like the rest of the interface:
//! no clap headings, flags or value lists left in English.

use std::process::Command;

#[test]
fn every_help_is_dutch() {
    let mut helps = vec![vec!["--help"]];
    for sub in [
        "new",
        "open",
        "list",
        "export",
        "demo",
        "backups",
        "restore",
        "plan",
        "framework",
    ] {
        helps.push(vec![sub, "--help"]);
    }
    for args in helps {
        let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Gebruik: wijktafel"), "{args:?}:\n{text}");
        for english in [
            "Usage",
            "Options",
            "[OPTIONS]",
            "Arguments",
            "Commands",
            "Print help",
            "Print version",
            "[default",
            "possible values",
            "<SESSION>",
            "<FILE>",
            "<NAME>",
        ] {
            assert!(!text.contains(english), "{args:?} has {english:?}:\n{text}");
        }
    }
}

/// Issue 25: `--lang en` gives the whole help in English, before or after
/// the command.
#[test]
fn with_lang_en_every_help_is_english() {
    let subs = [
        "new",
        "open",
        "list",
        "export",
        "demo",
        "backups",
        "restore",
        "log",
        "plan",
        "overzicht",
        "beamer",
        "framework",
    ];
    let mut helps = vec![vec!["--lang", "en", "--help"]];
    for sub in subs {
        helps.push(vec!["--lang", "en", sub, "--help"]);
        helps.push(vec![sub, "--lang=en", "--help"]);
    }
    for args in helps {
        let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage: wijktafel"), "{args:?}:\n{text}");
        for dutch in [
            "Gebruik",
            "Opties",
            "OPTIES",
            "Argumenten",
            "Opdrachten",
            "Deze hulp",
            "Voorbeeld:",
            "sessie",
            "bijeenkomst",
            "<SESSIE>",
            "<BESTAND>",
            "<MAP>",
            "<TAAL>",
            "Naam, bestandsnaam",
        ] {
            assert!(!text.contains(dutch), "{args:?}: {dutch:?} in\n{text}");
        }
    }
}
