//! The README tells the truth: the quick start's two commands, the keys,
//! the screens (from their snapshots), the demo.

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

/// The fenced blocks of the README that follow a `<!-- snapshot: PATH -->`
/// line, with that path; and every other fenced block.
fn blocks(r: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut marked = Vec::new();
    let mut other = Vec::new();
    let mut lines = r.lines().peekable();
    let mut named: Option<String> = None;
    while let Some(line) = lines.next() {
        if let Some(path) = line
            .trim()
            .strip_prefix("<!-- snapshot:")
            .and_then(|l| l.strip_suffix("-->"))
        {
            named = Some(path.trim().to_string());
            continue;
        }
        if line.starts_with("```") {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            match named.take() {
                Some(path) => marked.push((path, body)),
                None => other.push(body),
            }
        } else if !line.trim().is_empty() {
            named = None;
        }
    }
    (marked, other)
}

/// A screen shown in the README is the snapshot it names, as it is now:
/// when a screen changes, its snapshot changes, and then this fails until
/// the README shows the new one.
#[test]
fn the_readmes_screens_are_the_snapshots_they_name() {
    let r = readme();
    let (marked, other) = blocks(&r);
    assert!(
        !marked.is_empty(),
        "the README shows no screen from a snapshot"
    );
    for (path, shown) in &marked {
        let snap = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("the README names {path}: {e}"));
        // the snapshot's text: after its header between two `---` lines
        let body = snap.splitn(3, "---\n").nth(2).unwrap();
        assert_eq!(
            shown.trim_end(),
            body.trim_end(),
            "the README's screen differs from {path}"
        );
    }
    // a screen (a box drawn in it) always names its snapshot
    for b in other {
        assert!(
            !b.contains('┏') && !b.contains("───"),
            "a screen in the README without <!-- snapshot: … -->:\n{b}"
        );
    }
}

#[test]
fn what_the_readme_says_of_the_demo_is_the_demo() {
    use wijktafel::framework::Framework;
    use wijktafel::session::Status;
    let r = readme();
    let words = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let said = r[r.find("The demo is").unwrap()..]
        .split("\n\n")
        .next()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let demo = wijktafel::demo::build(&Framework::builtin(), 2);
    let skipped = demo
        .points
        .values()
        .filter(|p| p.status == Status::Skipped)
        .count();
    let skipped_words = match skipped {
        1 => "a skipped point".to_string(),
        n => format!("{} skipped points", words[n]),
    };
    for claim in [
        format!("\"{}\" in \"{}\"", demo.area, demo.municipality),
        format!("{} parties", words[demo.parties.len()]),
        format!("{} workshops", words[demo.workshops.len()]),
        skipped_words,
    ] {
        assert!(
            said.contains(&claim),
            "the README's demo lacks {claim:?}: {said}"
        );
    }
    let vote = demo.latest_vote().expect("the demo has a vote");
    assert_eq!(vote.outcome, wijktafel::vote::Outcome::Go);
    assert!(said.contains("a GO vote"), "{said}");
}
