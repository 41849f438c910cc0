//! A backup's name: its number in the order the program made them, the
//! workshop and the time it records, and the names of older versions.

use super::*;

/// Where a backup stands in the order wijktafel made them. Backups are named
/// `<stem>.<sequence>….toml` with a number the program increments; the
/// clock plays no part. Backups of older versions of wijktafel were named
/// by the time (`<stem>.20261127T101010.123Z.toml`): they are all older
/// than any numbered one, and ordered by name among themselves.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::store) enum BackupOrder {
    Timed(String),
    Numbered(u64),
}

/// Numbers stay below this; beyond it the backups are renumbered 1, 2, ….
pub(in crate::store) const MAX_SEQ: u64 = 999_999_999_999_999_999;

#[cfg(test)]
pub(in crate::store) fn backup_order(prefix: &str, name: &str) -> Option<BackupOrder> {
    parse_backup_name(prefix, name).map(|p| p.order)
}

/// What a backup's name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) struct BackupName {
    pub(in crate::store) order: BackupOrder,
    /// `.b<workshop>.<time>` after the number, or empty
    pub(in crate::store) tail: String,
    pub(in crate::store) workshop: Option<u32>,
    pub(in crate::store) time: Option<i64>,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `20261127T101010Z` as seconds since 1970.
pub(in crate::store) fn parse_name_time(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    if !all_digits(&s[..8]) || !all_digits(&s[9..15]) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().ok();
    let dt = jiff::civil::DateTime::new(
        num(0..4)?,
        num(4..6)? as i8,
        num(6..8)? as i8,
        num(9..11)? as i8,
        num(11..13)? as i8,
        num(13..15)? as i8,
        0,
    )
    .ok()?;
    Some(
        dt.to_zoned(jiff::tz::TimeZone::UTC)
            .ok()?
            .timestamp()
            .as_second(),
    )
}

pub(in crate::store) fn name_time(secs: i64) -> String {
    Timestamp::from_second(secs)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

pub(in crate::store) fn parse_backup_name(prefix: &str, name: &str) -> Option<BackupName> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".toml")?;
    let numbered = |seq: &str| {
        (seq.len() <= 18 && all_digits(seq))
            .then(|| seq.parse().ok().map(BackupOrder::Numbered))
            .flatten()
    };
    if let Some(order) = numbered(rest) {
        return Some(BackupName {
            order,
            tail: String::new(),
            workshop: None,
            time: None,
        });
    }
    // <seq>.b<workshop>.<time>
    let mut parts = rest.split('.');
    if let (Some(seq), Some(w), Some(t), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
        && let Some(order) = numbered(seq)
        && let Some(w) = w
            .strip_prefix('b')
            .filter(|w| w.len() <= 10 && all_digits(w))
        && let Ok(workshop) = w.parse::<u32>()
        && let Some(time) = parse_name_time(t)
    {
        return Some(BackupName {
            order,
            tail: rest[seq.len()..].to_string(),
            workshop: Some(workshop),
            time: Some(time),
        });
    }
    // 20261127T101010Z or 20261127T101010.123456789Z
    let b = rest.as_bytes();
    let digits = |r: &[u8]| !r.is_empty() && r.iter().all(u8::is_ascii_digit);
    let timed = b.len() >= 16
        && digits(&b[..8])
        && b[8] == b'T'
        && digits(&b[9..15])
        && b[b.len() - 1] == b'Z'
        && (b.len() == 16 || (b[15] == b'.' && digits(&b[16..b.len() - 1])));
    timed.then(|| BackupName {
        order: BackupOrder::Timed(rest.to_string()),
        tail: String::new(),
        workshop: None,
        time: None,
    })
}
