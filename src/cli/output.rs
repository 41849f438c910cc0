//! What the commands write to standard output: through the UI's filter on
//! a terminal, exactly to a file or pipe; aligned columns for the tables.

use std::io::Write;

use crate::safe_text::{safe_line, safe_text};

/// The path of a written file, one line on stdout (filtered like any output;
/// a closed pipe is no error).
pub(crate) fn write_path_line(path: &std::path::Path) -> std::io::Result<()> {
    write_stdout(&format!("{}\n", safe_line(&path.display().to_string())))
}

pub(super) fn write_stdout(text: &str) -> std::io::Result<()> {
    write_stdout_bytes(text.as_bytes())
}

/// Write to stdout: on a terminal through the UI's filter; to a file or pipe
/// exactly (the formats themselves keep their text inert where they can).
pub(crate) fn write_stdout_bytes(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::IsTerminal;
    let mut out = std::io::stdout().lock();
    let bytes = if out.is_terminal() {
        std::borrow::Cow::Owned(for_terminal(bytes).into_bytes())
    } else {
        std::borrow::Cow::Borrowed(bytes)
    };
    match out.write_all(&bytes).and_then(|_| out.flush()) {
        // `wijktafel framework | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// What a terminal gets of command line output: the UI's filter, newlines kept.
pub fn for_terminal(bytes: &[u8]) -> String {
    safe_text(&String::from_utf8_lossy(bytes)).into_owned()
}

/// Rows as columns, two spaces apart, measured in terminal columns (a
/// Chinese name or an emoji takes two); the last column is not padded.
pub(super) fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| crate::view::wrap::columns(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i] - crate::view::wrap::columns(c) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    /// A column after a Chinese name or an emoji starts where it does
    /// after a Latin one (it was pushed right: chars, not columns).
    #[test]
    fn columns_line_up_after_wide_characters() {
        let rows: Vec<Vec<String>> = [["中文 Wijk 🎉", "A"], ["Noord", "B"]]
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let out = super::aligned(&rows);
        let at: Vec<usize> = out
            .lines()
            .map(|l| crate::view::wrap::columns(&l[..l.len() - 1]))
            .collect();
        assert_eq!(at[0], at[1], "{out}");
    }
}
