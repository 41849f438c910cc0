//! The "yes" to a question of the recap on the start screen: an open
//! dissent resolved (`r`), an open action item done (`x`). Each starts the
//! planned workshop if need be, is one capture (undoable, saved at once),
//! and asks for the override first in a block the latest vote locks.

use jiff::Timestamp;

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::Cx;
use crate::tui::open_session::Captured;
use crate::view::recap::recap_items;

/// The "yes" to `x`: mark the action done (in the workshop, started if need
/// be; undoable, saved at once).
pub fn mark_done(cx: &mut Cx<'_>, flat: usize, index: usize) {
    let (label, said) = (cx.s().recap_done, cx.s().recap_done_msg);
    answer(cx, flat, label, said, |sess, p, now| {
        sess.set_action_done(p, index, true, now);
    });
}

/// The "yes" to `r`: start the planned workshop if need be,
/// then record the resolution (undoable, saved at once).
pub fn resolve(cx: &mut Cx<'_>, flat: usize) {
    let (label, said) = (cx.s().recap_resolved, cx.s().recap_resolved_msg);
    answer(cx, flat, label, said, |sess, p, now| {
        sess.resolve_dissent(p, now);
    });
}

/// Record `change` on the point at `flat` as one capture named `label`,
/// and say `said` (with the point) when it changed something; the recap's
/// choice stays within what is left.
fn answer(
    cx: &mut Cx<'_>,
    flat: usize,
    label: &str,
    said: &str,
    change: impl FnOnce(&mut Session, &str, Timestamp),
) {
    let point = cx.fw().point_at(flat).id.clone();
    // a point in a block the latest vote locks asks for the override first
    if !cx.gate_allows(&point) {
        return;
    }
    cx.start_workshop();
    let now = cx.now();
    let Some((o, view)) = cx.open_session_and_state_mut() else {
        return;
    };
    let changed = o.capture_at(&point, label, now, change);
    let left = recap_items(&o.session).len();
    view.recap.sel = view.recap.sel.min(left.saturating_sub(1));
    if changed == Captured::Changed {
        cx.save_now();
        cx.info(fill(said, &[&point]));
    }
}
