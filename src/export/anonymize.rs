//! Anonymisation: representatives' names replaced by their organisation.
//!
//! One list of replacements serves both the minutes (text replaced as it is
//! written) and the JSON export (a copy of the session replaced in place).

use crate::session::Session;

/// (name, organisation) pairs to replace, longest names first, so that a
/// name that contains another is replaced whole.
#[derive(Debug, Clone, Default)]
pub(super) struct Names(Vec<(String, String)>);

impl Names {
    /// Every representative with a name in `sess`.
    pub(super) fn of(sess: &Session) -> Names {
        let mut names: Vec<(String, String)> = sess
            .parties
            .iter()
            .filter(|p| !p.representative.trim().is_empty())
            .map(|p| (p.representative.trim().to_string(), p.organisation.clone()))
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        Names(names)
    }

    /// No replacements (anonymisation off).
    pub(super) fn none() -> Names {
        Names::default()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `text` with every name replaced by its organisation.
    pub(super) fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        self.apply_in_place(&mut out);
        out
    }

    fn apply_in_place(&self, text: &mut String) {
        for (name, org) in &self.0 {
            if !name.is_empty() {
                *text = text.replace(name.as_str(), org);
            }
        }
    }
}

/// Replace representatives' names by their organisation in every text field.
pub fn anonymize_session(sess: &mut Session) {
    let names = Names::of(sess);
    let fix = |s: &mut String| names.apply_in_place(s);
    for p in sess.parties.iter_mut() {
        p.representative = p.organisation.clone();
    }
    fix(&mut sess.name);
    fix(&mut sess.area);
    fix(&mut sess.facilitator);
    if let Some(d) = sess.draft.as_mut() {
        fix(&mut d.text);
    }
    for r in sess.points.values_mut() {
        fix(&mut r.skip_reason);
        fix(&mut r.dissent_reason);
        r.stances.iter_mut().for_each(|e| fix(&mut e.reason));
        for n in r.notes.iter_mut() {
            fix(&mut n.text);
            n.changes.iter_mut().for_each(|c| fix(&mut c.text));
        }
        for a in r.actions.iter_mut() {
            fix(&mut a.what);
            a.changes.iter_mut().for_each(|c| fix(&mut c.text));
        }
        r.history.iter_mut().for_each(|h| fix(&mut h.detail));
    }
    for v in sess.votes.iter_mut() {
        fix(&mut v.remark);
        v.ballots.iter_mut().for_each(|b| fix(&mut b.reason));
        if let Some(f) = v.follow_up.as_mut() {
            fix(&mut f.text);
        }
    }
    sess.overrides.iter_mut().for_each(|o| fix(&mut o.reason));
}
