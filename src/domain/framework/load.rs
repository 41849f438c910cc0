//! Loading a framework: the TOML as written (with spans for error
//! positions), checked step by step into a [`Framework`].

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Block, Framework, FrameworkError, FrameworkErrorKind, NoGoRoute, Point, Reference, Step,
};
use crate::textpos::line_col;

/// The longest text a framework may hold in one field (a point, a
/// guidance, a title), in characters: ten times the longest text of the
/// built-in framework; README, "The framework".
pub const MAX_TEXT_CHARS: usize = 20_000;

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
    #[serde(default)]
    question: Option<Spanned<String>>,
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
    /// The decision step met so far (there must be exactly one).
    decision_step: Option<String>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, text: &'a str) -> Checker<'a> {
        Checker {
            file,
            text,
            ref_seen: HashSet::new(),
            seen: HashSet::new(),
            decision_step: None,
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
        if v.chars().count() > MAX_TEXT_CHARS {
            return Err(self.err(
                s.span().start,
                FrameworkErrorKind::TooLong {
                    what: what.to_string(),
                    max: MAX_TEXT_CHARS,
                },
            ));
        }
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
            let mut message = e.message().trim().to_string();
            // "duplicate key" alone: name the key (the one at the place,
            // e.g. `[blocks]` after `[[blocks]]`)
            if message == "duplicate key" {
                let key: String = self.text[offset.min(self.text.len())..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
                    .collect();
                if !key.is_empty() {
                    message = format!("duplicate key `{key}`");
                }
            }
            self.err(offset, FrameworkErrorKind::Syntax(message))
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
        if decision {
            if let (Some(first), Some(d)) = (&self.decision_step, &rs.decision) {
                return Err(self.err(
                    d.span().start,
                    FrameworkErrorKind::TwoDecisions {
                        first: first.clone(),
                        second: sid,
                    },
                ));
            }
            self.decision_step = Some(sid.clone());
        }
        let (routes, pulse) = self.no_go(rs, &sid, decision)?;
        let question = match &rs.question {
            Some(q) if decision => Some(self.text(q, &format!("question ({sid})"))?),
            Some(q) => {
                return Err(self.err(
                    q.span().start,
                    FrameworkErrorKind::NotDecision { step: sid.clone() },
                ));
            }
            None => None,
        };
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
            question,
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
    if ck.decision_step.is_none() {
        // where the first block begins: the decision belongs in a block's step
        let at = raw.blocks[0].id.span().start;
        return Err(ck.err(at, FrameworkErrorKind::NoDecision));
    }
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
#[path = "load_tests.rs"]
mod tests;
