//! Column widths of the printed tables (issue 27): every column at least
//! as wide as its longest piece that never breaks (a word, a date in words
//! with its ⚠, an amount), a short column (a date, a number, a status) as
//! wide as its longest cell, the text columns the rest by how much text
//! they hold. A word breaks only when the page is too narrow for every
//! column's longest word, and then in the text columns first. In a cell
//! "(verlopen)" may wrap below its date ([`super::html::Place`]), so it is
//! a piece of its own here.

use super::doc::Inline;
use crate::i18n::MONTHS;

/// The width of a printed A4 page's text in `ch` (178 mm at 10.5 pt).
const PAGE_CH: f64 = 75.0;
/// `ch` per character of prose (`ch` is the width of "0"; in DejaVu Sans
/// the average letter is about 0.87 of it, a digit all of it).
const PROSE: f64 = 0.9;
/// `ch` of a symbol such as ⚠ or ✔ (1.41 in DejaVu Sans).
const SYMBOL: f64 = 1.5;
/// Bold text is wider (DejaVu Sans Bold: 1.11 to 1.13 times the regular).
const BOLD: f64 = 1.15;
/// A head is set at .85em in bold (bold letters are about a fifth wider).
const HEAD: f64 = 0.85 * 1.2;
/// The cell's padding (.4em each side) and border, in `ch`.
const PAD: f64 = 1.6;
/// A cell this long or shorter is short: its column fits it on one line.
const SHORT: usize = 24;
/// A text column is never made narrower than this (in `ch`).
const NARROWEST: f64 = 8.0;

/// A cell as the widths see it.
struct Measured {
    /// The width in `ch` of each piece a line never breaks inside.
    units: Vec<f64>,
    /// The width in `ch` of the widest piece the HTML keeps on one line
    /// (a date, an amount): unlike a word, the browser cannot break it.
    fixed: f64,
    /// The width in `ch` of the whole cell on one line.
    whole: f64,
    /// Its characters: how much text it holds.
    chars: usize,
}

/// The width in `ch` of one character, bold or not.
fn char_ch(c: char, bold: bool) -> f64 {
    // Miscellaneous Symbols and Dingbats: ⚠ ✔ ✖ ☐ ☑; a digit is 1 ch
    let w = if ('\u{2600}'..='\u{27bf}').contains(&c) {
        SYMBOL
    } else if c.is_ascii_digit() {
        1.0
    } else {
        PROSE
    };
    if bold { w * BOLD } else { w }
}

