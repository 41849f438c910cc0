//! The assessment framework ("afwegingskader met gesprekspunten"): building
//! blocks, steps, discussion points, principles and success factors.
//!
//! Plain data with a validating loader; no UI code here. The default
//! framework is compiled into the binary from `assets/afwegingskader.toml`.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::i18n::{Lang, fill};

pub mod carried;
mod load;
mod messages;
pub use load::MAX_TEXT_CHARS;
pub mod renumber;

/// The largest framework file that is read: twenty times the built-in one.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The framework text that ships with wijktafel.
pub const DEFAULT_TOML: &str = include_str!("../../../assets/afwegingskader.toml");

/// A principle (chapter 2) or success factor (chapter 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub id: String,
    pub title: String,
    pub summary: String,
}

/// The two kinds of [`Reference`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Principle,
    SuccessFactor,
}

impl RefKind {
    /// "Uitgangspunt {0}" / "Succesfactor {0}": the kind with the id.
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            RefKind::Principle => lang.strings().ref_principle,
            RefKind::SuccessFactor => lang.strings().ref_success_factor,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    pub id: String,
    pub text: String,
}

/// A way forward after a NO-GO, in the framework's words (figure 4.2 of
/// the seed). `id` matches a [`crate::vote::Route`] name where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoGoRoute {
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
    /// The decision step only: the routes to consider after a NO-GO.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<NoGoRoute>,
    /// The decision step only: how the parties keep a finger on the pulse
    /// ("vinger aan de pols") after a NO-GO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pulse: Option<String>,
    /// The decision step only: the question the parties vote on (the
    /// program's own question when the file does not say it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// The seed's guidance for the facilitator in this block ("toelichting").
    pub guidance: String,
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
    /// How the framework is meant to be used (the framing of chapter 4).
    pub guidance: String,
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
    /// Could not read the file: the kind of failure, and the system's words
    /// for one without words of our own.
    Io(std::io::ErrorKind, String),
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
    /// The decision step names no route to follow after a NO-GO.
    NoRoutes {
        step: String,
    },
    /// Routes, a pulse or a vote question on a step that is not the decision step.
    NotDecision {
        step: String,
    },
    /// A second decision step (`decision = "go_no_go"`).
    TwoDecisions {
        first: String,
        second: String,
    },
    /// No step is the decision step.
    NoDecision,
    /// A text above [`load::MAX_TEXT_CHARS`].
    TooLong {
        what: String,
        max: usize,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        max: usize,
    },
    /// Bytes that are no UTF-8 (at the error's position).
    NotUtf8,
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
            FrameworkErrorKind::Io(kind, e) => {
                let why = match kind {
                    std::io::ErrorKind::NotFound => s.fw_io_not_found,
                    std::io::ErrorKind::PermissionDenied => s.fw_io_denied,
                    std::io::ErrorKind::IsADirectory => s.fw_io_is_dir,
                    _ => e,
                };
                fill(s.fw_err_io, &[why])
            }
            FrameworkErrorKind::Syntax(e) => {
                fill(s.fw_err_syntax, &[&messages::toml_words(e, lang)])
            }
            FrameworkErrorKind::DuplicateId(id) => fill(s.fw_err_duplicate, &[id]),
            FrameworkErrorKind::DanglingRef { step, reference } => {
                fill(s.fw_err_dangling, &[step, reference])
            }
            FrameworkErrorKind::Empty { what } => fill(s.fw_err_empty, &[what]),
            FrameworkErrorKind::NoPoints { step } => fill(s.fw_err_no_points, &[step]),
            FrameworkErrorKind::NoSteps { block } => fill(s.fw_err_no_steps, &[block]),
            FrameworkErrorKind::NoBlocks => s.fw_err_no_blocks.to_string(),
            FrameworkErrorKind::BadId { id, parent } => fill(s.fw_err_bad_id, &[id, parent]),
            FrameworkErrorKind::NoRoutes { step } => fill(s.fw_err_no_routes, &[step]),
            FrameworkErrorKind::NotDecision { step } => fill(s.fw_err_not_decision, &[step]),
            FrameworkErrorKind::TwoDecisions { first, second } => {
                fill(s.fw_err_two_decisions, &[second, first])
            }
            FrameworkErrorKind::NoDecision => s.fw_err_no_decision.to_string(),
            FrameworkErrorKind::TooLong { what, max } => {
                fill(s.fw_err_too_long, &[what, &max.to_string()])
            }
            FrameworkErrorKind::TooLarge { max } => {
                fill(s.fw_err_too_large, &[&(max / 1_000_000).to_string()])
            }
            FrameworkErrorKind::NotUtf8 => s.fw_err_not_utf8.to_string(),
        };
        if self.line == 0 {
            format!("{}: {}", self.file, what)
        } else {
            format!("{}:{}:{}: {}", self.file, self.line, self.column, what)
        }
    }
}

