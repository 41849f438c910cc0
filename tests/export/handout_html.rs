//! `wijktafel framework --format html`: the printable A4 handout for the
//! participants (issue 15), tested on the real binary.

use crate::common::bin;
use crate::html_snap::readable;
use wijktafel::export::html_escape as esc;
use wijktafel::framework::Framework;

pub(crate) fn handout(args: &[&str]) -> String {
    let out = bin()
        .args(args)
        .args(["framework", "--format", "html"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The elements with this class.
fn with_class<'a>(dom: &'a tl::VDom<'a>, class: &str) -> Vec<&'a tl::HTMLTag<'a>> {
    dom.nodes()
        .iter()
        .filter_map(|n| n.as_tag())
        .filter(|t| {
            t.attributes()
                .class()
                .is_some_and(|c| c.as_utf8_str().split(' ').any(|x| x == class))
        })
        .collect()
}

fn element_names(html: &str) -> Vec<String> {
    let dom = tl::parse(html, tl::ParserOptions::default()).unwrap();
    dom.nodes()
        .iter()
        .filter_map(|n| n.as_tag().map(|t| t.name().as_utf8_str().to_string()))
        .collect()
}

#[test]
fn every_point_has_room_to_write_and_the_fields_are_there() {
    let html = handout(&[]);
    let fw = Framework::builtin();
    let dom = tl::parse(&html, tl::ParserOptions::default()).unwrap();
    let points = with_class(&dom, "point");
    assert_eq!(points.len(), fw.point_count());
    // each point: its id and text, then ruled lines
    for (t, (_, _, p)) in points.iter().zip(fw.iter_points()) {
        let inner = t.inner_html(dom.parser());
        assert!(inner.contains(&format!(
            "<span class=\"id\">{}</span> {}",
            p.id,
            esc(&p.text)
        )));
        assert_eq!(
            inner.matches("<div class=\"line\"></div>").count(),
            3,
            "{inner}"
        );
    }
    // the fields to fill in
    for field in ["Wijk", "Datum", "Naam / organisatie"] {
        assert!(html.contains(&format!("<tr><th>{field}</th><td></td></tr>")));
    }
    // every block with its guidance, every step with its consideration
    for b in &fw.blocks {
        assert!(html.contains(&format!("<h2>Blok {}. {}</h2>", b.id, esc(&b.title))));
        assert!(html.contains(&esc(&b.intro)));
        for st in &b.steps {
            assert!(html.contains(&format!("<h3>Stap {} {}</h3>", st.id, esc(&st.title))));
            assert!(html.contains(&format!(
                "<blockquote>{}</blockquote>",
                esc(&st.consideration)
            )));
        }
    }
    assert!(html.contains("<h1>Werkblad voor deelnemers — "));
    assert!(html.contains("<h2>Uitgangspunten</h2>") && html.contains("<h2>Succesfactoren</h2>"));
    // A4 with page numbers; the first block follows the fields on page one
    assert!(html.contains("@page{size:A4") && html.contains("counter(pages)"));
    assert!(html.contains("section.block+section.block"));
    // self-contained
    for bad in ["<script", "href=", "src=", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
    // md and json are as they were
    let md = bin().args(["framework"]).output().unwrap().stdout;
    assert!(String::from_utf8(md).unwrap().starts_with("# "));
}

#[test]
fn the_english_handout_speaks_english() {
    let html = handout(&["--lang", "en"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for en in [
        "<h1>Participant worksheet — ",
        "<tr><th>Neighbourhood</th>",
        "<tr><th>Name / organisation</th>",
        "<h2>Block 1. ",
        "<h3>Step 1.1 ",
        "<h2>Principles</h2>",
        "page ",
    ] {
        assert!(html.contains(en), "missing {en:?}");
    }
    for nl in [
        "Werkblad",
        "<th>Wijk</th>",
        "<th>Datum</th>",
        "Aantekeningen",
        "\"pagina ",
    ] {
        assert!(!html.contains(nl), "Dutch {nl:?} in the English handout");
    }
}

#[test]
fn a_hostile_framework_file_stays_text() {
    let toml = wijktafel::framework::DEFAULT_TOML;
    let needle = "text = \"Is in de wijk sprake van concentraties";
    assert!(toml.contains(needle));
    let hostile = toml.replacen(
        needle,
        "text = \"<script>alert(1)</script><img src=x onerror=y> </style><a href=z>klik</a> Is in de wijk sprake van concentraties",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kader.toml");
    std::fs::write(&file, hostile).unwrap();
    let bad = handout(&["--framework", file.to_str().unwrap()]);
    let good = handout(&[]);
    assert_eq!(element_names(&bad), element_names(&good));
    assert!(bad.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"));
    assert!(!bad.contains("<script") && !bad.contains("<img") && !bad.contains("<a "));
}

#[test]
fn golden_handout() {
    insta::assert_snapshot!("handout_html_nl", readable(&handout(&[])));
}
