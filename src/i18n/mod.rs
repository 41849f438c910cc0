//! User-facing strings, one file per language (`nl.rs` is the default,
//! `en.rs` the English translation). Both fill the same [`Strings`] struct,
//! so the compiler keeps the two languages in step; placeholders are `{0}`,
//! `{1}`, … and are checked by a test.

mod en;
mod nl;

pub use strings::Strings;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
        }
    }
}

/// Replace `{0}`, `{1}`, … in `template` by `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => match after[..end].parse::<usize>() {
                Ok(n) if n < args.len() => {
                    out.push_str(args[n]);
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! define_strings {
    ($($name:ident),* $(,)?) => {
        mod strings {
            /// Every user-facing text of wijktafel.
            #[derive(Debug)]
            pub struct Strings {
                $(pub $name: &'static str,)*
            }
            impl Strings {
                /// (key, text) pairs, for tests and tooling.
                pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                    vec![$((stringify!($name), self.$name),)*]
                }
            }
        }
    };
}

define_strings! {
    // framework and handout
    source, block, step, point, activities, see_also, principles, success_factors,
    fw_err_io, fw_err_syntax, fw_err_duplicate, fw_err_dangling, fw_err_empty,
    fw_err_no_points, fw_err_no_steps, fw_err_no_blocks, fw_err_bad_id,
    // statuses, stances, votes
    status_open, status_consensus, status_dissent, status_skipped,
    stance_none, stance_agree, stance_reservations, stance_disagree,
    vote_go, vote_no_go, vote_abstain, vote_absent,
    outcome_go, outcome_no_go, outcome_deferred,
    rule_consensus, rule_majority,
    route_lighter, route_neighbourhood, route_sectoral, route_community, route_other,
    // store and session errors
    err_io, err_corrupt, err_newer, err_no_version, err_locked, err_exists, err_not_found,
    err_bad_name, err_bad_party, err_save_failed, err_backup_hint,
    // command line output
    list_empty, list_header, created, no_vote, workshop_short,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| s.contains(p.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn both_languages_have_every_text_with_the_same_placeholders() {
        let nl = Lang::Nl.strings().entries();
        let en = Lang::En.strings().entries();
        assert_eq!(nl.len(), en.len());
        for ((k1, v1), (k2, v2)) in nl.iter().zip(en.iter()) {
            assert_eq!(k1, k2);
            assert!(!v1.trim().is_empty(), "nl.{k1} is empty");
            assert!(!v2.trim().is_empty(), "en.{k2} is empty");
            assert_eq!(
                placeholders(v1),
                placeholders(v2),
                "placeholders differ for {k1}"
            );
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders_only() {
        assert_eq!(fill("{0} en {1}", &["a", "b"]), "a en b");
        assert_eq!(fill("{x} {0} {5}", &["a"]), "{x} a {5}");
        assert_eq!(fill("open {", &[]), "open {");
        // arguments are not re-expanded
        assert_eq!(fill("{0}{1}", &["{1}", "z"]), "{1}z");
    }
}
