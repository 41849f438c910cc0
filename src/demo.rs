//! A realistic, clearly fictional demo session: the neighbourhood "De Horst"
//! in "Voorbeeldstad". Deterministic: the same `workshops` gives the same
//! session, byte for byte, so tests and benchmarks can rely on it.

use jiff::civil::{Date, date};
use jiff::{Span, Timestamp};

use crate::framework::Framework;
use crate::session::{PartyId, Session, Stance, Status};
use crate::vote::{Ballot, Choice, Closing, DecisionRule, FollowUp, Route, Vote};

/// Name of the demo session (a fresh copy gets a suffix).
pub const DEMO_NAME: &str = "Demo De Horst";

/// Most workshops the generator makes.
pub const MAX_WORKSHOPS: u32 = 100;

const PARTIES: [(&str, &str, &str); 7] = [
    (
        "Gemeente Voorbeeldstad",
        "Marieke Jansen",
        "bestuur en beleid",
    ),
    ("Woonstichting De Linde", "Karim El Amrani", "wonen"),
    ("Politie Voorbeeldstad", "Sandra de Boer", "veiligheid"),
    (
        "Stichting Basisonderwijs De Horst",
        "Pieter van Dijk",
        "onderwijs",
    ),
    ("Wijkteam Zorg & Welzijn", "Fatma Yılmaz", "zorg en welzijn"),
    ("Bewonersplatform De Horst", "Jan Bakker", "bewoners"),
    ("Ministerie van BZK", "Eva Mulder", "Rijk"),
];

