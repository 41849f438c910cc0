//! The `wijktafel framework` command and `--framework FILE`, tested on the real binary.

use crate::common::bin;
use wijktafel::framework::Framework;

#[test]
fn json_has_the_documented_shape_and_all_content() {
    let out = bin()
        .args(["framework", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fw = Framework::builtin();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 4);
    let mut points = 0;
    let mut steps = 0;
    for b in blocks {
        assert!(b["id"].is_string() && b["title"].is_string());
        for s in b["steps"].as_array().unwrap() {
            steps += 1;
            for key in ["id", "title", "consideration"] {
                assert!(!s[key].as_str().unwrap().is_empty(), "{key} in {s}");
            }
            for r in s["refs"].as_array().unwrap() {
                let r = r.as_str().unwrap();
                assert!(fw.reference(r).is_some(), "dangling {r}");
            }
            for p in s["points"].as_array().unwrap() {
                assert!(
                    p["id"]
                        .as_str()
                        .unwrap()
                        .starts_with(s["id"].as_str().unwrap())
                );
                assert!(!p["text"].as_str().unwrap().is_empty());
                points += 1;
            }
        }
    }
    assert_eq!(steps, fw.step_count());
    assert_eq!(points, fw.point_count());
    assert_eq!(points, 92);
    assert_eq!(v["version"], "2022.2");
    // the guidance for the framework and each block, the NO-GO routes and
    // the pulse question of the decision step (issue 16)
    assert!(
        v["guidance"]
            .as_str()
            .unwrap()
            .contains("stappen over te slaan")
    );
    for b in blocks {
        assert!(!b["guidance"].as_str().unwrap().is_empty(), "{}", b["id"]);
    }
    let decision = &blocks[0]["steps"][4];
    assert_eq!(decision["decision"], true);
    let routes: Vec<&str> = decision["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        routes,
        ["lighter", "neighbourhood", "sectoral", "community"]
    );
    assert!(decision["routes"][3]["text"] == "Investeren in community building");
    assert!(
        decision["pulse"]
            .as_str()
            .unwrap()
            .contains("vinger aan de pols")
    );
    assert!(blocks[0]["steps"][0].get("routes").is_none());
    assert_eq!(
        blocks[0]["steps"][3]["points"][1]["text"],
        "Hoe wordt samenwerking tussen partijen in de wijk ervaren en gestimuleerd?"
    );
    assert_eq!(v["principles"].as_array().unwrap().len(), 6);
    assert_eq!(v["success_factors"].as_array().unwrap().len(), 10);
    for r in v["principles"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["success_factors"].as_array().unwrap())
    {
        for key in ["id", "title", "summary"] {
            assert!(!r[key].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn markdown_handout_has_one_checkbox_per_point() {
    let out = bin()
        .args(["framework", "--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let boxes = md.lines().filter(|l| l.contains(". ☐ ")).count();
    assert_eq!(boxes, Framework::builtin().point_count());
    assert!(md.contains("## Blok 1. Oriënteren en verkennen"));
    assert!(md.contains("### Stap 1.5 Besluitvorming: go/no go"));
    assert!(md.contains("3.5 Een lange adem"));
    // references named by kind, never a bare id that reads like a step
    assert!(
        md.contains("_Zie: Succesfactor 3.2 De lokale coalitie_"),
        "{md}"
    );
    assert!(md.contains("Uitgangspunt 2.3 "), "{md}");
    assert!(!md.contains("_Zie: 3."), "{md}");
    // the guidance, and the routes after a NO-GO with the pulse question
    assert!(md.contains("## Toelichting\n\n> Om gemeenten"), "{md}");
    assert!(md.contains("> Een gebiedsgerichte aanpak start met het verkennen"));
    assert!(md.contains("**Na een no-go:**\n\n- ☐ Een lichtere gebiedsgerichte aanpak"));
    assert!(md.contains("- ☐ Investeren in community building\n"));
    assert!(
        md.contains(
            "_Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?_"
        )
    );
    // the default is md
    let out2 = bin().args(["framework"]).output().unwrap();
    assert_eq!(out2.stdout, md.as_bytes());
}

/// The built-in text has no OCR leftovers.
#[test]
fn builtin_text_is_free_of_ocr_errors() {
    let text = wijktafel::framework::DEFAULT_TOML;
    for bad in [
        "Oriént",
        "Initiér",
        "ideeén",
        "codrdin",
        "efficiént",
        "continuiteit",
        "geidentific",
        "clientparticipatie",
        "Isin ",
        "Zijnin",
        "Inwelke",
        "Zijnuitvoering",
        "Eenlange",
        "initi€le",
        "barriéres",
        " « ",
        " » ",
        "¢",
        "wijk is sprake",
    ] {
        assert!(!text.contains(bad), "OCR leftover {bad:?}");
    }
    for good in [
        "Oriënteren",
        "Initiëren",
        "ideeën",
        "coördinerend",
        "efficiëntie",
        "continuïteit",
        "geïdentificeerd",
        "cliëntparticipatie",
    ] {
        assert!(text.contains(good), "missing {good:?}");
    }
}

fn write_tmp(text: &str) -> tempfile::NamedTempFile {
    use std::io::Write;
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

/// Run `framework` with a malformed file; return stderr.
fn refused(text: &str) -> String {
    let f = write_tmp(text);
    let out = bin()
        .arg("--framework")
        .arg(f.path())
        .args(["framework", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&f.path().display().to_string()), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    err
}

#[test]
fn malformed_frameworks_are_refused_with_file_line_and_message() {
    let good = wijktafel::framework::DEFAULT_TOML;

    let err = refused("id = \"x\"\nversion = [\n");
    assert!(
        err.contains(":2:") && err.contains("ongeldig afwegingskader"),
        "{err}"
    );

    let dup = good.replacen("id = \"1.1.2\"", "id = \"1.1.1\"", 1);
    let line = dup.lines().position(|l| l == "id = \"1.1.1\"").unwrap();
    let second = dup
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"1.1.1\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(second > line);
    let err = refused(&dup);
    assert!(err.contains(&format!(":{second}:")), "{err}");
    assert!(err.contains("\"1.1.1\" komt twee keer voor"), "{err}");

    let err = refused(&good.replacen("refs = [\"3.5\"]", "refs = [\"4.5\"]", 1));
    assert!(err.contains("verwijst naar \"4.5\""), "{err}");

    let empty = good.replacen(
        "text = \"Hoe is verticale afstemming tussen bestuurs- en overheidslagen georganiseerd?\"",
        "text = \"  \"",
        1,
    );
    let err = refused(&empty);
    assert!(err.contains("lege tekst bij text (3.2.5)"), "{err}");

    let err = refused(&good.replacen("consideration =", "consideraton =", 1));
    assert!(err.contains("consideraton"), "{err}");

    // English messages with --lang en
    let f = write_tmp(&good.replacen("refs = [\"3.5\"]", "refs = [\"4.5\"]", 1));
    let out = bin()
        .args(["--lang", "en", "--framework"])
        .arg(f.path())
        .arg("framework")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refers to \"4.5\""));
}

#[test]
fn a_missing_framework_file_is_a_plain_error() {
    let out = bin()
        .args(["--framework", "/nonexistent/kader.toml", "framework"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/kader.toml")
            && err.contains("kan het afwegingskader niet lezen"),
        "{err}"
    );
}

#[test]
fn an_adapted_framework_is_used() {
    let adapted = wijktafel::framework::DEFAULT_TOML
        .replace("title = \"Urgentie\"", "title = \"Urgentie in onze wijk\"");
    let f = write_tmp(&adapted);
    let out = bin()
        .arg("--framework")
        .arg(f.path())
        .args(["framework", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Urgentie in onze wijk"));
}
