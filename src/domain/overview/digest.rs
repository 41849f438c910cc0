//! The digest of a session (issue 23, issue 30): everything `list`, the
//! home screen and `overzicht` show of one session, made when the session
//! file is written whole and kept in the file's first line, so those
//! readers need not parse the session. It holds no date-dependent or
//! language-dependent judgement: what is overdue is decided when it is
//! read ([`Digest::area_summary`]), and the one text in the session's
//! language, a NO-GO's route, is kept in both languages.
//!
//! [`AreaSummary::of`] is this digest read on a day: one rule, whether the
//! session was parsed or only its digest read.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{AreaSummary, BlockProgress, Decision, PointCell, StepTime};
use crate::framework::Framework;
use crate::i18n::Lang;
use crate::record::Status;
use crate::session::Session;
use crate::vote::{Outcome, RuleKind};

/// Bumped whenever what [`Digest::of`] derives changes meaning, so a digest
/// written by an earlier version of the program is not trusted (the
/// session is then read whole).
pub const DIGEST_VERSION: u32 = 1;

/// The latest vote of a session, without a judgement of today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestDecision {
    pub outcome: Outcome,
    pub workshop: u32,
    pub date: Option<Date>,
    pub rule: RuleKind,
    pub quorum: f64,
    /// The NO-GO route in Dutch and in English.
    pub route: Option<[String; 2]>,
    pub revisit: Option<Date>,
}

/// What the readers of many sessions need of one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub version: u32,
    pub name: String,
    pub area: String,
    pub municipality: String,
    pub facilitator: String,
    pub framework_id: String,
    pub framework_version: String,
    pub framework_title: String,
    /// Index of the block reached (the cursor's), and the block where the
    /// next workshop resumes as "2 Title" (`list`, `gate::resume_point`).
    pub block_reached: usize,
    pub block_label: Option<String>,
    pub blocks: Vec<BlockProgress>,
    pub decision: Option<DigestDecision>,
    pub workshops: usize,
    /// Number and date of the last workshop.
    pub last_workshop: Option<(u32, Date)>,
    pub open_dissent: usize,
    /// The due date of every open action (none: no date).
    pub open_action_dues: Vec<Option<Date>>,
    pub points: Vec<PointCell>,
    pub steps: Vec<StepTime>,
}

impl Digest {
    /// The digest of `s`, read with its framework `fw`.
    pub fn of(s: &Session, fw: &Framework) -> Digest {
        let mut blocks: Vec<BlockProgress> = fw
            .blocks
            .iter()
            .map(|b| BlockProgress {
                id: b.id.clone(),
                title: b.title.clone(),
                points: 0,
                open: 0,
                consensus: 0,
                dissent: 0,
                skipped: 0,
            })
            .collect();
        let mut points = Vec::with_capacity(fw.point_count());
        for (pos, step, p) in fw.iter_points() {
            let rec = s.record(&p.id);
            let status = rec.map(|r| r.status).unwrap_or_default();
            let b = &mut blocks[pos.block];
            b.points += 1;
            match status {
                Status::Open => b.open += 1,
                Status::Consensus => b.consensus += 1,
                Status::Dissent => b.dissent += 1,
                Status::Skipped => b.skipped += 1,
            }
            let reason = match (status, rec) {
                (Status::Dissent, Some(r)) => r.dissent_reason.clone(),
                (Status::Skipped, Some(r)) => r.skip_reason.clone(),
                _ => String::new(),
            };
            points.push(PointCell {
                id: p.id.clone(),
                text: p.text.clone(),
                step: step.id.clone(),
                status,
                reason,
            });
        }
        // `list`'s block is where the next workshop resumes (the rule the
        // recap and the start follow); the block *reached* is the one the
        // room has come to (the cursor), also with open points behind it
        let resume = crate::gate::resume_point(fw, s);
        let block_reached = s.cursor_block(fw);
        Digest {
            version: DIGEST_VERSION,
            name: s.name.clone(),
            area: s.area.clone(),
            municipality: s.municipality.clone(),
            facilitator: s.facilitator.clone(),
            framework_id: fw.id.clone(),
            framework_version: fw.version.clone(),
            framework_title: fw.title.clone(),
            block_reached,
            block_label: fw
                .pos_of(&resume)
                .map(|p| format!("{} {}", fw.blocks[p.block].id, fw.blocks[p.block].title)),
            blocks,
            decision: decision(s, fw),
            workshops: s.workshops.len(),
            last_workshop: s.current_workshop().map(|w| (w.number, w.date)),
            open_dissent: s.dissents().len(),
            open_action_dues: s.open_actions().iter().map(|(_, a)| a.due).collect(),
            points,
            steps: step_times(s, fw),
        }
    }

    /// Where the area stands on `today`, for a reader of `lang`; `source`
    /// names where the session was read.
    pub fn area_summary(self, source: &str, today: Date, lang: Lang) -> AreaSummary {
        let overdue_actions = self
            .open_action_dues
            .iter()
            .filter(|d| d.is_some_and(|d| d < today))
            .count();
        AreaSummary {
            source: source.to_string(),
            name: self.name,
            area: self.area,
            municipality: self.municipality,
            facilitator: self.facilitator,
            framework_id: self.framework_id,
            framework_version: self.framework_version,
            framework_title: self.framework_title,
            block_reached: self.block_reached,
            blocks: self.blocks,
            decision: self.decision.map(|d| Decision {
                outcome: d.outcome,
                workshop: d.workshop,
                date: d.date,
                rule: d.rule,
                quorum: d.quorum,
                route: d.route.map(|[nl, en]| match lang {
                    Lang::Nl => nl,
                    Lang::En => en,
                }),
                revisit: d.revisit,
                revisit_overdue: d.revisit.is_some_and(|r| r < today),
            }),
            workshops: self.workshops,
            last_workshop: self.last_workshop.map(|(_, d)| d),
            open_dissent: self.open_dissent,
            open_actions: self.open_action_dues.len(),
            overdue_actions,
            points: self.points,
            steps: self.steps,
        }
    }
}

fn step_times(s: &Session, fw: &Framework) -> Vec<StepTime> {
    fw.blocks
        .iter()
        .flat_map(|b| &b.steps)
        .map(|st| StepTime {
            id: st.id.clone(),
            title: st.title.clone(),
            seconds: st
                .points
                .iter()
                .map(|p| crate::timing::point_seconds(s, &p.id))
                .fold(0, u64::saturating_add),
        })
        .collect()
}

fn decision(s: &Session, fw: &Framework) -> Option<DigestDecision> {
    let v = s.decision_in_force()?;
    Some(DigestDecision {
        outcome: v.outcome,
        workshop: v.workshop,
        date: s
            .workshops
            .iter()
            .find(|w| w.number == v.workshop)
            .map(|w| w.date),
        rule: v.rule.kind,
        quorum: v.rule.quorum,
        route: v
            .follow_up
            .as_ref()
            .map(|f| [f.route_words(fw, Lang::Nl), f.route_words(fw, Lang::En)]),
        revisit: v.revisit,
    })
}
