//! The strings of picking a stance and of what it means for the point's
//! status (issue 24), Dutch and English in one struct so the compiler keeps
//! them in step. Placeholders `{0}`, `{1}`.

/// Every user-facing text of the stance keys and their questions.
#[derive(Debug)]
pub struct StanceStrings {
    /// The title of the stance picker: {0} the party.
    pub pick_title: &'static str,
    /// What the picker says: {0} the party, {1} its stance now.
    pub pick_now: &'static str,
    pub key_pick_agree: &'static str,
    pub key_pick_reservations: &'static str,
    pub key_pick_disagree: &'static str,
    pub key_pick_none: &'static str,
    /// The stance panel's footer for e/v/o/n.
    pub hint_direct: &'static str,
    /// {0} party, {1} the new stance.
    pub leaves_dissent: &'static str,
    /// {0} party, {1} the new stance.
    pub last_dissenter: &'static str,
    /// {0} party.
    pub over_consensus: &'static str,
    pub then_consensus: &'static str,
    pub then_open: &'static str,
    pub key_then_consensus: &'static str,
    pub key_then_open: &'static str,
    pub title_then: &'static str,
    /// The undo label of a stance that left the dissent: {0} party.
    pub label_left: &'static str,
    // attendance in three states (issue 24, item 6)
    /// The mark of a party that sent apologies.
    pub excused: &'static str,
    /// The minutes' label of the parties that sent apologies.
    pub ex_excused: &'static str,
    pub key_excused: &'static str,
    pub hint_excused: &'static str,
    /// {0} party.
    pub att_excused: &'static str,
    /// {0} party.
    pub att_not_excused: &'static str,
    // the minutes a secretary need not edit (issue 24, item 10)
    pub ex_open_actions_earlier: &'static str,
    /// The column of the day an action item was done.
    pub csv_done_on: &'static str,
    /// `wijktafel log`: who is afgemeld now, {0} names.
    pub log_excused: &'static str,
}

pub const NL: StanceStrings = StanceStrings {
    pick_title: "Standpunt van {0}",
    pick_now: "{0} zegt nu: {1}. Kies het standpunt:",
    key_pick_agree: "eens",
    key_pick_reservations: "eens met voorbehoud",
    key_pick_disagree: "oneens",
    key_pick_none: "niet uitgesproken",
    hint_direct: "direct",
    leaves_dissent: "{0} staat bij het verschil van mening. Met “{1}” verlaat {0} het verschil van mening. Vastleggen?",
    last_dissenter: "{0} was de laatste partij die het oneens was. Met “{1}” is er geen verschil van mening meer. Wat wordt de status van het punt?",
    over_consensus: "Het punt staat op consensus en {0} zegt nu “oneens”. Blijft de consensus, ondanks het oneens van {0}, of gaat het punt terug naar open?",
    then_consensus: "consensus",
    then_open: "open",
    key_then_consensus: "de status wordt consensus (ondanks een oneens: dat staat erbij)",
    key_then_open: "de status wordt open",
    title_then: "Status van het punt",
    label_left: "{0} verlaat het verschil van mening",
    excused: "afgemeld",
    ex_excused: "Afgemeld",
    key_excused: "de gekozen partij heeft zich afgemeld (met kennisgeving afwezig), of toch niet",
    hint_excused: "afgemeld",
    att_excused: "{0} heeft zich afgemeld",
    att_not_excused: "{0} is niet meer afgemeld (afwezig)",
    ex_open_actions_earlier: "Actiepunten (open, uit eerdere bijeenkomsten)",
    csv_done_on: "Gedaan op",
    log_excused: "afgemeld: {0}",
};

pub const EN: StanceStrings = StanceStrings {
    pick_title: "Stance of {0}",
    pick_now: "{0} now says: {1}. Pick the stance:",
    key_pick_agree: "agree",
    key_pick_reservations: "agree with reservations",
    key_pick_disagree: "disagree",
    key_pick_none: "not stated",
    hint_direct: "directly",
    leaves_dissent: "{0} is listed as dissenting. With “{1}”, {0} leaves the dissent. Record it?",
    last_dissenter: "{0} was the last party that disagreed. With “{1}” there is no dissent any more. What does the point's status become?",
    over_consensus: "The point is at consensus and {0} now says “disagree”. Does the consensus stand, despite {0}'s disagreement, or does the point go back to open?",
    then_consensus: "consensus",
    then_open: "open",
    key_then_consensus: "the status becomes consensus (despite a disagreement: it is noted)",
    key_then_open: "the status becomes open",
    title_then: "Status of the point",
    label_left: "{0} leaves the dissent",
    excused: "apologies",
    ex_excused: "Apologies",
    key_excused: "the selected party sent its apologies (absent with notice), or did not after all",
    hint_excused: "apologies",
    att_excused: "{0} sent its apologies",
    att_not_excused: "{0} no longer sent apologies (absent)",
    ex_open_actions_earlier: "Action items (open, from earlier workshops)",
    csv_done_on: "Done on",
    log_excused: "apologies: {0}",
};

impl super::Lang {
    /// The stance keys' strings in this language.
    pub fn stances(self) -> &'static StanceStrings {
        match self {
            super::Lang::Nl => &NL,
            super::Lang::En => &EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &StanceStrings) -> Vec<&'static str> {
        vec![
            s.pick_title,
            s.pick_now,
            s.key_pick_agree,
            s.key_pick_reservations,
            s.key_pick_disagree,
            s.key_pick_none,
            s.hint_direct,
            s.leaves_dissent,
            s.last_dissenter,
            s.over_consensus,
            s.then_consensus,
            s.then_open,
            s.key_then_consensus,
            s.key_then_open,
            s.title_then,
            s.label_left,
            s.excused,
            s.ex_excused,
            s.key_excused,
            s.hint_excused,
            s.att_excused,
            s.att_not_excused,
            s.ex_open_actions_earlier,
            s.csv_done_on,
            s.log_excused,
        ]
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for (nl, en) in all(&NL).into_iter().zip(all(&EN)) {
            for i in 0..3 {
                let p = format!("{{{i}}}");
                assert_eq!(nl.contains(&p), en.contains(&p), "{nl} / {en}");
            }
        }
    }
}
