//! Backups that span time (issue 14, item 10): the keep rule, a simulated
//! two-hour workshop, `wijktafel backups` and `wijktafel restore`, and the
//! Dutch `--rule` values (item 12).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use jiff::Timestamp;
use proptest::prelude::*;
use wijktafel::framework::Framework;
use wijktafel::session::{PartyId, Session};
use wijktafel::store::{
    self, BACKUPS_KEPT, BACKUPS_MAX, BackupEntry, KeptFor, SessionLock, VersionInfo,
    WINDOW_SECONDS, WORKSHOP_STARTS_KEPT, keep_rule,
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// 2026-11-27 09:00:00 UTC plus `s` seconds.
fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_795_770_000 + s).unwrap()
}

/// Inject the time a version was written (no sleeping): the file's
/// modification time, which the next save records in the backup's name.
fn written_at(path: &Path, t: Timestamp) {
    fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::from(t))
        .unwrap();
}

fn save_at(path: &Path, s: &Session, t: Timestamp) {
    store::save(path, s).unwrap();
    written_at(path, t);
}

fn parties(s: &Session) -> Vec<PartyId> {
    s.parties.iter().map(|p| p.id).collect()
}

/// A prepared session with three parties, saved at `t`.
fn prepared(fw: &Framework, path: &Path, t: Timestamp) -> Session {
    let mut s = Session::new("Simulatie", fw, t);
    s.area = "Oost".into();
    s.add_party("Gemeente", "Anna", "bestuur");
    s.add_party("Politie", "Bram", "veiligheid");
    s.add_party("Woonstichting", "Chris", "wonen");
    save_at(path, &s, t);
    s
}

/// A workshop of `minutes` minutes from `start`, a capture saved every
/// `every` seconds; the workshop ends at the last capture.
fn workshop(path: &Path, s: &mut Session, start: i64, minutes: i64, every: i64) {
    let ids = parties(s);
    s.start_workshop(&ids, ts(start));
    save_at(path, s, ts(start));
    let mut t = start;
    let mut k = 0;
    while t + every <= start + minutes * 60 {
        t += every;
        k += 1;
        let w = s.workshop_number();
        s.add_note("1.1.1", &format!("b{w} notitie {k}"), ts(t));
        save_at(path, s, ts(t));
    }
    s.end_workshop(ts(t));
    save_at(path, s, ts(t));
}

fn notes(path: &Path) -> usize {
    store::load(path)
        .unwrap()
        .points
        .get("1.1.1")
        .map_or(0, |r| r.notes.len())
}

/// The binary on UTC (the listed times are read back).
fn bin() -> Command {
    let mut c = crate::common::bin();
    c.env("TZ", "UTC");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin().arg("--dir").arg(dir).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A private store folder (no warning about its mode on stderr).
fn store_dir() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("store");
    store::ensure_dir_private(&dir).unwrap();
    (t, dir)
}

/// Every file under `dir` with its bytes, mode and modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u32, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                todo.push(p.clone());
            }
            let bytes = if m.is_file() {
                fs::read(&p).unwrap()
            } else {
                vec![]
            };
            out.insert(p, (bytes, mode_of(&m), m.modified().unwrap()));
        }
    }
    out
}

