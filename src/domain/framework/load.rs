//! Loading a framework: the TOML as written (with spans for error
//! positions), checked step by step into a [`Framework`].

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Block, Framework, FrameworkError, FrameworkErrorKind, NoGoRoute, Point, Reference, Step,
};
use crate::textpos::line_col;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    id: Spanned<String>,
    version: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    language: Option<String>,
    title: Spanned<String>,
    source: Spanned<String>,
    guidance: Spanned<String>,
    #[serde(default)]
    principles: Vec<RawReference>,
    #[serde(default)]
    success_factors: Vec<RawReference>,
    #[serde(default)]
    blocks: Vec<RawBlock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    id: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    id: Spanned<String>,
    title: Spanned<String>,
    intro: Spanned<String>,
    guidance: Spanned<String>,
    #[serde(default)]
    activities: Vec<Spanned<String>>,
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    title: Spanned<String>,
    consideration: Spanned<String>,
    #[serde(default)]
    refs: Vec<Spanned<String>>,
    #[serde(default)]
    decision: Option<Spanned<String>>,
    #[serde(default)]
    planned_minutes: Option<u32>,
    #[serde(default)]
    points: Vec<RawPoint>,
    #[serde(default)]
    routes: Option<Spanned<Vec<RawRoute>>>,
    #[serde(default)]
    pulse: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute {
    id: Spanned<String>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    id: Spanned<String>,
    text: Spanned<String>,
}

/// The two id namespaces: principles/success factors, and
/// blocks/steps/points (a step "2.1" and principle "2.1" are different things).
#[derive(Clone, Copy)]
enum Namespace {
    References,
    Framework,
}