/// The widths of the pieces of a cell a line never breaks inside: words,
/// a date in words with the ⚠ before it ("⚠ 10 oktober 2026", but not the
/// "(verlopen)" after it, which wraps in a cell), an amount ("€ 1.250"),
/// as the HTML joins them.
fn measure(cell: &[Inline]) -> Measured {
    // the words, each character with whether it is bold
    let mut words: Vec<Vec<(char, bool)>> = vec![Vec::new()];
    let mut chars = 0;
    for i in cell {
        let (text, bold) = match i {
            Inline::Text(s) => (s, false),
            Inline::Strong(s) => (s, true),
        };
        for c in text.chars() {
            chars += 1;
            if c.is_whitespace() {
                words.push(Vec::new());
            } else if let Some(w) = words.last_mut() {
                w.push((c, bold));
            }
        }
    }
    words.retain(|w| !w.is_empty());
    let text: Vec<String> = words
        .iter()
        .map(|w| w.iter().map(|&(c, _)| c).collect())
        .collect();
    let width = |w: &[(char, bool)]| w.iter().map(|&(c, b)| char_ch(c, b)).sum::<f64>();
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        let d = w.chars().take_while(|c| c.is_ascii_digit()).count();
        n.contains(&d)
    };
    let long_date = |i: usize| {
        text.get(i)
            .is_some_and(|d| digits(d, 1..=2) && d.chars().all(|c| c.is_ascii_digit()))
            && text
                .get(i + 1)
                .is_some_and(|m| MONTHS.as_flattened().contains(&m.as_str()))
            && text.get(i + 2).is_some_and(|y| digits(y, 4..=4))
    };
    // "2026-10-05" or "05-10-2026", perhaps with a comma after it
    let short_date = |i: usize| {
        text.get(i).is_some_and(|d| {
            let b = d.as_bytes();
            let shape = |dashes: [usize; 2]| {
                (0..10).all(|k| {
                    b.get(k).is_some_and(|&c| {
                        if dashes.contains(&k) {
                            c == b'-'
                        } else {
                            c.is_ascii_digit()
                        }
                    })
                })
            };
            (shape([4, 7]) || shape([2, 5])) && !d[10..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    let mut units = Vec::new();
    let mut fixed: f64 = 0.0;
    let mut i = 0;
    while i < words.len() {
        let sign = usize::from(text[i] == "⚠" && (long_date(i + 1) || short_date(i + 1)));
        let n = if long_date(i + sign) {
            sign + 3
        } else if short_date(i + sign) {
            sign + 1
        } else if text[i] == "€" && text.get(i + 1).is_some_and(|w| digits(w, 1..=12)) {
            2
        } else {
            1
        };
        let unit = &words[i..(i + n).min(words.len())];
        // the spaces inside, of the width of the word before each
        let spaces: f64 = unit[..unit.len() - 1]
            .iter()
            .map(|w| char_ch(' ', w.last().is_some_and(|&(_, b)| b)))
            .sum();
        let w = unit.iter().map(|w| width(w)).sum::<f64>() + spaces;
        if n > 1 || short_date(i) {
            fixed = fixed.max(w);
        }
        units.push(w);
        i += n;
    }
    let whole = units.iter().sum::<f64>() + PROSE * units.len().saturating_sub(1) as f64;
    Measured {
        units,
        fixed,
        whole,
        chars,
    }
}

/// A plain text (a column's head) measured.
fn measure_text(text: &str) -> Measured {
    measure(&[Inline::Text(text.to_string())])
}

/// Per column: the least width without breaking a word, what it would
/// like, the narrowest it may become (a head word and a date never
/// break but at last), its share of the rest (0 for a short column).
struct Columns {
    least: Vec<f64>,
    want: Vec<f64>,
    floor: Vec<f64>,
    weight: Vec<f64>,
}

fn columns(head: &[String], rows: &[Vec<Vec<Inline>>]) -> Columns {
    let n = head.len();
    let measured: Vec<Vec<Measured>> = rows
        .iter()
        .map(|r| r.iter().map(|c| measure(c)).collect())
        .collect();
    let cells = |k: usize| measured.iter().filter_map(move |r| r.get(k));
    let widest = |m: &Measured| m.units.iter().copied().fold(0.0, f64::max);
    let mut least = Vec::with_capacity(n);
    let mut want = Vec::with_capacity(n);
    let mut floor = Vec::with_capacity(n);
    let mut weight = Vec::with_capacity(n);
    for (k, h) in head.iter().enumerate() {
        let head_unit = widest(&measure_text(h)) * HEAD;
        let unit = cells(k).map(widest).fold(0.0, f64::max);
        let longest = cells(k).map(|c| c.chars).max().unwrap_or(0);
        // a short column: short cells, or each cell one piece (a date)
        let short = longest <= SHORT || cells(k).all(|c| c.units.len() <= 1);
        let l = head_unit.max(unit) + PAD;
        least.push(l);
        // a head word and a date never break: only at last (step 3)
        let fixed = cells(k).map(|c| c.fixed).fold(head_unit, f64::max);
        floor.push((fixed + PAD).max(NARROWEST).min(l));
        if short {
            let whole = cells(k).map(|c| c.whole).fold(0.0, f64::max);
            want.push((whole + PAD).max(l));
            weight.push(0.0);
        } else {
            want.push(l);
            weight.push(cells(k).map(|c| c.chars).sum::<usize>().max(1) as f64);
        }
    }
    // the longest text at most twice the weight of the shortest
    let lightest = weight
        .iter()
        .copied()
        .filter(|&w| w > 0.0)
        .fold(f64::MAX, f64::min);
    for w in weight.iter_mut() {
        *w = w.min(lightest * 2.0);
    }
    Columns {
        least,
        want,
        floor,
        weight,
    }
}

/// The width of each column in percent of the page (adding up to 100).
pub(super) fn percent_widths(head: &[String], rows: &[Vec<Vec<Inline>>]) -> Vec<usize> {
    let c = columns(head, rows);
    let Columns {
        least,
        want,
        weight,
        ..
    } = &c;
    let n = head.len();
    let mut alloc = c.want.clone();
    let total: f64 = alloc.iter().sum();
    if total > PAGE_CH {
        squeeze(&c, &mut alloc, total - PAGE_CH);
    } else {
        let rest = PAGE_CH - total;
        let sum: f64 = weight.iter().sum();
        for k in 0..n {
            alloc[k] += if sum > 0.0 {
                rest * weight[k] / sum
            } else {
                rest * want[k] / total.max(1.0)
            };
        }
    }
    let sum: f64 = alloc.iter().sum::<f64>().max(1.0);
    // a short column (a time, a number) is rounded up: rounded down it
    // lost up to 1% of the page and "00:27" broke into "00:2 / 7"; the
    // text columns, which wrap, are rounded down and give back the rest
    let mut out: Vec<usize> = alloc
        .iter()
        .zip(weight)
        .map(|(a, w)| {
            let p = a * 100.0 / sum;
            let p = if *w > 0.0 { p.floor() } else { p.ceil() };
            (p as usize).max(1)
        })
        .collect();
    // rounding: what is left goes to the column that lacks the most room
    // for its longest word, else to the widest column
    let given: usize = out.iter().sum();
    let lack = |k: usize| least[k] - alloc[k];
    let to = (0..n)
        .filter(|&k| lack(k) > 0.0)
        .max_by(|&a, &b| lack(a).total_cmp(&lack(b)))
        .or_else(|| (0..n).max_by(|&a, &b| alloc[a].total_cmp(&alloc[b])));
    // more than 100 from rounding up: the widest text column gives it back
    let to = match given > 100 {
        true => (0..n)
            .filter(|&k| weight[k] > 0.0)
            .max_by_key(|&k| out[k])
            .or(to),
        false => to,
    };
    if let Some(k) = to {
        out[k] = (out[k] + 100).saturating_sub(given);
    }
    out
}

/// Too narrow by `over`: short columns wrap between their words first,
/// then words break in the text columns, a date or number only at last.
fn squeeze(c: &Columns, alloc: &mut [f64], mut over: f64) {
    let Columns {
        least,
        floor,
        weight,
        ..
    } = c;
    let n = alloc.len();
    // 1. short columns wrap between their words
    let give: Vec<f64> = (0..n)
        .map(|k| {
            if weight[k] > 0.0 {
                0.0
            } else {
                alloc[k] - least[k]
            }
        })
        .collect();
    let can: f64 = give.iter().sum();
    if can > 0.0 {
        let take = over.min(can);
        for k in 0..n {
            alloc[k] -= give[k] * take / can;
        }
        over -= take;
    }
    // 2. the widest text columns give first (a 300-character address
    // breaks before a name does): one ceiling for all text columns
    if over > 0.0 {
        let before = alloc.to_vec();
        let text: Vec<usize> = (0..n).filter(|&k| weight[k] > 0.0).collect();
        let width_at =
            |c: f64| -> f64 { text.iter().map(|&k| before[k].min(c.max(floor[k]))).sum() };
        let have: f64 = text.iter().map(|&k| before[k]).sum();
        let target = (have - over).max(width_at(0.0));
        let (mut lo, mut hi) = (0.0, have);
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if width_at(mid) > target {
                hi = mid
            } else {
                lo = mid
            }
        }
        for &k in &text {
            alloc[k] = before[k].min(lo.max(floor[k]));
        }
        over -= have - width_at(lo);
    }
    // 3. at last a date or number breaks
    if over > 0.0 {
        let sum: f64 = alloc.iter().sum();
        for a in alloc.iter_mut() {
            *a *= PAGE_CH / sum;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    fn b(s: &str) -> Vec<Inline> {
        vec![Inline::Strong(s.into())]
    }

    #[test]
    fn a_date_keeps_its_sign_but_not_its_overdue_word_and_bold_is_wider() {
        let mut cell = t("uiterlijk ");
        cell.extend(b("⚠ 10 oktober 2026 (verlopen)"));
        cell.extend(t(" voor € 1.250"));
        let m = measure(&cell);
        // a digit is 1 ch: "10" and "2026" count 6, the rest prose
        let date = (SYMBOL + 10.0 * PROSE + 6.0) * BOLD;
        let want = [
            9.0 * PROSE,
            date,
            10.0 * PROSE * BOLD,
            4.0 * PROSE,
            3.0 * PROSE + 4.0,
        ];
        assert_eq!(m.units.len(), want.len(), "{:?}", m.units);
        for (got, want) in m.units.iter().zip(want) {
            assert!((got - want).abs() < 1e-9, "{:?}", m.units);
        }
        // the date is the widest piece that never breaks, not a word
        assert!((m.fixed - date).abs() < 1e-9, "{}", m.fixed);
        assert_eq!(measure(&t("keukentafelgesprekken")).fixed, 0.0);
        // a long word with two dashes is not a date
        assert_eq!(measure(&t("Wijkaanpak-De-Horst/2026")).fixed, 0.0);
        let short = measure(&t("⚠ 2026-10-05"));
        assert_eq!(short.units.len(), 1);
        assert!((short.fixed - (SYMBOL + 3.0 * PROSE + 8.0)).abs() < 1e-9);
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// The demo's open actions in the minutes of workshop 2: the bold
    /// overdue date with its ⚠ was counted as plain text without the sign
    /// and ran into the next column when printed.
    #[test]
    fn a_bold_overdue_date_fits_its_column_and_text_gets_the_rest() {
        let head = strings(&["Wat", "Wie", "Uiterlijk", "Uit bijeenkomst", "Gesprekspunt"]);
        let rows = vec![
            vec![
                t("Drie keukentafelgesprekken met jongeren en nieuwkomers organiseren"),
                t("Wijkteam Zorg & Welzijn (Fatma Yılmaz)"),
                b("⚠ 10 oktober 2026 (verlopen)"),
                t("1"),
                t("1.3.1"),
            ],
            vec![
                t("Cijfers aanleveren"),
                t("Stichting Basisonderwijs De Horst (Pieter van Dijk)"),
                t("5 oktober 2026"),
                t("12"),
                t("1.1.1"),
            ],
        ];
        let p = percent_widths(&head, &rows);
        assert_eq!(p.iter().sum::<usize>(), 100, "{p:?}");
        let ch = |k: usize| p[k] as f64 * PAGE_CH / 100.0;
        let date = (SYMBOL + 16.0 * PROSE) * BOLD;
        // (less one for rounding down to whole percents)
        assert!(
            ch(2) >= date + PAD - 1.0,
            "the date and its sign whole: {p:?}"
        );
        assert!(
            ch(2) < (date + 11.0 * PROSE * BOLD) + PAD,
            "not widened by (verlopen): {p:?}"
        );
        assert!(
            ch(4) >= 12.0 * HEAD * PROSE + PAD - 1.0,
            "the head word whole: {p:?}"
        );
        assert!(
            ch(1) >= 14.0 * PROSE + PAD - 1.0,
            "Basisonderwijs whole: {p:?}"
        );
        // the long word lacks the most room: the rounding goes to it
        assert!(p[0] > p[1] && p[0] > p[3], "{p:?}");
        // without the overdue date there is room for every word
        let mut rows = rows;
        rows[0][2] = t("10 oktober 2026");
        let p = percent_widths(&head, &rows);
        let ch = |k: usize| p[k] as f64 * PAGE_CH / 100.0;
        assert!(ch(2) >= 15.0 * PROSE + PAD - 1.0, "the date whole: {p:?}");
        assert!(
            ch(0) >= 21.0 * PROSE + PAD - 1.0,
            "keukentafelgesprekken whole: {p:?}"
        );
        assert!(p[0] > p[3] && p[1] > p[3], "{p:?}");
    }
}
