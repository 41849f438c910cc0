//! `--format agenda` and `agenda-html` (issue 26): the invitation for the
//! workshop after the last one (also while the last one still runs). Its head (session, wijk, facilitator, the workshop's
//! number, date and time to be filled in), then the points of the agenda:
//! the previous minutes to be adopted, the open dissent and open action
//! items to come back to, the open topics of the parking lot, and the steps
//! still to be discussed with their open points, or, when the next
//! workshop is planned (`wijktafel plan`, `t` on the start screen), its
//! date and times and the planned steps with their budgets and clock times.

use jiff::civil::Date;

use super::actions::actions_nodes;
use super::doc::{Ctx, Node, b, t};
use super::sections::dissent_nodes;
use super::{ExportError, Options};
use crate::framework::Framework;
use crate::i18n::fill;
use crate::session::{Session, Status};

/// The agenda of the workshop after the last one (or of the first).
pub(super) fn document(
    fw: &Framework,
    sess: &Session,
    o: &Options,
) -> Result<Vec<Node>, ExportError> {
    let c = Ctx::new(fw, sess, o);
    let s = c.s;
    let last = sess.workshops.last();
    let next = last.map_or(1, |w| w.number.saturating_add(1));
    let mut out = vec![Node::Heading(
        1,
        vec![t(fill(
            s.ag_title,
            &[&next.to_string(), &c.user(&sess.name)],
        ))],
    )];
    let mut rows = vec![(s.ex_session.to_string(), vec![t(c.user(&sess.name))])];
    for (label, text) in [
        (s.field_area, &sess.area),
        (s.field_municipality, &sess.municipality),
        (s.field_facilitator, &sess.facilitator),
    ] {
        if !text.trim().is_empty() {
            rows.push((label.to_string(), vec![t(c.user(text))]));
        }
    }
    let plan = sess.plan_for(next);
    let when = plan.and_then(|p| super::budget::agenda_when(&c, p));
    rows.push((
        s.ag_when.to_string(),
        vec![t(when.unwrap_or_else(|| s.ag_to_fill.to_string()))],
    ));
    out.push(Node::Fields(rows));

    // 1. the previous minutes
    let mut n = 1;
    out.push(Node::Heading(2, vec![t(format!("{n}. {}", s.ag_opening))]));
    if let Some(w) = last {
        let text = match sess.adoption_of(w.number) {
            None => fill(s.ag_adopt, &[&w.number.to_string(), &c.date(w.date)]),
            Some(a) => fill(
                s.ag_adopted,
                &[&w.number.to_string(), &a.in_workshop.to_string()],
            ),
        };
        out.push(Node::Para(vec![t(text)]));
    }
    // 2. what to come back to
    n += 1;
    out.push(Node::Heading(
        2,
        vec![t(format!("{n}. {}", s.ag_come_back))],
    ));
    dissent_nodes(&c, 3, &mut out);
    let today = last.map(|w| w.date).unwrap_or(Date::constant(2000, 1, 1));
    actions_nodes(&c, today, None, 3, &mut out);
    let open: Vec<_> = sess.open_parked().collect();
    if !open.is_empty() {
        out.push(Node::Heading(3, vec![t(s.wd_parking)]));
        let items = open
            .iter()
            .map(|p| {
                let mut line = vec![t(c.user(&p.text))];
                if let Some(by) = p.raised_by {
                    line.push(t(format!(" — {}", fill(s.wd_raised_by, &[&c.party(by)]))));
                }
                line
            })
            .collect();
        out.push(Node::List(items));
    }
    // 3. the steps still to discuss, from the point the agenda resumes at
    n += 1;
    out.push(Node::Heading(2, vec![t(format!("{n}. {}", s.ag_points))]));
    match plan {
        Some(p) if !p.steps.is_empty() => super::budget::agenda_steps(&c, p, &mut out),
        _ => steps_nodes(&c, &mut out),
    }
    out.push(Node::Para(vec![t(fill(
        s.ex_generated,
        &[&format!("{} ({})", fw.title, fw.version)],
    ))]));
    Ok(out)
}

/// The steps of the current block from the one the agenda resumes at, each
/// with its points not decided yet.
fn steps_nodes(c: &Ctx, out: &mut Vec<Node>) {
    let s = c.s;
    if c.fw.point_count() == 0 {
        return;
    }
    // where the next workshop starts: the one rule (`gate::resume_point`)
    let pos =
        c.fw.pos_of(&crate::gate::resume_point(c.fw, c.sess))
            .unwrap_or_else(|| c.fw.pos_at(0));
    let block = &c.fw.blocks[pos.block];
    out.push(Node::Para(vec![b(format!(
        "{} {} — {}",
        s.block, block.id, block.title
    ))]));
    let mut items = Vec::new();
    for step in block.steps.iter().skip(pos.step) {
        let open: Vec<String> = step
            .points
            .iter()
            .filter(|p| {
                c.sess
                    .record(&p.id)
                    .is_none_or(|r| matches!(r.status, Status::Open | Status::Dissent))
            })
            .map(|p| p.id.clone())
            .collect();
        if open.is_empty() {
            continue;
        }
        items.push(vec![
            b(format!("{} {}", step.id, step.title)),
            t(format!(
                " — {}",
                fill(
                    s.ag_open_points,
                    &[&open.len().to_string(), &open.join(", ")]
                )
            )),
        ]);
    }
    if items.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(Node::List(items));
    }
}
