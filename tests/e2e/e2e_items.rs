//! The life of notes and action items in the real binary, in a real
//! terminal (tmux): add, open the list with `x`, mark an action done, edit
//! a note, delete a note, quit; the file keeps it all; reopening shows it.
#![cfg(unix)] // tmux drives the real binary

use wijktafel::session::ItemChangeKind;
use wijktafel::store;

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn done_edited_and_deleted_items_are_kept_and_shown_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("items", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    // an action for Woonstede, then two notes
    t.keys(&["a"]);
    t.wait_for("Actiepunt bij 1.1.1");
    t.text("Cijfers opvragen");
    t.keys(&["Tab", "2", "Enter"]);
    t.wait_for("☐ Cijfers opvragen");
    for note in ["Eerste notitie", "Tweede notitie"] {
        t.keys(&["n"]);
        t.wait_for("Notitie bij 1.1.1");
        t.text(note);
        t.keys(&["Enter"]);
        t.wait_for(&format!("• {note}"));
    }
    t.wait_file(&path, |s| {
        s.record("1.1.1").is_some_and(|r| r.notes.len() == 2)
    });

    // x: the list, newest first
    t.keys(&["x"]);
    t.wait_for("Notities en acties bij 1.1.1");
    t.wait_for("▶ • Tweede notitie");
    // the action: done
    t.keys(&["Down", "Down"]);
    t.wait_for("▶ ☐ Cijfers opvragen");
    t.keys(&["x"]);
    t.wait_for("▶ ☑ Cijfers opvragen");
    t.wait_file(&path, |s| s.open_actions().is_empty());
    // the first note: edited
    t.keys(&["Up"]);
    t.wait_for("▶ • Eerste notitie");
    t.keys(&["Enter"]);
    t.wait_for("Notitie bij 1.1.1 wijzigen");
    t.text(", aangevuld");
    t.keys(&["Enter"]);
    t.wait_for("Notitie gewijzigd — was: Eerste notitie");
    // the second note: deleted, after the question
    t.keys(&["Up"]);
    t.wait_for("▶ • Tweede notitie");
    t.keys(&["DC"]);
    t.wait_for("Deze notitie verwijderen?");
    t.keys(&["j"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1")
            .is_some_and(|r| r.notes[1].removed().is_some())
    });
    t.keys(&["Escape"]);
    // the dialog gone, not only the hint behind it: Esc then q too close
    // together reach the program as Alt+q (a flake under load)
    t.wait_gone("Notities en acties bij 1.1.1");
    t.keys(&["q"]);
    t.wait_exit();

    let s = store::load(&path).unwrap();
    let r = s.record("1.1.1").unwrap();
    let a = &r.actions[0];
    assert!(a.done);
    let done = a.done_change().expect("done with its date");
    assert_eq!(done.workshop, 1);
    assert_eq!(r.notes.len(), 2, "the deleted note is kept");
    assert_eq!(r.notes[1].text, "Tweede notitie");
    assert_eq!(r.notes[1].removed().unwrap().workshop, 1);
    assert_eq!(r.notes[0].text, "Eerste notitie, aangevuld");
    assert_eq!(r.notes[0].changes[0].kind, ItemChangeKind::Edited);
    assert_eq!(r.notes[0].changes[0].text, "Eerste notitie");
    let text = std::fs::read_to_string(&path).unwrap();
    // the removal is an event in the journal (issue 23), or in the snapshot
    assert!(
        text.contains("kind = \"removed\"") || text.contains("\"kind\":\"removed\""),
        "{text}"
    );
    drop(t);

    // reopened: the done action after the edited note's panel, the deleted note gone
    let t = Tmux::start("items2", &shell(dir.path(), "open Zuidrand"), 120, 35).unwrap();
    let screen = t.wait_for("GESPREKSPUNT 1.1.1");
    assert!(screen.contains("☑ Cijfers opvragen"), "{screen}");
    assert!(screen.contains("(klaar"), "{screen}");
    assert!(screen.contains("Eerste notitie, aangevuld"), "{screen}");
    assert!(!screen.contains("Tweede notitie"), "{screen}");
    t.keys(&["x"]);
    let list = t.wait_for("Notities en acties bij 1.1.1");
    assert!(!list.contains("Tweede notitie"), "{list}");
    // Esc and q apart: sent together, a terminal reads them as Alt+q
    t.keys(&["Escape"]);
    // the dialog gone, not only the hint behind it: Esc then q too close
    // together reach the program as Alt+q (a flake under load)
    t.wait_gone("Notities en acties bij 1.1.1");
    t.keys(&["q"]);
    t.wait_exit();
}
