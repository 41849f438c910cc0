//! The assessment framework ("afwegingskader met gesprekspunten"): building
//! blocks, steps, discussion points, principles and success factors.
//!
//! Plain data with a validating loader; no UI code here. The default
//! framework is compiled into the binary from `assets/afwegingskader.toml`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::i18n::{Lang, fill};
use crate::textpos::line_col;

/// The framework text that ships with wijktafel.
pub const DEFAULT_TOML: &str = include_str!("../../assets/afwegingskader.toml");

/// A principle (chapter 2) or success factor (chapter 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub consideration: String,
    pub refs: Vec<String>,
    /// `true` for the go/no-go decision step ("Besluitvorming: go/no go").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decision: bool,
    /// Planned time for the step in minutes (optional), drives the timer colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_minutes: Option<u32>,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub activities: Vec<String>,
    pub steps: Vec<Step>,
}

/// A validated framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub blocks: Vec<Block>,
    pub principles: Vec<Reference>,
    pub success_factors: Vec<Reference>,
    /// Flat list of all points in framework order: (block index, step index, point index).
    #[serde(skip)]
    order: Vec<(usize, usize, usize)>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// Where a discussion point sits in the framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub block: usize,
    pub step: usize,
    pub point: usize,
    /// Index in the flat list of all points.
    pub flat: usize,
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameworkErrorKind {
    /// Could not read the file.
    Io(String),
    /// TOML syntax or shape error (message from the parser).
    Syntax(String),
    DuplicateId(String),
    DanglingRef {
        step: String,
        reference: String,
    },
    Empty {
        what: String,
    },
    NoPoints {
        step: String,
    },
    NoSteps {
        block: String,
    },
    NoBlocks,
    BadId {
        id: String,
        parent: String,
    },
}

/// A framework file that cannot be used, with the place of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct FrameworkError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub kind: FrameworkErrorKind,
}

impl FrameworkError {
    /// A plain message in the given language: `file:line:column: what is wrong`.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        let what = match &self.kind {
            FrameworkErrorKind::Io(e) => fill(s.fw_err_io, &[e]),
            FrameworkErrorKind::Syntax(e) => fill(s.fw_err_syntax, &[e]),
            FrameworkErrorKind::DuplicateId(id) => fill(s.fw_err_duplicate, &[id]),
            FrameworkErrorKind::DanglingRef { step, reference } => {
                fill(s.fw_err_dangling, &[step, reference])
            }
            FrameworkErrorKind::Empty { what } => fill(s.fw_err_empty, &[what]),
            FrameworkErrorKind::NoPoints { step } => fill(s.fw_err_no_points, &[step]),
            FrameworkErrorKind::NoSteps { block } => fill(s.fw_err_no_steps, &[block]),
            FrameworkErrorKind::NoBlocks => s.fw_err_no_blocks.to_string(),
            FrameworkErrorKind::BadId { id, parent } => fill(s.fw_err_bad_id, &[id, parent]),
        };
        if self.line == 0 {
            format!("{}: {}", self.file, what)
        } else {
            format!("{}:{}:{}: {}", self.file, self.line, self.column, what)
        }
    }
}

// ---------------------------------------------------------------------------
// Raw (as written) form, with spans for error positions
// ---------------------------------------------------------------------------

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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    id: Spanned<String>,
    text: Spanned<String>,
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
}

impl Checker<'_> {
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
}

impl Framework {
    /// The framework that ships with wijktafel.
    pub fn builtin() -> Framework {
        Framework::parse(DEFAULT_TOML, "assets/afwegingskader.toml")
            .expect("the built-in framework is validated by the test suite")
    }

