//! Renumberings of the built-in framework between its versions: a session
//! made with an earlier version keeps every capture on the same question.
//!
//! A renumbering lists the point ids that moved; an id that is not listed
//! kept its place. [`upgrade_point_ids`] applies them in order, so a session
//! several versions old goes through each step.

/// The point ids that moved from one version of a framework to the next.
pub struct Renumbering {
    /// The framework's id (`id` in the asset).
    pub framework: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    /// (old id, new id) pairs.
    pub moves: &'static [(&'static str, &'static str)],
}

/// Every renumbering of the built-in framework, oldest first.
pub const RENUMBERINGS: &[Renumbering] = &[Renumbering {
    framework: "plv-afwegingskader",
    from: "2022.1",
    to: "2022.2",
    // Step 1.4 got its own point 1.4.2 (issue 16); the points after it moved
    // one up.
    moves: &[("1.4.2", "1.4.3"), ("1.4.3", "1.4.4"), ("1.4.4", "1.4.5")],
}];

/// The renumbering that applies to a session made with `framework` at
/// `version`, if any.
pub fn renumbering_from(framework: &str, version: &str) -> Option<&'static Renumbering> {
    RENUMBERINGS
        .iter()
        .find(|r| r.framework == framework && r.from == version)
}

impl Renumbering {
    /// The id of a point after this renumbering.
    pub fn map(&self, id: &str) -> String {
        self.moves
            .iter()
            .find(|(old, _)| *old == id)
            .map_or(id, |(_, new)| new)
            .to_string()
    }
}

/// The renumberings that bring `version` of `framework` up to date, in
/// order (empty when it is current or unknown).
pub fn upgrade_path(framework: &str, version: &str) -> Vec<&'static Renumbering> {
    let mut path = Vec::new();
    let mut at = version;
    while let Some(r) = renumbering_from(framework, at) {
        if path.len() > RENUMBERINGS.len() {
            break; // a cycle in the table; the test below refuses one
        }
        path.push(r);
        at = r.to;
    }
    path
}

/// A point id of `version` of `framework` as the current version names it.
pub fn upgrade_point_id(framework: &str, version: &str, id: &str) -> String {
    along(&upgrade_path(framework, version), id)
}

/// A point id after every renumbering of `path`.
pub fn along(path: &[&Renumbering], id: &str) -> String {
    path.iter().fold(id.to_string(), |id, r| r.map(&id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;

    #[test]
    fn the_builtin_is_the_end_of_every_path() {
        let fw = Framework::builtin();
        let last = RENUMBERINGS.last().unwrap();
        assert_eq!(
            (last.framework, last.to),
            (fw.id.as_str(), fw.version.as_str())
        );
        assert!(renumbering_from(&fw.id, &fw.version).is_none());
        for r in RENUMBERINGS {
            let path = upgrade_path(r.framework, r.from);
            assert_eq!(
                path.last().unwrap().to,
                fw.version,
                "{} {}",
                r.framework,
                r.from
            );
        }
    }

    #[test]
    fn moves_are_a_one_to_one_map_onto_existing_points() {
        let fw = Framework::builtin();
        for r in RENUMBERINGS {
            let olds: std::collections::HashSet<_> = r.moves.iter().map(|m| m.0).collect();
            let news: std::collections::HashSet<_> = r.moves.iter().map(|m| m.1).collect();
            assert_eq!(olds.len(), r.moves.len());
            assert_eq!(news.len(), r.moves.len());
        }
        // after the whole path every moved id names a point of the builtin
        for (old, _) in RENUMBERINGS[0].moves {
            let new = upgrade_point_id(&fw.id, RENUMBERINGS[0].from, old);
            assert!(fw.pos_of(&new).is_some(), "{old} → {new}");
        }
    }

    #[test]
    fn version_2022_1_moves_the_points_after_1_4_1() {
        let up = |id| upgrade_point_id("plv-afwegingskader", "2022.1", id);
        assert_eq!(up("1.4.1"), "1.4.1");
        assert_eq!(up("1.4.2"), "1.4.3");
        assert_eq!(up("1.4.3"), "1.4.4");
        assert_eq!(up("1.4.4"), "1.4.5");
        assert_eq!(up("1.5.1"), "1.5.1");
        // the current version and other frameworks are left alone
        assert_eq!(
            upgrade_point_id("plv-afwegingskader", "2022.2", "1.4.2"),
            "1.4.2"
        );
        assert_eq!(upgrade_point_id("eigen-kader", "2022.1", "1.4.2"), "1.4.2");
    }

    #[test]
    fn a_session_is_renumbered_once_and_a_custom_framework_is_left_alone() {
        use crate::record::{Draft, DraftKind, Status};
        use crate::session::Session;
        let fw = Framework::builtin();
        let t = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let mut s = Session::new("x", &fw, t);
        s.framework.version = "2022.1".into();
        s.set_status("1.4.2", Status::Consensus, vec![], "", t);
        s.add_note("1.4.4", "beeldvorming", t);
        s.add_note("1.4.1", "inventarisatie", t);
        s.cursor = "1.4.3".into();
        s.draft = Some(Draft {
            point: "1.4.4".into(),
            kind: DraftKind::Note,
            text: "half".into(),
            at: t,
        });
        let custom = {
            let mut c = s.clone();
            c.framework.id = "eigen-kader".into();
            c
        };
        assert!(s.upgrade_framework());
        assert_eq!(s.status_of("1.4.3"), Status::Consensus);
        assert_eq!(s.status_of("1.4.2"), Status::Open);
        assert_eq!(s.record("1.4.5").unwrap().notes[0].text, "beeldvorming");
        assert_eq!(s.record("1.4.1").unwrap().notes[0].text, "inventarisatie");
        assert_eq!(s.points.len(), 3);
        assert_eq!(s.cursor, "1.4.4");
        assert_eq!(s.draft.as_ref().unwrap().point, "1.4.5");
        assert_eq!(s.framework.version, fw.version);
        assert_eq!(s.framework_migrated_from.as_deref(), Some("2022.1"));
        // a second load of the saved file changes nothing
        let once = s.clone();
        assert!(!s.upgrade_framework());
        assert_eq!(s, once);
        // another framework's 2022.1 is its own business
        let mut c = custom.clone();
        assert!(!c.upgrade_framework());
        assert_eq!(c, custom);
    }
}
