//! The style sheets of the HTML the program writes, one rule a line: the
//! HTML snapshots carry only a line with each sheet's length and hash
//! (`html_snap.rs`), so a change of the CSS is read here, once.

use jiff::tz::TimeZone;
use wijktafel::export::{self, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;

use crate::handout_html::handout;
use crate::html_snap::{css_line, pretty_css, readable, style_of};

fn minutes() -> String {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 2);
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    export::html(&fw, &s, Some(2), &o).unwrap()
}

#[test]
fn the_style_sheets_one_rule_a_line() {
    insta::assert_snapshot!("minutes_css", pretty_css(style_of(&minutes())));
    insta::assert_snapshot!("handout_css", pretty_css(style_of(&handout(&[]))));
}

#[test]
fn the_pretty_sheet_is_the_whole_sheet() {
    for html in [minutes(), handout(&[])] {
        let css = style_of(&html);
        let pretty = pretty_css(css);
        let mut lines = pretty.lines();
        assert_eq!(lines.next(), Some(css_line(css).as_str()));
        let joined: String = lines.map(str::trim_start).collect();
        assert_eq!(joined, css);
        // the media rules and the page margin boxes each on a line
        assert!(pretty.lines().all(|l| l.len() < 400), "{pretty}");
    }
    let pretty = pretty_css(style_of(&minutes()));
    assert!(pretty.contains("\n@media print{\n  body{"), "{pretty}");
    assert!(
        pretty.contains("\n@page{\n  @top-left{content:"),
        "{pretty}"
    );
}

#[test]
fn a_readable_snapshot_still_fails_for_a_change_of_the_css() {
    let html = minutes();
    let one = readable(&html);
    let other = readable(&html.replacen("color:#111", "color:#112", 1));
    assert_ne!(one, other);
    assert_eq!(one.matches("<style>/* style sheet: ").count(), 1);
    // all but the sheet is as it was
    let css = style_of(&html);
    assert_eq!(
        one.replacen(&css_line(css), css, 1),
        html,
        "only the sheet is replaced"
    );
}