impl Framework {
    /// The framework that ships with wijktafel.
    /// (Parsed once per process: every session that names it compares
    /// with it.)
    pub fn builtin() -> Framework {
        static BUILTIN: std::sync::OnceLock<Framework> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Framework::parse(DEFAULT_TOML, "assets/afwegingskader.toml")
                    .expect("the built-in framework is validated by the test suite")
            })
            .clone()
    }

    /// Load and validate a framework file.
    pub fn load(path: &Path) -> Result<Framework, FrameworkError> {
        Framework::load_source(path).map(|(fw, _)| fw)
    }

    /// Load and validate a framework file, with its text (which a new
    /// session keeps, see [`carried`]).
    pub fn load_source(path: &Path) -> Result<(Framework, String), FrameworkError> {
        use std::io::Read;
        let file = path.display().to_string();
        let at = |line, column, kind| FrameworkError {
            file: file.clone(),
            line,
            column,
            kind,
        };
        let io = |e: std::io::Error| at(0, 0, FrameworkErrorKind::Io(e.kind(), e.to_string()));
        // a folder is named as one on every platform (Windows refuses to
        // open it at all: "access denied")
        let folder = || io(std::io::Error::from(std::io::ErrorKind::IsADirectory));
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(folder());
        }
        let f = std::fs::File::open(path).map_err(io)?;
        if f.metadata().map_err(io)?.is_dir() {
            let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
            return Err(io(e));
        }
        let mut bytes = Vec::new();
        // one byte more than allowed tells a file that is too large
        f.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(at(
                0,
                0,
                FrameworkErrorKind::TooLarge {
                    max: MAX_FILE_BYTES,
                },
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let good = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let (line, column) = crate::textpos::line_col(&prefix, good);
            at(line, column, FrameworkErrorKind::NotUtf8)
        })?;
        Framework::parse(&text, &file).map(|fw| (fw, text))
    }

    /// Parse and validate framework TOML; `file` names the source in errors.
    pub fn parse(text: &str, file: &str) -> Result<Framework, FrameworkError> {
        load::parse(text, file)
    }

    /// The framework with its navigation index: every point in framework
    /// order, and each point's place in that order by id.
    fn indexed(mut self) -> Framework {
        self.order.clear();
        self.index.clear();
        for (bi, b) in self.blocks.iter().enumerate() {
            for (si, s) in b.steps.iter().enumerate() {
                for (pi, p) in s.points.iter().enumerate() {
                    self.index.insert(p.id.clone(), self.order.len());
                    self.order.push((bi, si, pi));
                }
            }
        }
        self
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

    /// Whether `id` names a principle or a success factor.
    pub fn reference_kind(&self, id: &str) -> Option<RefKind> {
        if self.principles.iter().any(|r| r.id == id) {
            Some(RefKind::Principle)
        } else if self.success_factors.iter().any(|r| r.id == id) {
            Some(RefKind::SuccessFactor)
        } else {
            None
        }
    }

    /// A reference named by its kind: "Uitgangspunt 2.3 Title",
    /// "Succesfactor 3.2 Title" (so it never reads like a step).
    pub fn reference_name(&self, r: &Reference, lang: Lang) -> String {
        match self.reference_kind(&r.id) {
            Some(kind) => format!("{} {}", fill(kind.word(lang), &[&r.id]), r.title),
            None => format!("{} {}", r.id, r.title),
        }
    }

    /// The go/no-go decision step, if the framework has one.
    pub fn decision_step(&self) -> Option<(usize, usize)> {
        self.blocks
            .iter()
            .enumerate()
            .find_map(|(bi, b)| b.steps.iter().position(|s| s.decision).map(|si| (bi, si)))
    }

    /// The routes after a NO-GO, from the decision step (empty without one).
    pub fn no_go_routes(&self) -> &[NoGoRoute] {
        match self.decision_step() {
            Some((b, s)) => &self.blocks[b].steps[s].routes,
            None => &[],
        }
    }

    /// A NO-GO route's words in this framework, by id (`None` when the
    /// framework does not name it, e.g. "other").
    pub fn route_text(&self, id: &str) -> Option<&str> {
        self.no_go_routes()
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.text.as_str())
    }

    /// The question the parties vote on: the decision step's own, else
    /// the program's.
    pub fn vote_question(&self, lang: Lang) -> String {
        self.decision_step()
            .and_then(|(b, s)| self.blocks[b].steps[s].question.clone())
            .unwrap_or_else(|| lang.strings().vote_question.to_string())
    }

    /// The decision step's "vinger aan de pols" question.
    pub fn pulse_question(&self) -> Option<&str> {
        let (b, s) = self.decision_step()?;
        self.blocks[b].steps[s].pulse.as_deref()
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
        assert_eq!(fw.point_count(), 92);
        assert_eq!(fw.decision_step(), Some((0, 4)));
        assert_eq!(fw.blocks[0].steps[4].title, "Besluitvorming: go/no go");
    }

    #[test]
    fn references_are_named_by_their_kind() {
        let fw = Framework::builtin();
        let p = fw.reference("2.3").unwrap();
        let f = fw.reference("3.2").unwrap();
        assert_eq!(
            fw.reference_name(p, Lang::Nl),
            format!("Uitgangspunt 2.3 {}", p.title)
        );
        assert_eq!(
            fw.reference_name(f, Lang::Nl),
            format!("Succesfactor 3.2 {}", f.title)
        );
        assert_eq!(
            fw.reference_name(f, Lang::En),
            format!("Success factor 3.2 {}", f.title)
        );
        assert_eq!(fw.reference_kind("1.2"), None);
    }

    #[test]
    fn navigation_index_is_consistent() {
        let fw = Framework::builtin();
        for (pos, _, p) in fw.iter_points() {
            assert_eq!(fw.pos_of(&p.id), Some(pos));
            assert_eq!(fw.point_at(pos.flat).id, p.id);
        }
        assert_eq!(fw.first_of_step(1, 0), 21);
    }
}
