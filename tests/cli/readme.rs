//! The README tells the truth: the quick start's two commands, the keys.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn quick_start_has_exactly_the_two_set_up_commands_and_ci_runs_the_test_one() {
    let r = readme();
    let start = r.find("## Quick start").unwrap();
    let section = &r[start..r[start + 5..].find("\n## ").map(|i| i + start + 5).unwrap()];
    let block = section
        .split("```sh")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(commands, vec!["cargo run --release -- demo", "cargo test"]);
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim().starts_with("cargo test")),
        "CI runs the README's test command"
    );
}

#[test]
fn every_key_of_the_help_is_in_the_readme() {
    let r = readme();
    let keys = &r[r.find("## Keys").unwrap()..];
    for b in wijktafel::tui::keys::help_rows(wijktafel::tui::keys::Ctx::Main) {
        let first = b.label.split(['/', ',', '…']).next().unwrap().trim();
        assert!(
            keys.contains(&format!("`{first}`")),
            "key {first} ({}) missing from the README",
            b.label
        );
    }
}
