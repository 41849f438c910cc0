//! `wijktafel list`: one aligned line per stored session, each read with
//! its own framework.

use crate::framework::carried::Given;
use crate::safe_text::safe_line;
use crate::store::{Store, StoreError};

use super::args::Cli;
use super::failure::Failure;
use super::launch::open_store;
use super::output::write_stdout;

/// `list`: one line per stored session.
pub(super) fn run(cli: &Cli, given: Option<&Given>) -> Result<(), Failure> {
    let store = open_store(cli)?;
    Ok(write_stdout(&list_text(&store, given, cli.lang)?)?)
}

/// The `list` output: one aligned line per session.
pub fn list_text(
    store: &Store,
    given: Option<&Given>,
    lang: crate::i18n::Lang,
) -> Result<String, StoreError> {
    let s = lang.strings();
    if store.session_files()?.is_empty() {
        return Ok(format!("{}\n", s.list_empty));
    }
    let mut rows: Vec<[String; 5]> = vec![{
        let h: Vec<&str> = s.list_header.split('|').collect();
        [h[0], h[1], h[2], h[3], h[4]].map(String::from)
    }];
    for sum in crate::catalog::summaries(store, given, lang)? {
        match &sum.error {
            None => {
                let block = sum.block.clone().unwrap_or_else(|| "?".into());
                let last = sum
                    .last_workshop
                    .map(|(n, d)| format!("{n} ({d})"))
                    .unwrap_or_else(|| "—".into());
                let vote = sum
                    .latest_vote
                    .map(|(o, w)| format!("{} {} ({w})", o.symbol(), o.word(lang)))
                    .unwrap_or_else(|| s.no_vote.to_string());
                rows.push([cell(&sum.name), cell(&sum.area), cell(&block), last, vote]);
            }
            Some(e) => rows.push([
                cell(&sum.name),
                "⚠".into(),
                cell(e),
                String::new(),
                String::new(),
            ]),
        }
    }
    let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
    let out = super::output::aligned(&rows);
    Ok(out)
}

/// A cell of the `list` table: one line, through the terminal filter (the
/// list is for reading, also when piped, so it is always filtered).
pub fn cell(text: &str) -> String {
    safe_line(text).trim().to_string()
}
