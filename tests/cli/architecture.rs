//! ARCHITECTURE.md stays true to the tree: every file or folder it names
//! (in `code` and in its code blocks) exists, and every folder of `src/`
//! is named in it.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every file and folder of the checkout that a document may name,
/// relative to the root with `/` (folders end in `/`).
fn tree() -> Vec<String> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if rel.is_empty() && (name == "target" || name == ".git") {
                continue;
            }
            let path = format!("{rel}{name}");
            if e.file_type().unwrap().is_dir() {
                out.push(format!("{path}/"));
                walk(&e.path(), &format!("{path}/"), out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(ROOT), "", &mut out);
    out
}

/// The text of the `code` spans and the code blocks of a Markdown text.
fn code_of(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut block = String::new();
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            if in_block {
                out.push(std::mem::take(&mut block));
            }
            in_block = !in_block;
        } else if in_block {
            block.push_str(line);
            block.push('\n');
        } else {
            out.extend(line.split('`').skip(1).step_by(2).map(String::from));
        }
    }
    out
}

/// What in `code` names a file or a folder: runs of path characters with
/// a `/` and a small letter in them or a file's extension
/// (`store/stamp.rs`, `tui/`, `.ci/run`, `demo.rs`; not `SIGTERM/SIGINT`);
/// not a placeholder's parts (`<stem>.live.json`, `schema-v<N>.json`),
/// not a Rust path's items (`tui/live_out.rs::state_of` names the file).
fn paths_in(code: &str) -> Vec<String> {
    const EXT: [&str; 7] = [".rs", ".md", ".toml", ".json", ".sh", ".py", ".yml"];
    let path_char = |c: char| c.is_ascii_alphanumeric() || "_.-/".contains(c);
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !path_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && path_char(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let run = run.trim_end_matches('.').to_string();
        let placeholder = (start > 0 && chars[start - 1] == '>') || chars.get(i) == Some(&'<');
        let is_path = (run.contains('/') && run.chars().any(|c| c.is_ascii_lowercase()))
            || EXT.iter().any(|e| run.ends_with(e) && run.len() > e.len());
        if is_path && !placeholder && !run.contains("//") && !run.starts_with('/') {
            out.push(run);
        }
    }
    out
}

/// Whether `named` is a file or folder of `tree`, written whole or as its
/// last parts (`stamp.rs`, `dialogs/mod.rs`, `src/store/`, a folder also
/// without its `/`: `domain/journal::Event`).
fn exists(tree: &[String], named: &str) -> bool {
    let folder = format!("{}/", named.trim_end_matches('/'));
    tree.iter().any(|p| {
        [named, folder.as_str()]
            .iter()
            .any(|n| p == n || p.ends_with(&format!("/{n}")))
    })
}

#[test]
fn every_path_architecture_md_names_exists() {
    let md = std::fs::read_to_string(format!("{ROOT}/ARCHITECTURE.md")).unwrap();
    let tree = tree();
    let mut missing: Vec<String> = code_of(&md)
        .iter()
        .flat_map(|c| paths_in(c))
        .filter(|p| !exists(&tree, p))
        .collect();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names what is not there: {missing:?}"
    );
}

#[test]
fn every_folder_of_src_is_named_in_architecture_md() {
    let md = std::fs::read_to_string(format!("{ROOT}/ARCHITECTURE.md")).unwrap();
    let named: Vec<String> = code_of(&md).iter().flat_map(|c| paths_in(c)).collect();
    let unnamed: Vec<String> = tree()
        .into_iter()
        .filter(|p| p.starts_with("src/") && p.ends_with('/') && p != "src/")
        .filter(|dir| {
            !named
                .iter()
                .any(|n| n.ends_with('/') && (dir == n || dir.ends_with(&format!("/{n}"))))
        })
        .collect();
    assert!(
        unnamed.is_empty(),
        "folders of src/ that ARCHITECTURE.md does not name: {unnamed:?}"
    );
}

/// The checks above can fail: a made-up file is missing, a real one found.
#[test]
fn the_path_check_tells_real_from_made_up() {
    let tree = tree();
    assert!(exists(&tree, "store/stamp.rs"));
    assert!(exists(&tree, "src/tui/"));
    assert!(!exists(&tree, "store/no_such_file.rs"));
    assert_eq!(
        paths_in(
            "`tui/live_out.rs::state_of`, <stem>.live.json, .ci/run, md/html 1/2 SIGINT/SIGTERM schema-v<N>.json"
        ),
        ["tui/live_out.rs", ".ci/run", "md/html"]
    );
}