/// The validation state: the file for error positions, and the ids seen
/// in each [`Namespace`].
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    ref_seen: HashSet<String>,
    seen: HashSet<String>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, text: &'a str) -> Checker<'a> {
        Checker {
            file,
            text,
            ref_seen: HashSet::new(),
            seen: HashSet::new(),
        }
    }

    fn err(&self, offset: usize, kind: FrameworkErrorKind) -> FrameworkError {
        let (line, column) = line_col(self.text, offset);
        FrameworkError {
            file: self.file.to_string(),
            line,
            column,
            kind,
        }
    }

    fn text(&self, s: &Spanned<String>, what: &str) -> Result<String, FrameworkError> {
        let v = s.get_ref().trim();
        if v.is_empty() {
            return Err(self.err(
                s.span().start,
                FrameworkErrorKind::Empty {
                    what: what.to_string(),
                },
            ));
        }
        Ok(v.to_string())
    }

    /// Read the TOML into its raw form; shape errors are syntax errors.
    fn read(&self) -> Result<RawFramework, FrameworkError> {
        toml::from_str(self.text).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            self.err(
                offset,
                FrameworkErrorKind::Syntax(e.message().trim().to_string()),
            )
        })
    }

    /// A non-empty id, not seen before in its namespace.
    fn unique(&mut self, ns: Namespace, id: &Spanned<String>) -> Result<String, FrameworkError> {
        let v = self.text(id, "id")?;
        let seen = match ns {
            Namespace::References => &mut self.ref_seen,
            Namespace::Framework => &mut self.seen,
        };
        if !seen.insert(v.clone()) {
            return Err(self.err(id.span().start, FrameworkErrorKind::DuplicateId(v)));
        }
        Ok(v)
    }

    /// A unique step or point id that starts with its parent's id and a dot.
    fn child_id(&mut self, id: &Spanned<String>, parent: &str) -> Result<String, FrameworkError> {
        let v = self.unique(Namespace::Framework, id)?;
        if !v.starts_with(&format!("{parent}.")) {
            return Err(self.err(
                id.span().start,
                FrameworkErrorKind::BadId {
                    id: v,
                    parent: parent.to_string(),
                },
            ));
        }
        Ok(v)
    }

    /// Principles or success factors: unique ids (among both), and text.
    fn references(&mut self, list: &[RawReference]) -> Result<Vec<Reference>, FrameworkError> {
        list.iter()
            .map(|r| {
                Ok(Reference {
                    id: self.unique(Namespace::References, &r.id)?,
                    title: self.text(&r.title, "title")?,
                    summary: self.text(&r.summary, "summary")?,
                })
            })
            .collect()
    }

    fn block(&mut self, rb: &RawBlock, ref_ids: &HashSet<&str>) -> Result<Block, FrameworkError> {
        let bid = self.unique(Namespace::Framework, &rb.id)?;
        if rb.steps.is_empty() {
            return Err(self.err(
                rb.id.span().start,
                FrameworkErrorKind::NoSteps { block: bid },
            ));
        }
        let steps = rb
            .steps
            .iter()
            .map(|rs| self.step(rs, &bid, ref_ids))
            .collect::<Result<Vec<_>, _>>()?;
        let activities = rb
            .activities
            .iter()
            .map(|a| self.text(a, "activity"))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Block {
            title: self.text(&rb.title, &format!("title ({bid})"))?,
            intro: self.text(&rb.intro, &format!("intro ({bid})"))?,
            guidance: self.text(&rb.guidance, &format!("guidance ({bid})"))?,
            id: bid,
            activities,
            steps,
        })
    }

    fn step(
        &mut self,
        rs: &RawStep,
        bid: &str,
        ref_ids: &HashSet<&str>,
    ) -> Result<Step, FrameworkError> {
        let sid = self.child_id(&rs.id, bid)?;
        let refs = self.step_refs(rs, &sid, ref_ids)?;
        if rs.points.is_empty() {
            return Err(self.err(
                rs.id.span().start,
                FrameworkErrorKind::NoPoints { step: sid.clone() },
            ));
        }
        let points = rs
            .points
            .iter()
            .map(|rp| {
                let pid = self.child_id(&rp.id, &sid)?;
                let text = self.text(&rp.text, &format!("text ({pid})"))?;
                Ok(Point { id: pid, text })
            })
            .collect::<Result<Vec<_>, FrameworkError>>()?;
        let decision = self.decision(rs)?;
        let (routes, pulse) = self.no_go(rs, &sid, decision)?;
        Ok(Step {
            title: self.text(&rs.title, &format!("title ({sid})"))?,
            consideration: self.text(&rs.consideration, &format!("consideration ({sid})"))?,
            id: sid,
            refs,
            decision,
            planned_minutes: rs.planned_minutes,
            points,
            routes,
            pulse,
        })
    }

    /// A step's references, each to a known principle or success factor.
    fn step_refs(
        &self,
        rs: &RawStep,
        sid: &str,
        ref_ids: &HashSet<&str>,
    ) -> Result<Vec<String>, FrameworkError> {
        rs.refs
            .iter()
            .map(|r| {
                let v = r.get_ref().trim().to_string();
                if !ref_ids.contains(v.as_str()) {
                    return Err(self.err(
                        r.span().start,
                        FrameworkErrorKind::DanglingRef {
                            step: sid.to_string(),
                            reference: v,
                        },
                    ));
                }
                Ok(v)
            })
            .collect()
    }

    /// The NO-GO routes and the pulse question: required on the decision
    /// step (at least one route, unique ids, text), refused on any other.
    #[allow(clippy::type_complexity)]
    fn no_go(
        &self,
        rs: &RawStep,
        sid: &str,
        decision: bool,
    ) -> Result<(Vec<NoGoRoute>, Option<String>), FrameworkError> {
        if !decision {
            let stray = rs
                .routes
                .as_ref()
                .map(|r| r.span().start)
                .or(rs.pulse.as_ref().map(|p| p.span().start));
            return match stray {
                Some(at) => Err(self.err(
                    at,
                    FrameworkErrorKind::NotDecision {
                        step: sid.to_string(),
                    },
                )),
                None => Ok((Vec::new(), None)),
            };
        }
        let no_routes = |at: usize| {
            self.err(
                at,
                FrameworkErrorKind::NoRoutes {
                    step: sid.to_string(),
                },
            )
        };
        let raw = rs
            .routes
            .as_ref()
            .ok_or_else(|| no_routes(rs.id.span().start))?;
        if raw.get_ref().is_empty() {
            return Err(no_routes(raw.span().start));
        }
        let mut seen = HashSet::new();
        let mut routes = Vec::new();
        for r in raw.get_ref() {
            let id = self.text(&r.id, &format!("route id ({sid})"))?;
            if !seen.insert(id.clone()) {
                return Err(self.err(r.id.span().start, FrameworkErrorKind::DuplicateId(id)));
            }
            let text = self.text(&r.text, &format!("route text ({sid}, {id})"))?;
            routes.push(NoGoRoute { id, text });
        }
        let pulse = match &rs.pulse {
            Some(p) => self.text(p, &format!("pulse ({sid})"))?,
            None => {
                return Err(self.err(
                    rs.id.span().start,
                    FrameworkErrorKind::Empty {
                        what: format!("pulse ({sid})"),
                    },
                ));
            }
        };
        Ok((routes, Some(pulse)))
    }

    /// `decision = "go_no_go"` marks the decision step; nothing else is allowed.
    fn decision(&self, rs: &RawStep) -> Result<bool, FrameworkError> {
        match &rs.decision {
            None => Ok(false),
            Some(d) if d.get_ref() == "go_no_go" => Ok(true),
            Some(d) => Err(self.err(
                d.span().start,
                FrameworkErrorKind::Syntax(format!(
                    "decision = \"{}\" (expected \"go_no_go\")",
                    d.get_ref()
                )),
            )),
        }
    }
}

