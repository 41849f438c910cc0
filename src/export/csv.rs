//! CSV for spreadsheets: UTF-8 with BOM, `;` delimiter, RFC 4180 quoting;
//! one row per point.

use super::Options;
use super::doc::Ctx;
use crate::framework::{Framework, Point, Pos, Step};
use crate::session::{PartyId, PointRecord, Session};

/// A CSV cell: CSV has no escapes, and its files are read in spreadsheets
/// and with `cat`, so control characters become visible symbols (the
/// terminal filter; line breaks stay).
fn csv_cell(text: &str) -> String {
    crate::safe_text::safe_text(text).into_owned()
}

/// The state of every point, with a column per party for its stance.
pub fn csv(fw: &Framework, sess: &Session, o: &Options) -> Vec<u8> {
    let c = Ctx::new(fw, sess, o);
    let mut buf: Vec<u8> = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .quote_style(::csv::QuoteStyle::Necessary)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut buf);
        let parties: Vec<PartyId> = sess.parties.iter().map(|p| p.id).collect();
        w.write_record(head(&c, &parties).iter().map(|c| csv_cell(c)))
            .expect("write to memory");
        for point in fw.iter_points() {
            let r = sess.record(&point.2.id);
            w.write_record(row(&c, point, r, &parties).iter().map(|c| csv_cell(c)))
                .expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    buf
}

/// The header: the point's columns, an organisation per party, the counts.
fn head(c: &Ctx, parties: &[PartyId]) -> Vec<String> {
    let s = c.s;
    let mut head: Vec<String> = vec![
        s.ex_point_id.into(),
        s.block.into(),
        s.step.into(),
        s.point.into(),
        s.ui_status.into(),
    ];
    head.extend(parties.iter().map(|&p| {
        let org = c
            .sess
            .party(p)
            .map(|x| x.organisation.clone())
            .unwrap_or_default();
        c.user(&org)
    }));
    head.extend([
        s.ex_notes_count.into(),
        s.ex_open_actions_count.into(),
        s.ex_last_workshop.into(),
    ]);
    head
}

/// One point: where it is, its status, each party's stance, the counts.
fn row(
    c: &Ctx,
    (pos, step, p): (Pos, &Step, &Point),
    r: Option<&PointRecord>,
    parties: &[PartyId],
) -> Vec<String> {
    let block = &c.fw.blocks[pos.block];
    let mut row: Vec<String> = vec![
        p.id.clone(),
        format!("{} {}", block.id, block.title),
        format!("{} {}", step.id, step.title),
        p.text.clone(),
        r.map(|r| r.status)
            .unwrap_or_default()
            .word(c.lang)
            .to_string(),
    ];
    for &pid in parties {
        // "absent" (afwezig) for a party that was not in the room when the
        // point was discussed, rather than "not stated": see
        // `Session::absent_for_point` (absent at every capture on the point
        // in the last workshop that discussed it; a stated stance wins)
        if c.sess.absent_for_point(&p.id, pid) {
            row.push(c.s.ui_absent.to_string());
            continue;
        }
        row.push(
            r.map(|r| r.stance_of(pid))
                .unwrap_or_default()
                .word(c.lang)
                .to_string(),
        );
    }
    row.push(r.map(|r| r.live_notes().count()).unwrap_or(0).to_string());
    row.push(
        r.map(|r| r.actions.iter().filter(|a| a.is_open()).count())
            .unwrap_or(0)
            .to_string(),
    );
    row.push(
        r.and_then(|r| r.last_workshop())
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    row
}
