//! Where the room is in the framework, as the facilitator's step bar and
//! the room's header both say it.

use crate::framework::{Framework, Pos};
use crate::i18n::{Strings, fill};

/// "Blok 1 · Initiëren · Stap 2/5": the block and the step of `pos`.
pub fn block_step(fw: &Framework, pos: Pos, s: &Strings) -> String {
    let block = &fw.blocks[pos.block];
    fill(
        s.ui_block_step,
        &[
            &block.id,
            &block.title,
            &(pos.step + 1).to_string(),
            &block.steps.len().to_string(),
        ],
    )
}
