//! What the beamer shows ([`shown`], from its state) and how a screen is
//! stacked ([`stack`]): parts in the order they are read, each with a rank;
//! when the window is small, the parts of the lowest rank drop out first, a
//! text that does not fit whole ends in "…", a list says "+N meer". The
//! question (rank 0) is always there.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Beamer, Loaded};
use crate::i18n::fill;
use crate::live::{LiveDialog, LiveScreen, LiveState};
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_letters::big_text;
use crate::tui::widgets::status::fit;
use crate::view::wrap::wrap_styled;
use crate::vote::Vote;

/// The state the beamer is in.
pub enum Shown<'a> {
    /// No facilitator has the session open (or its heartbeat is stale).
    Waiting,
    /// The session file cannot be read: why.
    Unreadable(&'a str),
    Recap {
        sess: &'a Session,
        planned: bool,
        page: u16,
    },
    Summary {
        sess: &'a Session,
    },
    Point {
        sess: &'a Session,
        live: &'a LiveState,
    },
    Vote {
        sess: &'a Session,
        live: &'a LiveState,
    },
    Outcome {
        sess: &'a Session,
        vote: &'a Vote,
    },
}

/// What to show, from the beamer's state.
pub fn shown(b: &Beamer) -> Shown<'_> {
    let sess = match &b.session {
        Loaded::Read(s) => s.as_ref(),
        // a session not made yet (`beamer NAME` before `new NAME`): wait for it
        Loaded::Unreadable(_) if std::fs::symlink_metadata(&b.path).is_err() => {
            return Shown::Waiting;
        }
        Loaded::Unreadable(why) => return Shown::Unreadable(why),
        Loaded::NotYet => return Shown::Waiting,
    };
    let Some(live) = b.facilitator() else {
        return Shown::Waiting;
    };
    match live.screen {
        LiveScreen::Recap { planned, page } => Shown::Recap {
            sess,
            planned,
            page,
        },
        LiveScreen::Summary => Shown::Summary { sess },
        LiveScreen::Point => match &live.dialog {
            LiveDialog::Vote { .. } => Shown::Vote { sess, live },
            // the vote as recorded; the latest while the session file is
            // still being read again
            LiveDialog::Outcome { vote } => match sess.votes.get(*vote).or(sess.latest_vote()) {
                Some(vote) => Shown::Outcome { sess, vote },
                None => Shown::Point { sess, live },
            },
            _ => Shown::Point { sess, live },
        },
    }
}

/// An item of [`Part::Wrapped`]: its mark in its style, and its pieces.
pub type WrappedItem = ((String, Style), Vec<(String, Style)>);

/// One part of a screen.
pub enum Part {
    /// Wrapped text; cut with "…".
    Text(Vec<(String, Style)>),
    /// A heading and one line per item (each cut with "…"); cut with "+N meer".
    List {
        head: Option<(String, Style)>,
        items: Vec<Vec<(String, Style)>>,
    },
    /// A heading and items that wrap under their mark ("  • ", in its
    /// style): whole while they fit; then the last one shown ends in "…"
    /// and "+N meer".
    Wrapped {
        head: (String, Style),
        items: Vec<WrappedItem>,
        mark: Style,
    },
    /// Block letters when they fit, else one line.
    Big {
        symbol: (String, Style),
        word: String,
        style: Style,
    },
    /// Empty rows (to centre a screen).
    Space(usize),
}

/// Where a part goes, and what it may take.
struct Placed {
    rows: usize,
    big: bool,
}

impl Part {
    /// Rows it needs whole (block letters when `big`).
    fn need(&self, width: usize, big: bool) -> usize {
        match self {
            Part::Text(p) => wrap_styled(p, width, usize::MAX).len(),
            Part::List { head, items } => usize::from(head.is_some()) + items.len(),
            Part::Wrapped { items, .. } => {
                1 + items
                    .iter()
                    .map(|(m, p)| wrap_item(m, p, width, usize::MAX).len())
                    .sum::<usize>()
            }
            Part::Big { .. } if big => 5,
            Part::Big { .. } => 1,
            Part::Space(n) => *n,
        }
    }

    /// The rows a list of wrapped items takes before the parts grow (see
    /// [`stack`]): a line per item.
    fn compact(&self, width: usize) -> usize {
        match self {
            Part::Wrapped { items, .. } => 1 + items.len(),
            _ => self.need(width, false),
        }
    }

    /// The fewest rows it can be shown in (0: it cannot be cut).
    fn least(&self) -> usize {
        match self {
            Part::Text(_) => 1,
            // at least one item and the "+N meer" line: never a heading alone
            Part::List { head, items } if items.len() > 1 => usize::from(head.is_some()) + 2,
            Part::Wrapped { items, .. } => 2 + usize::from(items.len() > 1),
            _ => 0,
        }
    }

