//! `wijktafel framework switch SESSION FILE`: change a session's framework
//! deliberately (issue 31). Shows what changes (points reworded, added,
//! removed, and which removed points hold records), asks (or `--yes`),
//! then records the switch with its time and the earlier text in the
//! session, so the workshops held before keep the words the room saw.

use std::io::{BufRead, Write};

use super::args::{Cli, FrameworkAction};
use super::failure::Failure;
use super::launch::interactive;
use crate::framework::Framework;
use crate::framework::carried::{Adopt, Diff, Given, current_text, diff, resolve, switch};
use crate::i18n::{Lang, fill};
use crate::safe_text::{safe_line, safe_text, shell_word};
use crate::session::Session;
use crate::store::{self, SessionLock, Store};

/// Run `framework switch`.
pub fn run(cli: &Cli, given: Option<&Given>, action: &FrameworkAction) -> Result<(), Failure> {
    let FrameworkAction::Switch { session, file, yes } = action;
    let lang = cli.lang;
    let s = lang.strings();
    let store = Store::resolve(cli.dir.clone())?;
    let path = store.find(session)?;
    let _lock = SessionLock::acquire(&path)?;
    let (mut sess, mut stamp) = store::load_stamped(&path)?;
    let name = shell_word(&sess.name);
    let resolved = resolve(&sess, given).map_err(|e| Failure::Usage(e.message(&name, lang)))?;
    let old_text = match &resolved.adopt {
        Some(Adopt::Text(t)) => t.clone(),
        _ => current_text(&sess).to_string(),
    };
    let old = resolved.fw;
    let (new, new_text) =
        Framework::load_source(file).map_err(|e| Failure::Usage(e.message(lang)))?;
    if let Some(w) = sess.workshops.last()
        && w.ended.is_none()
    {
        return Err(Failure::Usage(fill(
            s.sw_open_workshop,
            &[&w.number.to_string(), &name],
        )));
    }
    if old == new {
        return say(&fill(s.sw_nothing, &[&name]));
    }
    let d = diff(&sess, &old, &new);
    say(&report(&sess, &old, &new, &d, lang))?;
    if !*yes && !confirm(lang)? {
        return say(s.sw_cancelled);
    }
    let before = sess.clone();
    let now = jiff::Timestamp::now();
    switch(&mut sess, &old_text, &new, &new_text, now);
    // the switch is an event of the journal (issue 23), written with the file
    crate::journal::commit_between(
        &before,
        &mut sess,
        now,
        Some(crate::journal::What::Framework),
    );
    let mut writer = store::TomlWriter::default();
    store::save_checked(&mut writer, &path, &sess, &mut stamp)?;
    let after = sess
        .framework_switches
        .last()
        .map_or(0, |w| w.after_workshop);
    let done = if after == 0 {
        fill(s.sw_done_none, &[&name, &new.id, &new.version])
    } else {
        fill(
            s.sw_done,
            &[&name, &new.id, &new.version, &after.to_string()],
        )
    };
    say(&done)
}

/// What the switch changes, as lines for the terminal.
pub fn report(sess: &Session, old: &Framework, new: &Framework, d: &Diff, lang: Lang) -> String {
    let s = lang.strings();
    let mut out = fill(
        s.sw_header,
        &[&sess.name, &old.id, &old.version, &new.id, &new.version],
    );
    out.push('\n');
    if !d.reworded.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            fill(s.sw_reworded, &[&d.reworded.len().to_string()])
        ));
        for (id, was, now) in &d.reworded {
            out.push_str(&format!("  {id}  {}: {was}\n", s.sw_was));
            out.push_str(&format!(
                "  {}  {}: {now}\n",
                " ".repeat(id.chars().count()),
                s.sw_now
            ));
        }
    }
    if !d.added.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            fill(s.sw_added, &[&d.added.len().to_string()])
        ));
        for (id, text) in &d.added {
            out.push_str(&format!("  {id}  {text}\n"));
        }
    }
    if !d.removed.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            fill(s.sw_removed, &[&d.removed.len().to_string()])
        ));
        for (id, text, recorded) in &d.removed {
            out.push_str(&format!("  {id}  {text}\n"));
            if *recorded {
                out.push_str(&format!(
                    "  {}  ⚠ {}\n",
                    " ".repeat(id.chars().count()),
                    s.sw_has_record
                ));
            }
        }
    }
    if d.decision_changed {
        out.push_str(&format!("\n{}\n", s.sw_decision_changed));
    }
    out
}

/// Lines for the terminal, through the filter (framework texts are the
/// file's own).
fn say(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let text = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    out.write_all(safe_text(&text).as_bytes())?;
    Ok(out.flush()?)
}

/// Ask on the terminal; without one, `--yes` is needed.
fn confirm(lang: Lang) -> Result<bool, Failure> {
    let s = lang.strings();
    if !interactive() {
        return Err(Failure::Usage(s.sw_need_yes.to_string()));
    }
    print!("{}", safe_line(s.sw_ask));
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let a = answer.trim().to_lowercase();
    Ok(matches!(a.as_str(), "j" | "ja" | "y" | "yes"))
}
