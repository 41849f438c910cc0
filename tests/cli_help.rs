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
