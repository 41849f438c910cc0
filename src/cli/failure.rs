//! Why a command failed, and so which exit code and message it gets
//! (`mod.rs`'s `main`).

use std::path::PathBuf;

use crate::export::ExportError;
use crate::store::StoreError;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    Store(StoreError),
    Usage(String),
    /// Refused or failed, not for a wrong argument (exit 1).
    Failed(String),
    Io(std::io::Error),
    /// `open` needs a terminal; nothing was changed.
    NoTerminal(PathBuf),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

/// An export that cannot be made is a wrong argument (`--workshop`).
impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        Failure::Usage(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}