    fn big_fits(&self, width: usize) -> bool {
        match self {
            Part::Big { symbol, word, .. } => {
                let w = big_text(&word.to_uppercase(), 1)[0].chars().count();
                symbol.0.chars().count() + 2 + w <= width
            }
            _ => false,
        }
    }

    fn lines(&self, width: usize, placed: &Placed, s: &crate::i18n::Strings) -> Vec<Line<'static>> {
        let rows = placed.rows;
        match self {
            Part::Text(p) => wrap_styled(p, width, rows),
            Part::List { head, items } => {
                let mut out = Vec::new();
                let room = rows - usize::from(head.is_some());
                if let Some((h, st)) = head {
                    out.push(Line::from(Span::styled(fit(h, width), *st)));
                }
                let shown = if items.len() > room {
                    room.saturating_sub(1)
                } else {
                    items.len()
                };
                for item in &items[..shown] {
                    out.push(one_line(item, width));
                }
                if shown < items.len() {
                    let more = fill(s.vote_more, &[&(items.len() - shown).to_string()]);
                    let style = items[0].first().map(|p| p.1).unwrap_or_default();
                    out.push(Line::from(Span::styled(
                        fit(&format!("  {more}"), width),
                        style,
                    )));
                }
                out
            }
            Part::Wrapped { head, items, mark } => {
                let whole = self.need(width, false);
                wrapped_lines(head, items, *mark, (width, rows, whole), s)
            }
            Part::Big {
                symbol,
                word,
                style,
            } if placed.big => {
                let rows = big_text(&word.to_uppercase(), 1);
                let pad = " ".repeat(symbol.0.chars().count());
                rows.into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let sym = if i == 2 {
                            symbol.0.clone()
                        } else {
                            pad.clone()
                        };
                        Line::from(vec![
                            Span::styled(format!("{sym}  "), symbol.1),
                            Span::styled(r, *style),
                        ])
                    })
                    .collect()
            }
            Part::Big {
                symbol,
                word,
                style,
            } => vec![one_line(
                &[(format!("{} ", symbol.0), symbol.1), (word.clone(), *style)],
                width,
            )],
            Part::Space(n) => vec![Line::default(); (*n).min(rows)],
        }
    }
}

/// The rows of a [`Part::Wrapped`] in `rows` rows of `width` columns (`whole`:
/// the rows it needs whole): every item whole while they fit, else a row
/// per item and the rows over to the items in order, else as many items as
/// fit and "+N meer".
fn wrapped_lines(
    head: &(String, Style),
    items: &[WrappedItem],
    mark: Style,
    (width, rows, whole): (usize, usize, usize),
    s: &crate::i18n::Strings,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(Span::styled(fit(&head.0, width), head.1))];
    let left = rows.saturating_sub(1);
    if left >= items.len() && left < whole - 1 {
        // every item at least one row; the rows over go to the
        // items in order, each whole as far as they reach
        let mut spare = left - items.len();
        for (m, pieces) in items {
            let whole = wrap_item(m, pieces, width, usize::MAX).len();
            let extra = (whole - 1).min(spare);
            spare -= extra;
            out.extend(wrap_item(m, pieces, width, 1 + extra));
        }
        return out;
    }
    let mut left = left;
    let mut shown = 0;
    for (i, (m, pieces)) in items.iter().enumerate() {
        let reserve = usize::from(i + 1 < items.len());
        let whole = wrap_item(m, pieces, width, usize::MAX);
        if whole.len() + reserve <= left {
            left -= whole.len();
            out.extend(whole);
            shown += 1;
            continue;
        }
        let room = left.saturating_sub(reserve);
        if room > 0 {
            out.extend(wrap_item(m, pieces, width, room));
            shown += 1;
        }
        break;
    }
    if shown < items.len() {
        let more = fill(s.vote_more, &[&(items.len() - shown).to_string()]);
        out.push(Line::from(Span::styled(
            fit(&format!("  {more}"), width),
            mark,
        )));
    }
    out
}

/// An item under its mark: the text wraps in the columns after the mark,
/// at most `max` rows (the last ending in "…" when cut).
fn wrap_item(
    (mark, mark_style): &(String, Style),
    pieces: &[(String, Style)],
    width: usize,
    max: usize,
) -> Vec<Line<'static>> {
    let mark_style = *mark_style;
    let indent = unicode_width::UnicodeWidthStr::width(mark.as_str());
    let body = wrap_styled(pieces, width.saturating_sub(indent).max(2), max);
    body.into_iter()
        .enumerate()
        .map(|(i, mut line)| {
            let lead = if i == 0 {
                mark.to_string()
            } else {
                " ".repeat(indent)
            };
            line.spans.insert(0, Span::styled(lead, mark_style));
            line
        })
        .collect()
}

/// Styled pieces on one line, cut with "…" to `width`.
pub fn one_line(pieces: &[(String, Style)], width: usize) -> Line<'static> {
    let mut left = width;
    let mut spans = Vec::new();
    for (text, style) in pieces {
        if left == 0 {
            break;
        }
        let w = unicode_width::UnicodeWidthStr::width(text.as_str());
        if w <= left {
            spans.push(Span::styled(text.clone(), *style));
            left -= w;
        } else {
            spans.push(Span::styled(fit(text, left), *style));
            left = 0;
        }
    }
    Line::from(spans)
}

