//! The screens' state of an open session: selection and focus on the start
//! and main screens. It sits beside the [`OpenSession`] in the mode
//! ([`crate::tui::app::Mode`]), not in it: never saved, no undo entry, and
//! it lives exactly as long as the session is open.
//!
//! [`OpenSession`]: crate::tui::open_session::OpenSession

/// Where the facilitator is on the screens of the open session.
#[derive(Debug, Default, Clone)]
pub struct SessionView {
    /// Selected party row in the stance panel, when it has focus.
    pub stance_focus: Option<usize>,
    /// The focus view of the main screen (`f`): the point and its status
    /// fill the screen.
    pub focus_view: bool,
    /// Selected row on the workshop start screen.
    pub start_sel: usize,
    /// The recap on the start screen: focus, chosen dissent, scroll.
    pub recap: crate::view::recap::RecapView,
}