/// Time of day (UTC) a workshop starts: 13:00 UTC = 14:00 in Dutch winter time.
fn at(d: Date, minutes: i64) -> Timestamp {
    d.at(13, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("valid date")
        .timestamp()
        .checked_add(Span::new().minutes(minutes))
        .expect("in range")
}

/// Build the demo session with `workshops` workshops (clamped to 2..=100).
/// The last workshop is still in progress, so opening it continues there.
pub fn build(fw: &Framework, workshops: u32) -> Session {
    let workshops = workshops.clamp(2, MAX_WORKSHOPS);
    let d1 = date(2026, 9, 14);
    let mut s = Session::new(DEMO_NAME, fw, at(d1, -30 * 24 * 60));
    // the built-in framework by reference (an own one gets its text from the caller)
    crate::framework::carried::carry(&mut s, fw, None);
    s.area = "De Horst".into();
    s.municipality = "Voorbeeldstad (fictief)".into();
    s.facilitator = "Lotte Visser (procesbegeleider)".into();
    s.rule = DecisionRule::default();
    let ids: Vec<PartyId> = PARTIES
        .iter()
        .map(|(o, r, d)| s.add_party(o, r, d))
        .collect();
    let [gem, woon, pol, ond, zorg, bew, bzk] = ids[..] else {
        unreachable!()
    };

    // ---- Workshop 1: orientation, steps 1.1–1.3 --------------------------
    start(&mut s, d1);
    s.set_present(bzk, false, at(d1, 0));
    s.current_workshop_mut().unwrap().in_orientation = true;
    let mut t = 5;
    let mut tick = || {
        t += 4;
        at(d1, t)
    };
    agree_all(&mut s, "1.1.1", &[gem, woon, pol, ond, zorg, bew], tick());
    s.set_status("1.1.1", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.1.1",
        "Armoede en schulden stapelen zich op in de flats aan de Lindelaan; het wijkteam ziet vooral achter-de-voordeur-problemen die laat in beeld komen.\nPolitie noemt overlast van jongeren rond het winkelcentrum.",
        tick(),
    );
    s.add_action(
        "1.1.1",
        "Cijfers armoede en schuldhulp per buurt aanleveren",
        Some(gem),
        Some(date(2026, 10, 5)),
        tick(),
    );
    s.set_stance("1.1.2", gem, Stance::Agree, None, tick());
    s.set_stance(
        "1.1.2",
        woon,
        Stance::Reservations,
        Some("renovatieplanning ligt al vast tot 2029"),
        tick(),
    );
    s.set_status("1.1.2", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.1.2",
        "Renovatie van 420 woningen en de aardgasvrij-opgave vallen samen; bewoners krijgen veel tegelijk over zich heen.",
        tick(),
    );
    s.set_stance(
        "1.1.3",
        bew,
        Stance::Agree,
        Some("mensen durven 's avonds niet over het plein"),
        tick(),
    );
    s.set_stance(
        "1.1.3",
        pol,
        Stance::Reservations,
        Some("meldingen dalen, gevoel van onveiligheid niet"),
        tick(),
    );
    s.set_status("1.1.3", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.1.3",
        "Bewonersplatform: ‘we voelen ons niet gehoord’. Signalen van drugshandel vanuit twee portiekflats.",
        tick(),
    );
    s.set_status(
        "1.1.4",
        Status::Skipped,
        vec![],
        "niet van toepassing: er is al sprake van urgente problemen",
        tick(),
    );
    s.set_stance("1.2.1", gem, Stance::Agree, None, tick());
    s.set_stance(
        "1.2.1",
        ond,
        Stance::Disagree,
        Some("de cijfers missen de schooladviezen en het verzuim"),
        tick(),
    );
    s.set_status(
        "1.2.1",
        Status::Dissent,
        vec![ond],
        "onderwijs vindt de wijkanalyse onvolledig zonder onderwijsdata",
        tick(),
    );
    s.add_note(
        "1.2.1",
        "Wijkmonitor 2025 laat een dalende lijn zien sinds 2018, vooral in het noordelijk deel.",
        tick(),
    );
    s.add_action(
        "1.2.1",
        "Onderwijsdata (schooladvies, verzuim) toevoegen aan de wijkanalyse",
        Some(ond),
        Some(date(2026, 10, 9)),
        tick(),
    );
    s.set_status("1.2.2", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.2.2",
        "Duidingssessie met wijkagent, jongerenwerk en corporatie gepland.",
        tick(),
    );
    s.set_status("1.2.3", Status::Consensus, vec![], "", tick());
    s.set_stance(
        "1.3.1",
        bew,
        Stance::Disagree,
        Some("alleen de bekende gezichten zijn gesproken"),
        tick(),
    );
    s.set_status(
        "1.3.1",
        Status::Dissent,
        vec![bew],
        "bewoners missen contact met jongeren en nieuwkomers",
        tick(),
    );
    s.add_action(
        "1.3.1",
        "Drie keukentafelgesprekken met jongeren en nieuwkomers organiseren",
        Some(zorg),
        Some(date(2026, 10, 10)),
        tick(),
    );
    s.cursor = "1.3.2".into();
    s.end_workshop(at(d1, 120));

    // ---- Workshop 2: orientation completed, GO, block 2 begun -----------
    let d2 = date(2026, 10, 12);
    start(&mut s, d2);
    s.current_workshop_mut().unwrap().in_orientation = true;
    let mut t = 5;
    let mut tick = || {
        t += 4;
        at(d2, t)
    };
    s.set_status("1.3.1", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.3.1",
        "Keukentafelgesprekken gehouden: 23 bewoners, waarvan 9 jongeren. Het beeld van de probleemdefinitie wordt herkend.",
        tick(),
    );
    s.set_status("1.3.2", Status::Consensus, vec![], "", tick());
    s.set_status("1.4.1", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.4.1",
        "Moskee, voetbalvereniging VV De Horst en de voedselbank ontbreken nog in de inventarisatie.",
        tick(),
    );
    s.set_status("1.4.3", Status::Consensus, vec![], "", tick());
    s.set_stance(
        "1.4.5",
        gem,
        Stance::Reservations,
        Some("geen capaciteit voor mediamonitoring"),
        tick(),
    );
    s.set_status(
        "1.4.5",
        Status::Skipped,
        vec![],
        "wordt meegenomen in het communicatieplan van blok 3",
        tick(),
    );
    for p in [gem, woon, pol, ond, zorg, bew, bzk] {
        s.set_stance("1.5.1", p, Stance::Agree, None, tick());
    }
    s.set_status("1.5.1", Status::Consensus, vec![], "", tick());
    s.set_stance(
        "1.5.3",
        woon,
        Stance::Reservations,
        Some("financiering na 2030 onzeker"),
        tick(),
    );
    s.set_status("1.5.3", Status::Consensus, vec![], "", tick());
    s.add_note(
        "1.5.3",
        "Randvoorwaarden: gezamenlijke programmaorganisatie, een onafhankelijke procesregisseur en een meerjarig budget.",
        tick(),
    );
    // the vote
    let present: Vec<PartyId> = s.current_workshop().unwrap().present.clone();
    let ballots: Vec<Ballot> = present
        .iter()
        .map(|&p| Ballot {
            party: p,
            choice: if p == woon {
                Choice::Abstain
            } else {
                Choice::Go
            },
            reason: if p == woon {
                "steunt de aanpak, maar moet eerst het eigen bestuur raadplegen".into()
            } else if p == bew {
                "als bewoners echt mee mogen beslissen".into()
            } else {
                String::new()
            },
        })
        .collect();
    let vote_at = tick();
    record_vote(&mut s, ballots, vote_at);
    s.set_status("2.1.1", Status::Consensus, vec![], "", tick());
    s.add_note(
        "2.1.1",
        "Er is al een maandelijks regio-overleg; de wijk staat daar nu vast op de agenda.",
        tick(),
    );
    s.set_stance("2.1.2", gem, Stance::Agree, None, tick());
    s.set_stance("2.1.2", pol, Stance::Agree, None, tick());
    s.cursor = "2.1.2".into();

    // ---- More workshops for a larger programme ---------------------------
    let mut rng = Lcg(0x5eed_1234);
    let all_points: Vec<String> = fw.iter_points().map(|(_, _, p)| p.id.clone()).collect();
    let start_flat = fw.pos_of("2.1.2").map(|p| p.flat).unwrap_or(0);
    let mut flat = start_flat;
    for n in 3..=workshops {
        s.end_workshop(at(date_of(&s), 150));
        let d = d2
            .checked_add(Span::new().days(28 * (n as i64 - 2)))
            .expect("in range");
        start(&mut s, d);
        // some parties are absent now and then
        for &p in &ids {
            if rng.below(8) == 0 {
                s.set_present(p, false, at(d, 0));
            }
        }
        let mut t = 2;
        for _ in 0..12 {
            flat = if flat + 1 >= all_points.len() {
                fw.first_of_step(1, 0)
            } else {
                flat + 1
            };
            let pid = all_points[flat].clone();
            for _ in 0..11 {
                t += 1;
                let note = format!(
                    "{} {} ({}).",
                    OPENINGS[rng.below(OPENINGS.len() as u64) as usize],
                    TOPICS[rng.below(TOPICS.len() as u64) as usize],
                    PARTIES[rng.below(7) as usize].0
                );
                s.add_note(&pid, &note, at(d, t));
            }
            let status = match rng.below(10) {
                0 => Status::Dissent,
                1 => Status::Skipped,
                2 => Status::Open,
                _ => Status::Consensus,
            };
            let who = ids[rng.below(ids.len() as u64) as usize];
            match status {
                Status::Dissent => s.set_status(
                    &pid,
                    status,
                    vec![who],
                    "de planning is te krap voor de eigen organisatie",
                    at(d, t),
                ),
                Status::Skipped => {
                    s.set_status(&pid, status, vec![], "besproken in het kernteam", at(d, t))
                }
                _ => s.set_status(&pid, status, vec![], "", at(d, t)),
            }
            if rng.below(2) == 0 {
                let due = d.checked_add(Span::new().days(21)).expect("in range");
                s.add_action(
                    &pid,
                    "Voorstel uitwerken voor de volgende bijeenkomst",
                    Some(who),
                    Some(due),
                    at(d, t),
                );
            }
        }
        s.cursor = all_points[flat].clone();
        // older actions are done now (through the domain: with the date)
        let done: Vec<(String, usize)> = s
            .points
            .iter()
            .flat_map(|(id, r)| {
                r.actions
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.is_open() && a.workshop + 3 < n)
                    .map(move |(i, _)| (id.clone(), i))
            })
            .collect();
        t += 1;
        for (pid, i) in done {
            s.set_action_done(&pid, i, true, at(d, t));
        }
    }
    discussion_times(&mut s);
    s
}

