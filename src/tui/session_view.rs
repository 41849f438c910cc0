//! The screens' state: of an open session, selection and focus on the start
//! and main screens ([`SessionView`]); at home, the sessions listed
//! ([`HomeEntry`]) and the areas view ([`AreasView`]). A session's view sits
//! beside the [`OpenSession`] in the mode ([`crate::tui::app::Mode`]), not
//! in it: never saved, no undo entry, and it lives exactly as long as the
//! session is open. The screens draw these; the app holds them.
//!
//! [`OpenSession`]: crate::tui::open_session::OpenSession

use std::path::PathBuf;

use crate::catalog::Report;
use crate::overview::{SortKey, municipalities, ordered};

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

/// Rows a page key moves in the recap (the facilitator's and the room's).
pub const RECAP_PAGE: u16 = 10;

/// One saved session as the plain list shows it.
#[derive(Debug, Clone)]
pub struct HomeEntry {
    pub path: PathBuf,
    pub name: String,
    pub area: String,
    pub block: String,
    pub last: String,
    pub vote: String,
    pub error: Option<String>,
}

/// The state of the areas view.
#[derive(Debug, Clone, Default)]
pub struct AreasView {
    /// The overview of the store; `None` with one session or none.
    pub report: Option<Report>,
    pub sort: SortKey,
    /// Only this municipality's areas.
    pub municipality: Option<String>,
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Area(usize),
    Unreadable(usize),
}

impl AreasView {
    /// Shown instead of the plain list.
    pub fn active(&self) -> bool {
        self.report.is_some()
    }

    /// The rows in the order shown: the areas (sorted, filtered), then the
    /// files that could not be read.
    pub fn rows(&self) -> Vec<Row> {
        let Some(r) = &self.report else {
            return vec![];
        };
        let mut rows: Vec<Row> =
            ordered(&r.overview.areas, self.sort, self.municipality.as_deref())
                .into_iter()
                .map(Row::Area)
                .collect();
        rows.extend((0..r.unreadable.len()).map(Row::Unreadable));
        rows
    }

    /// The path of a row's session file.
    pub fn path(&self, row: Row) -> Option<std::path::PathBuf> {
        let r = self.report.as_ref()?;
        Some(std::path::PathBuf::from(match row {
            Row::Area(i) => &r.overview.areas[i].source,
            Row::Unreadable(i) => &r.unreadable[i].path,
        }))
    }

    /// The next sort order.
    pub fn next_sort(&mut self) {
        self.sort = self.sort.next();
    }

    /// The next municipality, after the last all of them again.
    pub fn next_municipality(&mut self) {
        let Some(r) = &self.report else { return };
        let all = municipalities(&r.overview.areas);
        let next = match &self.municipality {
            None => all.first().cloned(),
            Some(m) => all
                .iter()
                .position(|x| x == m)
                .and_then(|i| all.get(i + 1).cloned()),
        };
        self.municipality = next;
    }
}
