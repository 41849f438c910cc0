//! The overview over 100 sessions of 100 workshops (issue 30), measured:
//! `cargo test --release --test domain -- --ignored --nocapture overview_measure::`
//! prints the time and the peak memory of gathering them (numbers in
//! BENCHMARKS.md). Ignored in the normal run: writing 250 MB of sessions
//! and reading them back takes seconds in release and minutes in debug.

use std::time::Instant;

use wijktafel::catalog::gather;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::store::Store;

/// Peak resident memory of this process (kB), on Linux.
#[cfg(target_os = "linux")]
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(not(target_os = "linux"))]
fn peak_kb() -> Option<u64> {
    None
}

/// Start the peak over from the memory in use now (Linux: clear_refs 5).
fn reset_peak() -> bool {
    cfg!(target_os = "linux") && std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

#[test]
#[ignore = "measurement: run in release with --ignored --nocapture"]
fn the_overview_of_100_sessions_of_100_workshops() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let fw = Framework::builtin();
    let mut s = wijktafel::demo::build(&fw, 100);
    wijktafel::framework::carried::carry(&mut s, &fw, None);
    for i in 0..100 {
        s.name = format!("Wijk {i:03}");
        s.area = s.name.clone();
        store.create(&s).unwrap();
    }
    drop(s);
    let bytes: u64 = store
        .session_files()
        .unwrap()
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let today = jiff::civil::date(2026, 12, 7);
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let reset = reset_peak();
        let before = peak_kb();
        let t = Instant::now();
        let r = gather(&[dir.path().to_path_buf()], None, today, Lang::Nl);
        times.push(t.elapsed());
        assert_eq!(r.overview.areas.len(), 100);
        assert!(r.unreadable.is_empty());
        if let (true, Some(b), Some(a)) = (reset, before, peak_kb()) {
            peaks.push(a.saturating_sub(b));
        }
        drop(r);
    }
    times.sort();
    peaks.sort();
    println!(
        "100 sessions, {:.1} MB of files: gather median {:?} (min {:?}, max {:?}); peak memory above the baseline {:?} kB",
        bytes as f64 / 1e6,
        times[1],
        times[0],
        times[2],
        peaks
    );
    // the sessions are read one at a time and dropped: the peak is that of
    // one session being read, never of a hundred held together
    if let Some(p) = peaks.last() {
        assert!(*p < 50 * 1024, "peak {p} kB above the baseline");
    }
    // at most a second per session file of 2.6 MB, even on a busy machine
    assert!(times[1].as_secs() < 100, "{:?}", times[1]);
}