/// Every point with a status gets the minutes its timer would have
/// measured: two to nine, the same in every build.
fn discussion_times(s: &mut Session) {
    let ids: Vec<String> = s
        .points
        .iter()
        .filter(|(_, r)| !r.history.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    for id in ids {
        let seed: u64 = id
            .bytes()
            .map(u64::from)
            .fold(7, |h, b| h.wrapping_mul(31).wrapping_add(b));
        crate::timing::add_time(s, &id, 120 + seed % 420);
    }
}

/// A second example: "Kanaalzone", one orientation workshop held, with
/// dissent on two points and the vote deferred because too few parties came.
pub fn orientation_example(fw: &Framework) -> Session {
    let d = date(2026, 11, 2);
    let mut s = Session::new("Kanaalzone", fw, at(d, -14 * 24 * 60));
    crate::framework::carried::carry(&mut s, fw, None);
    s.area = "Kanaalzone".into();
    s.municipality = "Voorbeeldstad (fictief)".into();
    s.facilitator = "Ruud Smit".into();
    let gem = s.add_party("Gemeente Voorbeeldstad", "Noor Hendriks", "sociaal domein");
    let woon = s.add_party("Havensteder Wonen", "Tom de Wit", "wonen");
    let pol = s.add_party("Politie Voorbeeldstad", "Ilse Kok", "veiligheid");
    let bew = s.add_party("Buurtcomité Kanaalzone", "Mohamed Amrani", "bewoners");
    let ond = s.add_party("Ondernemersvereniging Kanaalzone", "Els Peters", "economie");
    start(&mut s, d);
    s.current_workshop_mut().unwrap().in_orientation = true;
    s.set_present(ond, false, at(d, 0));
    s.set_present(woon, false, at(d, 0));
    s.set_present(pol, false, at(d, 95));
    s.set_status("1.1.1", Status::Consensus, vec![], "", at(d, 10));
    s.add_note(
        "1.1.1",
        "Leegstand in de bedrijfspanden langs het kanaal trekt illegale bewoning aan.",
        at(d, 12),
    );
    s.set_stance(
        "1.1.3",
        bew,
        Stance::Disagree,
        Some("de overlast wordt gebagatelliseerd"),
        at(d, 20),
    );
    s.set_stance("1.1.3", gem, Stance::Reservations, None, at(d, 21));
    s.set_status(
        "1.1.3",
        Status::Dissent,
        vec![bew],
        "het buurtcomité vindt dat de gemeente de onveiligheid onderschat",
        at(d, 25),
    );
    s.add_action(
        "1.1.3",
        "Schouw met buurtcomité en wijkagent in de avonduren",
        Some(pol),
        Some(date(2026, 11, 20)),
        at(d, 27),
    );
    s.set_status(
        "1.2.1",
        Status::Dissent,
        vec![gem],
        "gemeente wil eerst de nieuwe wijkmonitor afwachten",
        at(d, 40),
    );
    s.set_status(
        "1.2.2",
        Status::Skipped,
        vec![],
        "professionals waren niet uitgenodigd",
        at(d, 50),
    );
    s.cursor = "1.2.3".into();
    let present = s.current_workshop().unwrap().present.clone();
    let ballots = present
        .iter()
        .map(|&p| Ballot {
            party: p,
            choice: Choice::Go,
            reason: String::new(),
        })
        .collect();
    record_vote(&mut s, ballots, at(d, 100));
    s.end_workshop(at(d, 110));
    discussion_times(&mut s);
    s
}

fn date_of(s: &Session) -> Date {
    s.current_workshop()
        .map(|w| w.date)
        .unwrap_or(date(2026, 9, 14))
}

fn start(s: &mut Session, d: Date) {
    s.resume(at(d, 0));
    let w = s.current_workshop_mut().expect("just started");
    w.date = d;
    w.started = at(d, 0);
}

fn agree_all(s: &mut Session, point: &str, parties: &[PartyId], now: Timestamp) {
    for &p in parties {
        s.set_stance(point, p, Stance::Agree, None, now);
    }
}

fn record_vote(s: &mut Session, ballots: Vec<Ballot>, now: Timestamp) {
    let present: Vec<PartyId> = s.current_workshop().unwrap().present.clone();
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Lighter,
            text: String::new(),
            id: None,
        }),
        ..Closing::default()
    };
    let vote = Vote::cast(s, present, ballots, closing, now);
    s.votes.push(vote);
}