#[cfg(unix)]
fn mode_of(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> u32 {
    0
}

/// A session "Wijk Oost" in `dir` with a prepared version, a workshop of
/// 40 minutes saved every minute (so backups of every kind), ended.
fn session_with_backups(dir: &Path) -> PathBuf {
    let fw = Framework::builtin();
    let path = dir.join("wijk-oost.toml");
    let mut s = prepared(&fw, &path, ts(0));
    s.name = "Wijk Oost".into();
    save_at(&path, &s, ts(30));
    workshop(&path, &mut s, 3600, 40, 60);
    path
}

// ---------------------------------------------------------------------------
// The keep rule
// ---------------------------------------------------------------------------

fn info(time: i64, workshop: u32) -> VersionInfo {
    VersionInfo {
        time: Some(time),
        workshop: Some(workshop),
    }
}

#[test]
fn the_rule_keeps_the_last_saves_the_workshop_starts_and_one_per_window() {
    // workshop 1 from 0 s, a save every 20 s for two hours; workshop 2 a
    // month later
    let mut v: Vec<VersionInfo> = (0..360).map(|k| info(k * 20, 1)).collect();
    v.extend((0..30).map(|k| info(2_601_000 + k * 20, 2)));
    let kept = keep_rule(&v);
    assert_eq!(kept.len(), v.len());
    // the newest ten
    for k in &kept[v.len() - BACKUPS_KEPT..] {
        assert!(k.recent);
    }
    // the start of each workshop: its first version
    assert_eq!(kept[0].workshop_start, Some(1));
    assert_eq!(kept[360].workshop_start, Some(2));
    assert_eq!(
        kept.iter().filter(|k| k.workshop_start.is_some()).count(),
        2
    );
    // one per ten minutes: the first of each window (every 30th save)
    for (i, k) in kept.iter().enumerate().take(360) {
        assert_eq!(k.window, i % 30 == 0, "version {i}");
    }
    // 12 windows of workshop 1, 1 of workshop 2 (its 30 saves span 10 min)
    assert_eq!(kept.iter().filter(|k| k.window).count(), 13);
    assert_eq!(kept.iter().filter(|k| k.kept()).count(), 12 + 1 + 10);
}

#[test]
fn the_rule_orders_by_the_program_not_by_the_clock() {
    // the clock jumps to 2099 and back: the newest versions are kept, and
    // the versions in the future do not push out today's windows
    let mut v: Vec<VersionInfo> = (0..30).map(|k| info(k * 600, 1)).collect();
    v.extend((0..5).map(|k| info(4_070_908_800 + k * 600, 1)));
    v.extend((30..60).map(|k| info(k * 600, 1)));
    let kept = keep_rule(&v);
    for k in &kept[v.len() - BACKUPS_KEPT..] {
        assert!(k.recent);
    }
    // the 20 newest windows by position are those of the last 20 versions
    let windows: Vec<usize> = (0..v.len()).filter(|&i| kept[i].window).collect();
    assert_eq!(windows, (v.len() - 20..v.len()).collect::<Vec<_>>());
    // unknown time or workshop (older backups): kept as last saves only
    let v = vec![VersionInfo::default(); 15];
    let kept = keep_rule(&v);
    assert_eq!(
        kept.iter().filter(|k| k.kept()).count(),
        BACKUPS_KEPT,
        "{kept:?}"
    );
    assert!(kept[..5].iter().all(|k| *k == KeptFor::default()));
}

#[test]
fn a_long_programme_keeps_the_starts_of_the_last_workshops() {
    // 40 workshops, a month apart, 30 saves each a minute apart
    let mut v = Vec::new();
    for w in 1..=40u32 {
        for k in 0..30 {
            v.push(info(i64::from(w) * 2_600_000 + k * 60, w));
        }
    }
    let kept = keep_rule(&v);
    let starts: Vec<u32> = kept.iter().filter_map(|k| k.workshop_start).collect();
    let want: Vec<u32> = (41 - WORKSHOP_STARTS_KEPT as u32..=40).collect();
    assert_eq!(starts, want);
    assert!(kept.iter().filter(|k| k.kept()).count() <= BACKUPS_MAX);
    assert_eq!(BACKUPS_MAX, 40);
}

/// Prune one version at a time, as saves do: keep what the rule keeps of
/// the survivors after each new version.
fn incremental(v: &[VersionInfo]) -> Vec<usize> {
    let mut alive: Vec<usize> = Vec::new();
    for i in 0..v.len() {
        alive.push(i);
        let infos: Vec<VersionInfo> = alive.iter().map(|&j| v[j]).collect();
        let kept = keep_rule(&infos);
        alive = alive
            .into_iter()
            .zip(kept)
            .filter(|(_, k)| k.kept())
            .map(|(j, _)| j)
            .collect();
        assert!(alive.len() <= BACKUPS_MAX, "{} backups", alive.len());
        assert_eq!(alive.last(), Some(&i), "the newest was pruned");
    }
    alive
}

fn versions(monotone: bool) -> impl Strategy<Value = Vec<VersionInfo>> {
    let step = (0i64..2_000, 0u32..2, any::<bool>(), any::<bool>());
    prop::collection::vec(step, 0..400).prop_map(move |steps| {
        let (mut t, mut w) = (1_700_000_000i64, 0u32);
        steps
            .into_iter()
            .map(|(dt, dw, known, back)| {
                if monotone || !back {
                    t += dt * dt / 50; // mostly short gaps, some of days
                    w += dw * u32::from(dt % 7 == 0);
                } else {
                    t -= dt * 1_000; // the clock set back
                    w = w.saturating_sub(dw); // a restore of an older version
                }
                if known || monotone {
                    info(t, w)
                } else {
                    VersionInfo::default()
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Whatever the clock and the workshops do: at most 40 backups, the
    /// newest ten always kept, every reason given only where it holds.
    #[test]
    fn the_rule_is_bounded_and_keeps_the_newest(v in versions(false)) {
        let kept = keep_rule(&v);
        prop_assert_eq!(kept.len(), v.len());
        prop_assert!(kept.iter().filter(|k| k.kept()).count() <= BACKUPS_MAX);
        for (i, k) in kept.iter().enumerate() {
            prop_assert_eq!(k.recent, i + BACKUPS_KEPT >= v.len());
            if let Some(w) = k.workshop_start {
                // the first version of that workshop
                prop_assert_eq!(v[i].workshop, Some(w));
                prop_assert!(v[..i].iter().all(|x| x.workshop != Some(w)));
            }
            if k.window {
                let win = v[i].time.unwrap().div_euclid(WINDOW_SECONDS);
                prop_assert!(v[..i].iter().all(|x| x.time.map(|t| t.div_euclid(WINDOW_SECONDS)) != Some(win)));
            }
        }
        // pruning after every save never exceeds the bound nor drops the newest
        incremental(&v);
    }

    /// With a clock that runs forward, pruning after every save keeps exactly
    /// what the rule keeps of the whole history: nothing is lost by pruning
    /// early that the rule would have kept.
    #[test]
    fn pruning_save_by_save_equals_the_rule_over_all_versions(v in versions(true)) {
        let whole: Vec<usize> = keep_rule(&v)
            .iter()
            .enumerate()
            .filter(|(_, k)| k.kept())
            .map(|(i, _)| i)
            .collect();
        prop_assert_eq!(incremental(&v), whole);
    }
}

// ---------------------------------------------------------------------------
// A simulated workshop on disk
// ---------------------------------------------------------------------------

/// The report: a two-hour workshop, a save every 20 seconds. The
/// backups keep the start, one version per ten minutes and the last saves,
/// so a mistake from ten minutes (or an hour) ago can be undone.
#[test]
fn a_two_hour_workshop_keeps_its_start_and_one_backup_per_ten_minutes() {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sim.toml");
    let mut s = prepared(&fw, &path, ts(0));
    let start = 600;
    workshop(&path, &mut s, start, 120, 20);
    let list = store::list_backups(&path).unwrap();
    let names: Vec<String> = list
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // 1 prepared, 1 start, 360 captures, 1 end: 362 replaced versions
    assert!(list.len() <= 1 + 13 + BACKUPS_KEPT, "{names:#?}");
    assert!(list.len() >= 12 + BACKUPS_KEPT, "{names:#?}");
    // numbered newest first, from 1
    for (i, e) in list.iter().enumerate() {
        assert_eq!(e.number, i + 1);
        assert!(e.kept_for.kept(), "{e:?}");
    }
    // the start of workshop 1: the version saved when it began
    let starts: Vec<&BackupEntry> = list
        .iter()
        .filter(|e| e.kept_for.workshop_start.is_some())
        .collect();
    assert_eq!(starts.len(), 1, "{names:#?}");
    assert_eq!(starts[0].kept_for.workshop_start, Some(1));
    assert_eq!(starts[0].time, Some(ts(start)));
    let at_start = store::load(&starts[0].path).unwrap();
    assert_eq!(at_start.workshops.len(), 1);
    assert_eq!(notes(&starts[0].path), 0);
    // before it: the prepared session (before workshop 1)
    let oldest = list.last().unwrap();
    assert_eq!(oldest.workshop, Some(0));
    assert!(store::load(&oldest.path).unwrap().workshops.is_empty());
    // one version in every ten minutes of the workshop, the first of each
    for m in (0..120).step_by(10) {
        let from = ts(start + m * 60);
        let to = ts(start + m * 60 + 600);
        let in_window: Vec<&BackupEntry> = list
            .iter()
            .filter(|e| e.time.is_some_and(|t| t >= from && t < to))
            .collect();
        assert!(!in_window.is_empty(), "no backup in minute {m}–{}", m + 10);
        let first = in_window.last().unwrap();
        assert!(first.kept_for.window, "minute {m}: {first:?}");
        assert_eq!(in_window.iter().filter(|e| e.kept_for.window).count(), 1);
    }
    // the last ten saves, in order: the newest backup is the version the
    // last save replaced
    let recent: Vec<usize> = list[..BACKUPS_KEPT]
        .iter()
        .map(|e| notes(&e.path))
        .collect();
    assert_eq!(
        recent,
        vec![360, 359, 358, 357, 356, 355, 354, 353, 352, 351]
    );
    // ten minutes ago is there: the state of 10 minutes before the end
    let ten_ago = ts(start + 110 * 60);
    assert!(
        list.iter()
            .any(|e| e.time == Some(ten_ago) && notes(&e.path) == 330),
        "{names:#?}"
    );
    // every backup is a whole, loadable version, private
    for e in &list {
        store::load(&e.path).unwrap();
        #[cfg(unix)]
        assert_eq!(mode_of(&fs::metadata(&e.path).unwrap()), 0o600);
    }
}

/// Two workshops: each one's start stays, and the older workshop still has
/// its ten-minute versions while they fit in the newest twenty windows.
#[test]
fn each_workshop_keeps_its_start() {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twee.toml");
    let mut s = prepared(&fw, &path, ts(0));
    workshop(&path, &mut s, 600, 120, 20);
    workshop(&path, &mut s, 30 * 86_400, 120, 20);
    let list = store::list_backups(&path).unwrap();
    assert!(list.len() <= BACKUPS_MAX);
    let starts: BTreeMap<u32, &BackupEntry> = list
        .iter()
        .filter_map(|e| Some((e.kept_for.workshop_start?, e)))
        .collect();
    assert_eq!(starts.keys().copied().collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(starts[&1].time, Some(ts(600)));
    assert_eq!(starts[&2].time, Some(ts(30 * 86_400)));
    let w2 = store::load(&starts[&2].path).unwrap();
    assert_eq!(w2.workshops.len(), 2);
    assert_eq!(w2.points["1.1.1"].notes.len(), 360, "workshop 1 whole");
    // the second workshop's 12 windows and 8 of the first's
    assert_eq!(list.iter().filter(|e| e.kept_for.window).count(), 20);
}

/// Backups of the previous release (`<stem>.<number>.toml`) and of the
/// first one (time-named) are still listed, in order, and pruned by the
/// same rule; new ones carry the workshop and time in their name.
#[test]
fn older_backup_names_are_still_listed_and_ordered() {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oud.toml");
    let mut s = prepared(&fw, &path, ts(0));
    let bdir = dir.path().join("backups");
    fs::create_dir(&bdir).unwrap();
    let mut older = s.clone();
    older.area = "eerder".into();
    fs::write(
        bdir.join("oud.20260101T100000Z.toml"),
        store::to_toml(&older),
    )
    .unwrap();
    older.area = "later".into();
    fs::write(bdir.join("oud.0000000007.toml"), store::to_toml(&older)).unwrap();
    written_at(&bdir.join("oud.0000000007.toml"), ts(-3600));
    s.add_note("1.1.1", "nieuw", ts(60));
    save_at(&path, &s, ts(60));
    let list = store::list_backups(&path).unwrap();
    let names: Vec<String> = list
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec![
            "oud.0000000008.b0.20261127T090000Z.toml",
            "oud.0000000007.toml",
            "oud.20260101T100000Z.toml",
        ]
    );
    assert_eq!(list[1].time, Some(ts(-3600)), "time of the file");
    assert_eq!(list[1].workshop, None);
    assert_eq!(
        list[2].time,
        Some(Timestamp::from_second(1_767_261_600).unwrap())
    );
}

/// At the end of the numbering the backups are renumbered 1, 2, … and keep
/// their workshop and time.
#[test]
fn renumbering_keeps_the_workshop_and_time_in_the_name() {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    let mut s = prepared(&fw, &path, ts(0));
    let bdir = dir.path().join("backups");
    fs::create_dir(&bdir).unwrap();
    let mut older = s.clone();
    older.area = "eerder".into();
    fs::write(
        bdir.join("r.999999999999999999.b2.20261127T083000Z.toml"),
        store::to_toml(&older),
    )
    .unwrap();
    s.add_note("1.1.1", "x", ts(60));
    save_at(&path, &s, ts(60));
    let names: Vec<String> = store::list_backups(&path)
        .unwrap()
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "r.0000000002.b0.20261127T090000Z.toml",
            "r.0000000001.b2.20261127T083000Z.toml"
        ]
    );
}

// ---------------------------------------------------------------------------
// wijktafel backups
// ---------------------------------------------------------------------------

/// The cells of an aligned output line (columns are two or more spaces apart).
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn backups_lists_number_time_workshop_reason_size_and_content() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let out = run(&dir, &["backups", "Wijk Oost"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Reservekopieën van Wijk Oost (")
            && lines[0].contains("wijk-oost.toml"),
        "{text}"
    );
    assert_eq!(
        cells(lines[2]),
        [
            "NR",
            "DATUM EN TIJD",
            "BIJEENKOMST",
            "BEWAARD ALS",
            "GROOTTE",
            "INHOUD"
        ]
    );
    // 43 replaced versions: 2 before the workshop, its start, 40 captures;
    // kept: the last 10, the start, the first of each ten minutes
    let list = store::list_backups(&path).unwrap();
    assert_eq!(list.len(), 15, "{text}");
    let rows: Vec<Vec<String>> = lines[3..3 + list.len()].iter().map(|l| cells(l)).collect();
    let holds = |notes: usize| {
        format!("punten vastgelegd: 0, notities: {notes}, acties: 0, go/no-go: nog geen besluit")
    };
    // newest first: the version before the workshop ended (40 notes)
    assert_eq!(
        rows[0][..4],
        [
            "1",
            "2026-11-27 10:40",
            "bijeenkomst 1",
            "elke 10 minuten, laatste opslagen"
        ]
    );
    assert!(
        rows[0][4].ends_with(" kB") && rows[0][4].contains(','),
        "{text}"
    );
    assert_eq!(rows[0][5], holds(40));
    assert_eq!(
        rows[1][..4],
        ["2", "2026-11-27 10:39", "bijeenkomst 1", "laatste opslagen"]
    );
    assert_eq!(
        rows[10][..4],
        ["11", "2026-11-27 10:30", "bijeenkomst 1", "elke 10 minuten"]
    );
    assert_eq!(
        rows[12][..4],
        ["13", "2026-11-27 10:10", "bijeenkomst 1", "elke 10 minuten"]
    );
    assert_eq!(rows[12][5], holds(10));
    assert_eq!(
        rows[13][..4],
        [
            "14",
            "2026-11-27 10:00",
            "bijeenkomst 1",
            "begin bijeenkomst 1, elke 10 minuten"
        ]
    );
    assert_eq!(rows[13][5], holds(0));
    // the oldest: the prepared session, before workshop 1
    assert_eq!(
        rows[14][..4],
        [
            "15",
            "2026-11-27 09:00",
            "vóór bijeenkomst 1",
            "elke 10 minuten"
        ]
    );
    assert!(
        lines
            .last()
            .unwrap()
            .contains("wijktafel restore \"Wijk Oost\" NR (de huidige versie wordt eerst bewaard)"),
        "{text}"
    );
    // English
    let out = run(&dir, &["--lang", "en", "backups", "wijk-oost.toml"]);
    let en = stdout(&out);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(
        cells(lines[2]),
        [
            "NO",
            "DATE AND TIME",
            "WORKSHOP",
            "KEPT AS",
            "SIZE",
            "HOLDS"
        ]
    );
    assert_eq!(
        cells(lines[16])[..4],
        [
            "14",
            "2026-11-27 10:00",
            "workshop 1",
            "start of workshop 1, every 10 minutes"
        ]
    );
    assert!(cells(lines[3])[4].contains('.'), "{en}");
    assert!(
        en.contains("points captured: 0, notes: 40, actions: 0, go/no-go: no decision yet"),
        "{en}"
    );
    assert!(
        en.contains("before workshop 1") && en.contains("last saves"),
        "{en}"
    );
    assert!(en.contains("wijktafel restore wijk-oost.toml NO"), "{en}");
    for dutch in ["bijeenkomst", "opslagen", "notities", "Reservekopie"] {
        assert!(!en.contains(dutch), "{dutch}: {en}");
    }
}

/// Backups that begin in the middle of a workshop (made by an older
/// version, or a session copied in) do not claim to be its start.
#[test]
fn a_first_backup_from_the_middle_of_a_workshop_is_not_called_its_start() {
    let (_t, dir) = store_dir();
    let fw = Framework::builtin();
    let path = dir.join("demo.toml");
    let mut s = wijktafel::demo::build(&fw, 2);
    save_at(&path, &s, ts(0));
    s.add_note("2.1.2", "nog een", ts(60));
    save_at(&path, &s, ts(60));
    s.add_note("2.1.2", "en nog een", ts(120));
    save_at(&path, &s, ts(120));
    let out = run(&dir, &["backups", "demo.toml"]);
    let text = stdout(&out);
    let rows: Vec<Vec<String>> = text.lines().skip(3).take(2).map(cells).collect();
    assert_eq!(
        rows[1][2..4],
        [
            "bijeenkomst 2",
            "eerste van bijeenkomst 2, elke 10 minuten, laatste opslagen"
        ],
        "{text}"
    );
    assert_eq!(rows[0][3], "laatste opslagen", "{text}");
    assert!(!text.contains("begin bijeenkomst"), "{text}");
}

#[test]
fn backups_writes_nothing_and_takes_no_lock() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let before = tree(&dir);
    for args in [
        vec!["backups", "Wijk Oost"],
        vec!["backups", path.to_str().unwrap()],
        vec!["--lang", "en", "backups", "wijk-oost.toml"],
    ] {
        let out = run(&dir, &args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(tree(&dir), before, "backups changed the store");
    assert!(!SessionLock::path_for(&path).exists());
    // and it works while the session is open elsewhere
    let lock = SessionLock::acquire(&path).unwrap();
    let out = run(&dir, &["backups", "Wijk Oost"]);
    assert!(out.status.success(), "{}", stderr(&out));
    drop(lock);
    // a session without backups says so
    let fresh = dir.join("nieuw.toml");
    let fw = Framework::builtin();
    prepared(&fw, &fresh, ts(0));
    let out = run(&dir, &["backups", "nieuw.toml"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("heeft nog geen reservekopieën"),
        "{}",
        stdout(&out)
    );
    assert!(!dir.join("backups").join("nieuw.0000000001.toml").exists());
}

// ---------------------------------------------------------------------------
// wijktafel restore
// ---------------------------------------------------------------------------

#[test]
fn restore_keeps_the_current_file_first_and_can_be_undone() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let current = fs::read(&path).unwrap();
    let list = store::list_backups(&path).unwrap();
    let start = list
        .iter()
        .find(|e| e.kept_for.workshop_start == Some(1))
        .unwrap();
    let want = fs::read(&start.path).unwrap();
    let n = start.number.to_string();
    let out = run(&dir, &["restore", "Wijk Oost", &n]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), want, "the backup's content");
    // the replaced version is now backup 1, and the message says so
    let after = store::list_backups(&path).unwrap();
    assert_eq!(fs::read(&after[0].path).unwrap(), current);
    let msg = stdout(&out);
    assert!(
        msg.contains(&format!(
            "is teruggezet naar reservekopie {n} (2026-11-27 10:00, bijeenkomst 1)"
        )),
        "{msg}"
    );
    assert!(
        msg.contains("bewaard als reservekopie 1 (de andere reservekopieën hebben daardoor een nieuw nummer); ongedaan maken: wijktafel restore \"Wijk Oost\" 1"),
        "{msg}"
    );
    assert!(!SessionLock::path_for(&path).exists(), "no lock file left");
    #[cfg(unix)]
    assert_eq!(mode_of(&fs::metadata(&path).unwrap()), 0o600);
    // undo
    let out = run(&dir, &["restore", "Wijk Oost", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), current, "undone");
    // restoring what the file already holds changes nothing (backup 2 is
    // the version before the first restore, backup 1 the one before the undo)
    let list = store::list_backups(&path).unwrap();
    assert_eq!(fs::read(&list[0].path).unwrap(), want);
    assert_eq!(fs::read(&list[1].path).unwrap(), current);
    let before = tree(&dir);
    let out = run(&dir, &["--lang", "en", "restore", "wijk-oost.toml", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("already equals backup 2"),
        "{}",
        stdout(&out)
    );
    assert_eq!(tree(&dir), before);
}

#[test]
fn restore_is_refused_while_the_session_is_open() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let lock = SessionLock::acquire(&path).unwrap();
    let before = tree(&dir);
    let out = run(&dir, &["restore", "Wijk Oost", "3"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("is al geopend door pid {}", std::process::id())),
        "{err}"
    );
    assert_eq!(tree(&dir), before, "nothing written, no backup made");
    drop(lock);
}

#[test]
fn restore_of_a_number_that_does_not_exist_says_how_many_there_are() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let count = store::list_backups(&path).unwrap().len();
    let before = tree(&dir);
    for n in [count + 1, 0, 999_999] {
        let out = run(&dir, &["restore", "Wijk Oost", &n.to_string()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("reservekopie {n} bestaat niet"))
                && err.contains(&format!("heeft er {count} (1 = de nieuwste)"))
                && err.contains("wijktafel backups \"Wijk Oost\""),
            "{err}"
        );
    }
    let out = run(&dir, &["--lang", "en", "restore", "Wijk Oost", "99"]);
    assert!(
        stderr(&out).contains("backup 99 does not exist"),
        "{}",
        stderr(&out)
    );
    assert_eq!(tree(&dir), before);
}

#[test]
fn a_damaged_or_newer_backup_is_refused_and_the_session_untouched() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let list = store::list_backups(&path).unwrap();
    let victim = &list[2];
    for (bad, says) in [
        (&b"format_version = 1\nname = \"kapot"[..], "beschadigd"),
        (
            &b"format_version = 99\nname = \"x\"\n"[..],
            "nieuwere wijktafel",
        ),
        (&b"\xff\xfe"[..], "beschadigd"),
    ] {
        fs::write(&victim.path, bad).unwrap();
        let before = tree(&dir);
        let out = run(&dir, &["restore", "Wijk Oost", "3"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("reservekopie 3 wordt niet teruggezet") && err.contains(says),
            "{err}"
        );
        assert!(err.contains("is niet aangeraakt"), "{err}");
        assert_eq!(tree(&dir), before, "nothing written");
        // the listing shows it as damaged, with its number
        let out = run(&dir, &["backups", "Wijk Oost"]);
        assert!(stdout(&out).contains("⚠ niet te laden"), "{}", stdout(&out));
    }
}

/// A damaged session file is what a restore is for: it is kept as a backup
/// (never lost) and replaced.
#[test]
fn a_damaged_session_file_can_be_restored() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let good = fs::read(&store::list_backups(&path).unwrap()[0].path).unwrap();
    fs::write(&path, "format_version = 1\nname = \"half").unwrap();
    let out = run(&dir, &["restore", "wijk-oost.toml", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), good);
    let kept = store::list_backups(&path).unwrap();
    assert_eq!(
        fs::read(&kept[0].path).unwrap(),
        b"format_version = 1\nname = \"half"
    );
}

/// A session file deleted by mistake: its backups are still listed, and a
/// restore brings it back.
#[test]
fn a_deleted_session_file_is_brought_back() {
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let newest = fs::read(&store::list_backups(&path).unwrap()[0].path).unwrap();
    fs::remove_file(&path).unwrap();
    let out = run(&dir, &["backups", "Wijk Oost"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("laatste opslagen"),
        "{}",
        stdout(&out)
    );
    let out = run(&dir, &["restore", "Wijk Oost", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "wijk-oost.toml is teruggezet naar reservekopie 1 (2026-11-27 10:40, bijeenkomst 1)."
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(fs::read(&path).unwrap(), newest);
    #[cfg(unix)]
    assert_eq!(mode_of(&fs::metadata(&path).unwrap()), 0o600);
    // a name that never existed is still not found
    let out = run(&dir, &["restore", "Wijk West", "1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("geen sessie gevonden"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn restore_never_follows_a_symlink() {
    use std::os::unix::fs::symlink;
    let (t, dir) = store_dir();
    let path = session_with_backups(&dir);
    let outside = t.path().join("buiten");
    fs::create_dir(&outside).unwrap();

    // a session file that is a symlink to a file elsewhere
    let target = outside.join("echt.toml");
    fs::copy(&path, &target).unwrap();
    let link = dir.join("link.toml");
    symlink(&target, &link).unwrap();
    fs::create_dir_all(dir.join("backups")).unwrap();
    let first = store::list_backups(&path).unwrap()[0].path.clone();
    fs::copy(
        &first,
        dir.join("backups/link.0000000001.b1.20261127T090000Z.toml"),
    )
    .unwrap();
    let before = fs::read(&target).unwrap();
    let out = run(&dir, &["restore", link.to_str().unwrap(), "1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("symbolische koppeling"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&target).unwrap(), before);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // a backup that is a symlink (to a valid session elsewhere) is not ours:
    // not listed, not restored
    let count = store::list_backups(&path).unwrap().len();
    let evil = outside.join("evil.toml");
    fs::copy(&first, &evil).unwrap();
    symlink(
        &evil,
        dir.join("backups/wijk-oost.0000009999.b1.20261127T110000Z.toml"),
    )
    .unwrap();
    assert_eq!(store::list_backups(&path).unwrap().len(), count);
    let out = run(&dir, &["backups", "Wijk Oost"]);
    assert!(!stdout(&out).contains("11:00"), "{}", stdout(&out));

    // a symlinked backups/ folder: refused, the folder behind it untouched
    let (_t2, dir2) = store_dir();
    let path2 = dir2.join("wijk-oost.toml");
    fs::copy(&path, &path2).unwrap();
    let elsewhere = outside.join("kopieen");
    fs::create_dir(&elsewhere).unwrap();
    fs::copy(
        &first,
        elsewhere.join("wijk-oost.0000000001.b1.20261127T090000Z.toml"),
    )
    .unwrap();
    symlink(&elsewhere, dir2.join("backups")).unwrap();
    let before2 = (fs::read(&path2).unwrap(), tree(&elsewhere));
    for args in [
        vec!["restore", "Wijk Oost", "1"],
        vec!["backups", "Wijk Oost"],
    ] {
        let out = run(&dir2, &args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("symbolische koppeling"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!((fs::read(&path2).unwrap(), tree(&elsewhere)), before2);
}

/// The restored file and the kept current version are private (0600), also
/// under a permissive umask and when the file had been opened up by hand.
#[cfg(unix)]
#[test]
fn restored_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_t, dir) = store_dir();
    let path = session_with_backups(&dir);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000 && exec '{}' --dir '{}' restore 'Wijk Oost' 5",
            env!("CARGO_BIN_EXE_wijktafel"),
            dir.display()
        ))
        .env_remove("WIJKTAFEL_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode_of(&fs::metadata(&path).unwrap()), 0o600);
    for e in store::list_backups(&path).unwrap() {
        assert_eq!(mode_of(&fs::metadata(&e.path).unwrap()), 0o600, "{e:?}");
    }
}

// ---------------------------------------------------------------------------
// --rule in Dutch (issue 14, item 12)
// ---------------------------------------------------------------------------

#[test]
fn the_decision_rule_reads_in_dutch_and_old_scripts_still_work() {
    let (_t, dir) = store_dir();
    for (name, value) in [("A", "meerderheid"), ("B", "majority"), ("C", "consensus")] {
        let out = run(&dir, &["new", name, "--rule", value, "--no-open"]);
        assert!(out.status.success(), "{value}: {}", stderr(&out));
    }
    let kind = |f: &str| store::load(&dir.join(f)).unwrap().rule.kind;
    use wijktafel::vote::RuleKind;
    assert_eq!(kind("a.toml"), RuleKind::Majority);
    assert_eq!(kind("b.toml"), RuleKind::Majority);
    assert_eq!(kind("c.toml"), RuleKind::Consensus);
    // the file keeps its spelling: older versions read it
    assert!(
        fs::read_to_string(dir.join("a.toml"))
            .unwrap()
            .contains("kind = \"majority\"")
    );
    let help = stdout(&run(&dir, &["new", "--help"]));
    let rule: String = help
        .lines()
        .skip_while(|l| !l.contains("--rule"))
        .take_while(|l| !l.contains("--quorum"))
        .collect();
    assert!(rule.contains("meerderheid (meer Go dan No-go)"), "{rule}");
    assert!(!rule.to_lowercase().contains("majority"), "{rule}");
    assert!(
        !rule.contains("GO when") && !rule.contains("Possible values"),
        "{rule}"
    );
    let out = run(&dir, &["new", "D", "--rule", "unanimity", "--no-open"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("consensus, meerderheid"),
        "{}",
        stderr(&out)
    );
}
