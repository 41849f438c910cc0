//! The complete session as JSON.

use super::Options;
use super::anonymize::anonymize_session;
use crate::session::Session;

/// The complete session as pretty JSON (round-trips through the loader's
/// model). C1 controls, DEL and bidi controls are `\uXXXX` escapes, like C0.
pub fn json(sess: &Session, o: &Options) -> String {
    if o.anonymize {
        let mut copy = sess.clone();
        anonymize_session(&mut copy);
        crate::safe_text::json_pretty(&copy)
    } else {
        crate::safe_text::json_pretty(sess)
    }
}