    /// Load and validate a framework file.
    pub fn load(path: &Path) -> Result<Framework, FrameworkError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| FrameworkError {
            file: file.clone(),
            line: 0,
            column: 0,
            kind: FrameworkErrorKind::Io(e.to_string()),
        })?;
        Framework::parse(&text, &file)
    }

    /// Parse and validate framework TOML; `file` names the source in errors.
    pub fn parse(text: &str, file: &str) -> Result<Framework, FrameworkError> {
        let ck = Checker { file, text };
        let raw: RawFramework = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            ck.err(
                offset,
                FrameworkErrorKind::Syntax(e.message().trim().to_string()),
            )
        })?;
        // Two id namespaces: principles/success factors, and blocks/steps/points
        // (a step "2.1" and principle "2.1" are different things).
        let mut ref_seen: HashSet<String> = HashSet::new();
        let mut seen: HashSet<String> = HashSet::new();
        let unique_in =
            |set: &mut HashSet<String>, id: &Spanned<String>| -> Result<String, FrameworkError> {
                let v = ck.text(id, "id")?;
                if !set.insert(v.clone()) {
                    return Err(ck.err(id.span().start, FrameworkErrorKind::DuplicateId(v)));
                }
                Ok(v)
            };
        let fw_id = ck.text(&raw.id, "id")?;
        let version = ck.text(&raw.version, "version")?;
        let title = ck.text(&raw.title, "title")?;
        let source = ck.text(&raw.source, "source")?;

        let mut refs_of = |list: &[RawReference]| -> Result<Vec<Reference>, FrameworkError> {
            list.iter()
                .map(|r| {
                    Ok(Reference {
                        id: unique_in(&mut ref_seen, &r.id)?,
                        title: ck.text(&r.title, "title")?,
                        summary: ck.text(&r.summary, "summary")?,
                    })
                })
                .collect()
        };
        let principles = refs_of(&raw.principles)?;
        let success_factors = refs_of(&raw.success_factors)?;
        let ref_ids: HashSet<&str> = principles
            .iter()
            .chain(success_factors.iter())
            .map(|r| r.id.as_str())
            .collect();
        let mut unique = |id: &Spanned<String>, _what: &str| unique_in(&mut seen, id);

        if raw.blocks.is_empty() {
            return Err(ck.err(0, FrameworkErrorKind::NoBlocks));
        }
        let mut blocks = Vec::with_capacity(raw.blocks.len());
        for rb in &raw.blocks {
            let bid = unique(&rb.id, "id")?;
            if rb.steps.is_empty() {
                return Err(ck.err(
                    rb.id.span().start,
                    FrameworkErrorKind::NoSteps { block: bid },
                ));
            }
            let mut steps = Vec::with_capacity(rb.steps.len());
            for rs in &rb.steps {
                let sid = unique(&rs.id, "id")?;
                if !sid.starts_with(&format!("{bid}.")) {
                    return Err(ck.err(
                        rs.id.span().start,
                        FrameworkErrorKind::BadId {
                            id: sid,
                            parent: bid.clone(),
                        },
                    ));
                }
                let mut refs = Vec::with_capacity(rs.refs.len());
                for r in &rs.refs {
                    let v = r.get_ref().trim().to_string();
                    if !ref_ids.contains(v.as_str()) {
                        return Err(ck.err(
                            r.span().start,
                            FrameworkErrorKind::DanglingRef {
                                step: sid.clone(),
                                reference: v,
                            },
                        ));
                    }
                    refs.push(v);
                }
                if rs.points.is_empty() {
                    return Err(ck.err(
                        rs.id.span().start,
                        FrameworkErrorKind::NoPoints { step: sid.clone() },
                    ));
                }
                let mut points = Vec::with_capacity(rs.points.len());
                for rp in &rs.points {
                    let pid = unique(&rp.id, "id")?;
                    if !pid.starts_with(&format!("{sid}.")) {
                        return Err(ck.err(
                            rp.id.span().start,
                            FrameworkErrorKind::BadId {
                                id: pid,
                                parent: sid.clone(),
                            },
                        ));
                    }
                    let text = ck.text(&rp.text, &format!("text ({pid})"))?;
                    points.push(Point { id: pid, text });
                }
                let decision = match &rs.decision {
                    None => false,
                    Some(d) if d.get_ref() == "go_no_go" => true,
                    Some(d) => {
                        return Err(ck.err(
                            d.span().start,
                            FrameworkErrorKind::Syntax(format!(
                                "decision = \"{}\" (expected \"go_no_go\")",
                                d.get_ref()
                            )),
                        ));
                    }
                };
                steps.push(Step {
                    title: ck.text(&rs.title, &format!("title ({sid})"))?,
                    consideration: ck.text(&rs.consideration, &format!("consideration ({sid})"))?,
                    id: sid,
                    refs,
                    decision,
                    planned_minutes: rs.planned_minutes,
                    points,
                });
            }
            let activities = rb
                .activities
                .iter()
                .map(|a| ck.text(a, "activity"))
                .collect::<Result<Vec<_>, _>>()?;
            blocks.push(Block {
                title: ck.text(&rb.title, &format!("title ({bid})"))?,
                intro: ck.text(&rb.intro, &format!("intro ({bid})"))?,
                id: bid,
                activities,
                steps,
            });
        }
        Ok(Framework::assemble(
            fw_id,
            version,
            title,
            source,
            blocks,
            principles,
            success_factors,
        ))
    }

    fn assemble(
        id: String,
        version: String,
        title: String,
        source: String,
        blocks: Vec<Block>,
        principles: Vec<Reference>,
        success_factors: Vec<Reference>,
    ) -> Framework {
        let mut order = Vec::new();
        let mut index = HashMap::new();
        for (bi, b) in blocks.iter().enumerate() {
            for (si, s) in b.steps.iter().enumerate() {
                for (pi, p) in s.points.iter().enumerate() {
                    index.insert(p.id.clone(), order.len());
                    order.push((bi, si, pi));
                }
            }
        }
        Framework {
            id,
            version,
            title,
            source,
            blocks,
            principles,
            success_factors,
            order,
            index,
        }
    }

    /// Number of discussion points in the whole framework.
    pub fn point_count(&self) -> usize {
        self.order.len()
    }

    pub fn step_count(&self) -> usize {
        self.blocks.iter().map(|b| b.steps.len()).sum()
    }

    /// Position of the point with index `flat` in framework order.
    pub fn pos_at(&self, flat: usize) -> Pos {
        let flat = flat.min(self.order.len().saturating_sub(1));
        let (block, step, point) = self.order[flat];
        Pos {
            block,
            step,
            point,
            flat,
        }
    }

    /// Position of a point by id.
    pub fn pos_of(&self, point_id: &str) -> Option<Pos> {
        self.index.get(point_id).map(|&i| self.pos_at(i))
    }

    pub fn point_at(&self, flat: usize) -> &Point {
        let p = self.pos_at(flat);
        &self.blocks[p.block].steps[p.step].points[p.point]
    }

    pub fn step_at(&self, pos: Pos) -> &Step {
        &self.blocks[pos.block].steps[pos.step]
    }

    /// Flat index of the first point of the step (block, step).
    pub fn first_of_step(&self, block: usize, step: usize) -> usize {
        let id = &self.blocks[block].steps[step].points[0].id;
        self.index[id]
    }

    /// All points in framework order with their positions.
    pub fn iter_points(&self) -> impl Iterator<Item = (Pos, &Step, &Point)> {
        self.order
            .iter()
            .enumerate()
            .map(move |(flat, &(block, step, point))| {
                let s = &self.blocks[block].steps[step];
                (
                    Pos {
                        block,
                        step,
                        point,
                        flat,
                    },
                    s,
                    &s.points[point],
                )
            })
    }

    /// A principle or success factor by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.principles
            .iter()
            .chain(self.success_factors.iter())
            .find(|r| r.id == id)
    }

    /// The go/no-go decision step, if the framework has one.
    pub fn decision_step(&self) -> Option<(usize, usize)> {
        self.blocks
            .iter()
            .enumerate()
            .find_map(|(bi, b)| b.steps.iter().position(|s| s.decision).map(|si| (bi, si)))
    }

    /// The JSON form for tools (`wijktafel framework --format json`); control
    /// and bidi characters are `\uXXXX` escapes.
    pub fn to_json(&self) -> String {
        crate::safe_text::json_pretty(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_shape_matches_the_seed() {
        let fw = Framework::builtin();
        let steps: Vec<usize> = fw.blocks.iter().map(|b| b.steps.len()).collect();
        assert_eq!(steps, vec![5, 4, 7, 6]);
        assert_eq!(fw.principles.len(), 6);
        assert_eq!(fw.success_factors.len(), 10);
        assert_eq!(fw.point_count(), 91);
        assert_eq!(fw.decision_step(), Some((0, 4)));
        assert_eq!(fw.blocks[0].steps[4].title, "Besluitvorming: go/no go");
    }

    #[test]
    fn navigation_index_is_consistent() {
        let fw = Framework::builtin();
        for (pos, _, p) in fw.iter_points() {
            assert_eq!(fw.pos_of(&p.id), Some(pos));
            assert_eq!(fw.point_at(pos.flat).id, p.id);
        }
        assert_eq!(fw.first_of_step(1, 0), 20);
    }
}