/// Lay `parts` (each with its rank: 0 is kept longest) out in `height`
/// rows of `width` columns, in the order given; a blank row between parts
/// when there is room for it. In the order of their rank, parts take what
/// they need whole (a list of wrapped items: a line per item), else what
/// is left when they can be cut; then the rows still free let the parts
/// that were cut or kept to a line per item grow, again by rank: the
/// window fills before anything is cut.
pub fn stack(
    parts: &[(u8, Part)],
    width: usize,
    height: usize,
    s: &crate::i18n::Strings,
) -> Vec<Line<'static>> {
    let gap = usize::from(height >= 20);
    let mut placed: Vec<Option<Placed>> = parts.iter().map(|_| None).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].0);
    let mut left = height;
    for &i in &order {
        let part = &parts[i].1;
        let cost = |rows: usize| rows + if left == height { 0 } else { gap };
        let big = part.big_fits(width) && cost(part.need(width, true)) <= left;
        let need = part.need(width, big);
        if need == 0 {
            continue;
        }
        // a list of wrapped items first takes a line per item: its items
        // wrap into the rows still free at the end
        let compact = match part {
            Part::Wrapped { .. } => part.compact(width).min(need),
            _ => need,
        };
        let rows = if cost(need) <= left && compact == need {
            need
        } else if cost(compact) <= left {
            compact
        } else if part.least() > 0 && cost(part.least()) <= left {
            left - cost(0)
        } else {
            continue;
        };
        left -= cost(rows);
        placed[i] = Some(Placed { rows, big });
    }
    for &i in &order {
        let Some(p) = placed[i].as_mut() else {
            continue;
        };
        let want = parts[i].1.need(width, p.big);
        let more = want.saturating_sub(p.rows).min(left);
        p.rows += more;
        left -= more;
    }
    let mut out = Vec::new();
    for (i, (_, part)) in parts.iter().enumerate() {
        let Some(p) = &placed[i] else { continue };
        if !out.is_empty() && gap > 0 && !matches!(part, Part::Space(_)) {
            out.push(Line::default());
        }
        out.extend(part.lines(width, p, s));
    }
    out.truncate(height);
    out
}

/// The area the content goes in: a margin where the window has room.
pub fn content(area: Rect) -> Rect {
    let mx = if area.width >= 60 { 3 } else { 1 };
    let my = u16::from(area.height >= 20);
    Rect {
        x: area.x + mx,
        y: area.y + my,
        width: area.width.saturating_sub(2 * mx),
        height: area.height.saturating_sub(2 * my),
    }
}

/// Draw `parts` in the content area, stacked from the top (the point, the
/// vote and the outcome screens).
pub fn draw(b: &Beamer, parts: &[(u8, Part)], f: &mut ratatui::Frame, area: Rect) {
    let area = content(area);
    let lines = stack(
        parts,
        area.width as usize,
        area.height as usize,
        b.lang.strings(),
    );
    f.render_widget(
        ratatui::widgets::Paragraph::new(ratatui::text::Text::from(lines)),
        area,
    );
}

/// "Bijeenkomst 3 · Blok 2 · Initiëren · Stap 1/4 — Title": where the room is.
pub fn where_part(b: &Beamer, sess: &Session, point: &str, th: &Theme) -> Part {
    let s = b.lang.strings();
    let mut text = fill(s.ui_workshop, &[&sess.workshop_number().to_string()]);
    if let Some(pos) = b.fw.pos_of(point) {
        let step = &b.fw.blocks[pos.block].steps[pos.step];
        let where_ = crate::view::place::block_step(&b.fw, pos, s);
        text = format!("{text} · {where_} — {} {}", step.id, step.title);
    }
    Part::Text(vec![(safe_line(&text).into_owned(), th.title)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> Part {
        Part::List {
            head: Some(("Standpunten".into(), Style::default())),
            items: (1..=n)
                .map(|i| vec![(format!("partij {i}"), Style::default())])
                .collect(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_cut_list_shows_an_item_before_its_more_line_and_never_a_heading_alone() {
        let s = crate::i18n::Lang::Nl.strings();
        let parts = [
            (0, Part::Text(vec![("Vraag".into(), Style::default())])),
            (4, list(4)),
        ];
        // room for the question, the heading, one party and "+3 meer"
        let out = texts(&stack(&parts, 40, 4, s));
        assert_eq!(out[1], "Standpunten");
        assert_eq!(out[2], "partij 1");
        assert!(out[3].contains("+3"), "{out:?}");
        // room for the heading and one more row only: the list drops out whole
        let out = texts(&stack(&parts, 40, 3, s));
        assert_eq!(out, vec!["Vraag".to_string()], "{out:?}");
    }
}