/// Parse and validate framework TOML; `file` names the source in errors.
pub(super) fn parse(text: &str, file: &str) -> Result<Framework, FrameworkError> {
    let mut ck = Checker::new(file, text);
    let raw = ck.read()?;
    let fw_id = ck.text(&raw.id, "id")?;
    let version = ck.text(&raw.version, "version")?;
    let title = ck.text(&raw.title, "title")?;
    let source = ck.text(&raw.source, "source")?;
    let guidance = ck.text(&raw.guidance, "guidance")?;
    let principles = ck.references(&raw.principles)?;
    let success_factors = ck.references(&raw.success_factors)?;
    let ref_ids: HashSet<&str> = principles
        .iter()
        .chain(success_factors.iter())
        .map(|r| r.id.as_str())
        .collect();
    if raw.blocks.is_empty() {
        return Err(ck.err(0, FrameworkErrorKind::NoBlocks));
    }
    let blocks = raw
        .blocks
        .iter()
        .map(|rb| ck.block(rb, &ref_ids))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Framework {
        id: fw_id,
        version,
        title,
        source,
        guidance,
        blocks,
        principles,
        success_factors,
        order: Vec::new(),
        index: HashMap::new(),
    }
    .indexed())
}

#[cfg(test)]
mod tests {
    use super::super::{DEFAULT_TOML, Framework, FrameworkErrorKind};

    fn kind(text: &str) -> FrameworkErrorKind {
        Framework::parse(text, "t.toml").unwrap_err().kind
    }

    fn err(text: &str) -> String {
        Framework::parse(text, "t.toml").unwrap_err().to_string()
    }

    fn replace(from: &str, to: &str) -> String {
        assert!(DEFAULT_TOML.contains(from), "{from}");
        DEFAULT_TOML.replacen(from, to, 1)
    }

    /// The asset without the decision step's route tables, with `instead`
    /// in their place.
    fn without_routes(instead: &str) -> String {
        let start = DEFAULT_TOML.find("[[blocks.steps.routes]]").unwrap();
        let end = DEFAULT_TOML
            .find("[[blocks.steps.points]]\nid = \"1.5.1\"")
            .unwrap();
        format!(
            "{}{instead}{}",
            &DEFAULT_TOML[..start],
            &DEFAULT_TOML[end..]
        )
    }

    /// The framework's own guidance (first top-level `guidance = """ … """`).
    fn top_guidance() -> (usize, usize) {
        let start = DEFAULT_TOML.find("\nguidance = \"\"\"").unwrap() + 1;
        let end = start + DEFAULT_TOML[start..].find("\n\"\"\"\n").unwrap() + 5;
        (start, end)
    }

