//! Column widths of the printed tables (issue 27): every column at least
//! as wide as its longest piece that never breaks (a word, a date in words
//! with "(verlopen)", an amount), a short column (a date, a number, a
//! status) as wide as its longest cell, the text columns the rest by how
//! much text they hold. A word breaks only when the page is too narrow for
//! every column's longest word, and then in the text columns first.

use super::html::OVERDUE;
use crate::i18n::MONTHS;

/// The width of a printed A4 page's text in `ch` (178 mm at 10.5 pt).
const PAGE_CH: f64 = 75.0;
/// `ch` per character of prose (`ch` is the width of "0"; in DejaVu Sans
/// the average letter is about 0.87 of it, a digit all of it).
const PROSE: f64 = 0.9;
/// A head is set at .85em in bold (bold letters are about a fifth wider).
const HEAD: f64 = 0.85 * 1.2;
/// The cell's padding (.4em each side) and border, in `ch`.
const PAD: f64 = 1.6;
/// A cell this long or shorter is short: its column fits it on one line.
const SHORT: usize = 24;
/// A text column is never made narrower than this (in `ch`).
const NARROWEST: f64 = 8.0;

/// The lengths of the pieces of `text` a line never breaks inside: words,
/// and a date in words with what stays with it ("10 oktober 2026
/// (verlopen)") or an amount ("€ 1.250"), as the HTML joins them.
pub(super) fn unit_lengths(text: &str) -> Vec<usize> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        let d = w.chars().take_while(|c| c.is_ascii_digit()).count();
        n.contains(&d)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut n = 1;
        if digits(words[i], 1..=2)
            && words[i].chars().all(|c| c.is_ascii_digit())
            && words
                .get(i + 1)
                .is_some_and(|m| MONTHS.as_flattened().contains(m))
            && words.get(i + 2).is_some_and(|y| digits(y, 4..=4))
        {
            n = 3;
            if words
                .get(i + 3)
                .is_some_and(|w| OVERDUE.iter().any(|o| w.starts_with(&format!("({o})"))))
            {
                n = 4;
            }
        } else if words[i] == "€" && words.get(i + 1).is_some_and(|w| digits(w, 1..=12)) {
            n = 2;
        }
        let unit = &words[i..(i + n).min(words.len())];
        out.push(unit.iter().map(|w| w.chars().count()).sum::<usize>() + unit.len() - 1);
        i += n;
    }
    out
}

/// The width of each column in percent of the page (adding up to 100).
pub(super) fn percent_widths(head: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let n = head.len();
    let cells = |k: usize| rows.iter().filter_map(move |r| r.get(k));
    let longest_unit = |t: &str| unit_lengths(t).into_iter().max().unwrap_or(0);
    // per column: the least without breaking a word, what it would like,
    // the narrowest it may become, its share of the rest (text columns)
    let mut least = Vec::with_capacity(n);
    let mut want = Vec::with_capacity(n);
    let mut floor = Vec::with_capacity(n);
    let mut weight = Vec::with_capacity(n);
    for (k, h) in head.iter().enumerate() {
        let head_unit = longest_unit(h) as f64 * HEAD * PROSE;
        let unit = cells(k).map(|c| longest_unit(c)).max().unwrap_or(0) as f64 * PROSE;
        let longest = cells(k).map(|c| c.chars().count()).max().unwrap_or(0);
        // a short column: short cells, or each cell one piece (a date)
        let short = longest <= SHORT || cells(k).all(|c| unit_lengths(c).len() <= 1);
        let l = head_unit.max(unit) + PAD;
        least.push(l);
        floor.push((head_unit + PAD).max(NARROWEST).min(l));
        if short {
            want.push((longest as f64 * PROSE + PAD).max(l));
            weight.push(0.0);
        } else {
            want.push(l);
            weight.push(cells(k).map(|c| c.chars().count()).sum::<usize>().max(1) as f64);
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
    let mut alloc = want.clone();
    let total: f64 = alloc.iter().sum();
    if total > PAGE_CH {
        // too narrow: short columns wrap between their words first, then
        // words break in the text columns, a date or number only at last
        let mut over = total - PAGE_CH;
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
            let before = alloc.clone();
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
    let mut out: Vec<usize> = alloc
        .iter()
        .map(|a| ((a * 100.0 / sum).floor() as usize).max(1))
        .collect();
    // rounding: what is left goes to the widest column
    let given: usize = out.iter().sum();
    if let Some(widest) = (0..n).max_by(|&a, &b| alloc[a].total_cmp(&alloc[b])) {
        out[widest] = (out[widest] + 100).saturating_sub(given);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_its_overdue_word_and_an_amount_are_one_unit() {
        assert_eq!(
            unit_lengths("uiterlijk 10 oktober 2026 (verlopen) voor € 1.250"),
            [9, 26, 4, 7]
        );
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_date_column_fits_its_longest_date_and_text_gets_the_rest() {
        let head = strings(&["Wat", "Wie", "Uiterlijk", "Uit bijeenkomst", "Gesprekspunt"]);
        let rows = vec![
            strings(&[
                "Drie keukentafelgesprekken met jongeren en nieuwkomers organiseren",
                "Wijkteam Zorg & Welzijn (Fatma Yılmaz)",
                "10 oktober 2026 (verlopen)",
                "1",
                "1.3.1",
            ]),
            strings(&[
                "Cijfers aanleveren",
                "Stichting Basisonderwijs De Horst (Pieter van Dijk)",
                "5 oktober 2026",
                "12",
                "1.1.1",
            ]),
        ];
        let p = percent_widths(&head, &rows);
        assert_eq!(p.iter().sum::<usize>(), 100, "{p:?}");
        let ch = |k: usize| p[k] as f64 * PAGE_CH / 100.0;
        assert!(ch(2) >= 26.0 * PROSE + PAD - 1.0, "the date whole: {p:?}");
        assert!(
            ch(4) >= 12.0 * HEAD * PROSE + PAD - 1.0,
            "the head word whole: {p:?}"
        );
        // without "(verlopen)" there is room for every word
        let mut rows = rows;
        rows[0][2] = "10 oktober 2026".into();
        let p = percent_widths(&head, &rows);
        let ch = |k: usize| p[k] as f64 * PAGE_CH / 100.0;
        assert!(ch(2) >= 15.0 * PROSE + PAD - 1.0, "the date whole: {p:?}");
        assert!(
            ch(0) >= 21.0 * PROSE + PAD - 1.0,
            "keukentafelgesprekken whole: {p:?}"
        );
        assert!(
            ch(1) >= 14.0 * PROSE + PAD - 1.0,
            "Basisonderwijs whole: {p:?}"
        );
        assert!(p[0] > p[3] && p[1] > p[3], "{p:?}");
    }
}
