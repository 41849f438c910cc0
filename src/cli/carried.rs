//! The framework of a session on the command line (issue 31): a new
//! session keeps the one it is made with; every other command reads a
//! session with its own.

use super::failure::Failure;
use crate::framework::carried::{Given, carry, resolve};
use crate::framework::{DEFAULT_TOML, Framework};
use crate::i18n::Lang;
use crate::safe_text::shell_word;
use crate::session::Session;

/// Let a new session (`new`, `demo`) carry the framework it is made with:
/// the one named by `--framework` (its text), or the built-in one.
pub fn carry_new(session: &mut Session, fw: &Framework, given: Option<&Given>) {
    let text = match given {
        Some(g) => g.text.as_deref(),
        None => Some(DEFAULT_TOML),
    };
    carry(session, fw, text);
}

/// The framework to read `session` with (`export`, `beamer`, `open`
/// without a terminal): its own; `--framework` only for a session of the
/// old format that names it, and refused when it names another. Reading
/// only: nothing is kept.
pub fn session_framework(
    session: &Session,
    given: Option<&Given>,
    lang: Lang,
) -> Result<Framework, Failure> {
    resolve(session, given)
        .map(|r| r.fw)
        .map_err(|e| Failure::Usage(e.message(&shell_word(&session.name), lang)))
}