    #[test]
    fn the_builtin_has_guidance_routes_and_the_pulse_question() {
        let fw = Framework::builtin();
        assert!(fw.guidance.contains("niet is bedoeld als voorschrijvend"));
        assert!(fw.guidance.contains("stappen over te slaan"));
        assert!(fw.blocks[0].guidance.contains("tabula rasa"));
        assert!(fw.blocks[1].guidance.contains("change agent"));
        assert!(fw.blocks[3].guidance.contains("op de radar"));
        assert!(fw.blocks.iter().all(|b| !b.guidance.is_empty()));
        let ids: Vec<&str> = fw.no_go_routes().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["lighter", "neighbourhood", "sectoral", "community"]);
        assert_eq!(
            fw.route_text("community"),
            Some("Investeren in community building")
        );
        assert_eq!(fw.route_text("other"), None);
        assert!(fw.pulse_question().unwrap().contains("vinger aan de pols"));
        // every route the framework names is one a session can store
        for r in fw.no_go_routes() {
            assert!(
                crate::vote::Route::ALL
                    .iter()
                    .any(|v| v.id() == Some(&r.id)),
                "{}",
                r.id
            );
        }
        // only the decision step has routes
        let with_routes = fw
            .blocks
            .iter()
            .flat_map(|b| &b.steps)
            .filter(|s| !s.routes.is_empty() || s.pulse.is_some())
            .count();
        assert_eq!(with_routes, 1);
    }

    #[test]
    fn guidance_missing_empty_or_misspelt_is_refused() {
        let (start, end) = top_guidance();
        let missing = format!("{}{}", &DEFAULT_TOML[..start], &DEFAULT_TOML[end..]);
        assert!(matches!(kind(&missing), FrameworkErrorKind::Syntax(m) if m.contains("guidance")));
        let empty = format!(
            "{}guidance = \"  \"\n{}",
            &DEFAULT_TOML[..start],
            &DEFAULT_TOML[end..]
        );
        assert_eq!(
            kind(&empty),
            FrameworkErrorKind::Empty {
                what: "guidance".into()
            }
        );
        let misspelt = replace("\nguidance = \"\"\"", "\nguidence = \"\"\"");
        assert!(err(&misspelt).contains("guidence"), "{}", err(&misspelt));
        // a block's guidance: missing and empty
        let block = replace("activities = []\n", "activities = []\nguidance = \"\"\n");
        // two guidance keys in one table is a TOML error; replace the block's own
        let b1 = DEFAULT_TOML.find("activities = []\n").unwrap();
        let g = b1 + DEFAULT_TOML[b1..].find("guidance = \"\"\"").unwrap();
        let ge = g + DEFAULT_TOML[g..].find("\n\"\"\"\n").unwrap() + 5;
        let no_block = format!("{}{}", &DEFAULT_TOML[..g], &DEFAULT_TOML[ge..]);
        let e = err(&no_block);
        assert!(e.contains("guidance") && e.starts_with("t.toml:"), "{e}");
        assert!(matches!(kind(&block), FrameworkErrorKind::Syntax(m) if m.contains("duplicate")));
        let empty_block = format!(
            "{}guidance = \"\"\n{}",
            &DEFAULT_TOML[..g],
            &DEFAULT_TOML[ge..]
        );
        assert_eq!(
            kind(&empty_block),
            FrameworkErrorKind::Empty {
                what: "guidance (1)".into()
            }
        );
    }

    #[test]
    fn routes_missing_empty_duplicate_or_blank_are_refused() {
        assert_eq!(
            kind(&without_routes("")),
            FrameworkErrorKind::NoRoutes { step: "1.5".into() }
        );
        let empty = without_routes("").replacen("pulse = ", "routes = []\npulse = ", 1);
        assert_eq!(
            kind(&empty),
            FrameworkErrorKind::NoRoutes { step: "1.5".into() }
        );
        let e = err(&empty);
        assert!(e.starts_with("t.toml:") && e.contains("1.5"), "{e}");
        let dup = replace("id = \"sectoral\"", "id = \"lighter\"");
        assert_eq!(
            kind(&dup),
            FrameworkErrorKind::DuplicateId("lighter".into())
        );
        let blank = replace(
            "text = \"Versterking van het wijkgericht werken\"",
            "text = \" \"",
        );
        assert_eq!(
            kind(&blank),
            FrameworkErrorKind::Empty {
                what: "route text (1.5, neighbourhood)".into()
            }
        );
        let no_id = replace("id = \"community\"\n", "");
        assert!(matches!(kind(&no_id), FrameworkErrorKind::Syntax(m) if m.contains("id")));
        let unknown = replace(
            "id = \"community\"\n",
            "id = \"community\"\nlabel = \"x\"\n",
        );
        assert!(matches!(kind(&unknown), FrameworkErrorKind::Syntax(m) if m.contains("label")));
        // a route id that is not one of the program's still loads: the
        // vote offers "other" for what it does not know
        let own = replace("id = \"community\"", "id = \"buurtbudget\"");
        assert_eq!(
            Framework::parse(&own, "t.toml")
                .unwrap()
                .route_text("buurtbudget"),
            Some("Investeren in community building")
        );
    }

    #[test]
    fn the_pulse_question_missing_or_empty_is_refused() {
        let line = "pulse = \"Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?\"\n";
        assert_eq!(
            kind(&replace(line, "")),
            FrameworkErrorKind::Empty {
                what: "pulse (1.5)".into()
            }
        );
        assert_eq!(
            kind(&replace(line, "pulse = \"\"\n")),
            FrameworkErrorKind::Empty {
                what: "pulse (1.5)".into()
            }
        );
    }

    #[test]
    fn routes_or_a_pulse_question_elsewhere_are_refused() {
        let stray = replace(
            "refs = [\"3.2\"]\n",
            "refs = [\"3.2\"]\npulse = \"Houden we de vinger aan de pols?\"\n",
        );
        assert_eq!(
            kind(&stray),
            FrameworkErrorKind::NotDecision { step: "1.1".into() }
        );
        let not_decision = replace("decision = \"go_no_go\"\n", "");
        assert_eq!(
            kind(&not_decision),
            FrameworkErrorKind::NotDecision { step: "1.5".into() }
        );
    }
}