/// A tiny deterministic generator (no dependency, same sequence everywhere).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

const OPENINGS: [&str; 8] = [
    "Afgesproken om eerst te verkennen",
    "Discussie over de rolverdeling rond",
    "Zorgen geuit over de voortgang van",
    "Goed voorbeeld gedeeld over",
    "Vraag van bewoners over",
    "Knelpunt in de financiering van",
    "Evaluatie besproken van",
    "Nieuwe partner aangeschoven voor",
];

const TOPICS: [&str; 10] = [
    "de aanpak van schulden achter de voordeur",
    "het jongerenwerk rond het winkelcentrum",
    "de renovatie van de flats aan de Lindelaan",
    "het schoolverzuim in groep 7 en 8",
    "de buurtpreventie-app",
    "de inloop in het buurthuis",
    "de samenwerking met de moskee en de voetbalvereniging",
    "de monitoring van de wijkcijfers",
    "de inzet van de wijkagent in de avonduren",
    "het bewonersbudget voor eigen initiatieven",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vote::Outcome;

    #[test]
    fn the_demo_has_two_workshops_every_status_and_a_go() {
        let fw = Framework::builtin();
        let s = build(&fw, 2);
        assert_eq!(s.workshops.len(), 2);
        assert!(s.workshops[0].ended.is_some() && s.workshops[1].ended.is_none());
        for st in Status::ALL {
            assert!(
                fw.iter_points().any(|(_, _, p)| s.status_of(&p.id) == st),
                "no point with {st:?}"
            );
        }
        assert_eq!(s.latest_vote().unwrap().outcome, Outcome::Go);
        assert!(s.gate_open());
        assert_eq!(s.cursor_block(&fw), 1);
    }

    #[test]
    fn the_orientation_example_has_dissent_and_a_deferred_vote() {
        let fw = Framework::builtin();
        let s = orientation_example(&fw);
        assert_eq!(s.dissents().len(), 2);
        let v = s.latest_vote().unwrap();
        assert_eq!(v.outcome, Outcome::Deferred);
        assert_eq!(v.deferred, Some(crate::vote::DeferReason::Quorum));
        assert!(!s.gate_open());
    }

    #[test]
    fn the_generator_is_deterministic_and_scales() {
        let fw = Framework::builtin();
        assert_eq!(build(&fw, 40), build(&fw, 40));
        let big = build(&fw, 40);
        assert_eq!(big.workshops.len(), 40);
        let notes: usize = big.points.values().map(|r| r.notes.len()).sum();
        assert!(notes > 4000, "{notes} notes");
    }
}
