//! The strings of a workshop's plan with its time budget (issue 26:
//! `wijktafel plan`, the plan form on the start screen, the header while
//! the workshop runs, the recap, the minutes and the agenda), Dutch and
//! English in one struct so the compiler keeps them in step. Placeholders
//! `{0}`, `{1}`, checked by a test below.

macro_rules! plan_strings {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every user-facing text of the plan.
        #[derive(Debug)]
        pub struct PlanStrings {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        impl PlanStrings {
            /// Every text with its name (for the placeholder test).
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

plan_strings! {
    /// {0} workshop, {1} session
    cli_plan_for,
    /// {0} workshop, {1} session
    cli_no_plan,
    /// {0} workshop
    cli_cleared,
    /// {0} step id, {1} title, {2} minutes, {3} open points
    cli_step,
    /// {0} minutes planned, {1} the workshop's length
    cli_total_of,
    /// {0} minutes planned
    cli_total,
    /// {0} minutes planned, {1} the workshop's length
    cli_over_length,
    /// {0} the argument, {1} the framework's steps
    err_no_step,
    /// {0} the argument
    err_bad_step,
    /// {0} the argument
    err_time,
    /// {0} end, {1} start
    err_order,
    err_both,
    /// {0} the argument
    err_date,
    /// {0} the point the agenda resumes at
    err_no_steps,
    date_to_fill,
    /// {0} start, {1} end
    from_to,
    // ---- the header while the workshop runs ----
    /// {0} step, {1} time spent, {2} budget in minutes
    hdr_step,
    pace_within,
    pace_near,
    /// {0} how much over
    pace_over,
    /// {0} step
    hdr_step_unplanned,
    /// {0} planned end
    hdr_end,
    /// {0} expected end
    hdr_expected,
    on_time,
    /// {0} minutes late
    late,
    past_end,
    /// {0} minutes left, {1} points left, {2} minutes per point
    hdr_left,
    /// {0} minutes left
    hdr_left_one,
    /// {0} minutes left, {1} points left
    hdr_left_less,
    /// {0} points left
    hdr_left_none,
    hdr_all_done,
    // ---- the recap ----
    /// {0} steps planned, {1} steps done
    recap_planned_done,
    /// {0} step
    recap_partly,
    recap_none,
    /// {0} workshop, {1} when, {2} steps with budgets
    recap_plan_next,
    /// {0} workshop
    recap_no_plan,
    recap_plan_key,
    /// the word between the last two of a list
    and,
    // ---- the form ----
    /// {0} workshop
    form_title,
    form_start,
    form_end,
    /// {0} open points
    form_open,
    /// {0} planned minutes, {1} length
    form_sum,
    /// {0} minutes over
    form_over,
    form_need_step,
    /// {0} workshop, {1} steps, {2} minutes
    form_saved,
    key_plan,
    key_plan_short,
    key_rows,
    key_change,
    key_change_short,
    key_toggle,
    key_toggle_short,
    key_spread,
    key_spread_short,
    key_save,
    // ---- the minutes and the agenda ----
    ex_plan,
    ex_budget,
    ex_not_discussed,
    /// {0} minutes
    ex_over_by,
    // ---- the log ----
    /// {0} workshop, {1} steps with budgets
    log_plan,
    /// {0} workshop
    log_plan_gone,
}

pub const NL: PlanStrings = PlanStrings {
    cli_plan_for: "Plan voor bijeenkomst {0} van {1}:",
    cli_no_plan: "Geen plan voor bijeenkomst {0} van {1}.",
    cli_cleared: "Plan voor bijeenkomst {0} verwijderd.",
    cli_step: "  {0} {1}: {2} min ({3} open punten)",
    cli_total_of: "Samen {0} min van de {1} min.",
    cli_total: "Samen {0} min.",
    cli_over_length: "Let op: de stappen ({0} min) duren langer dan de bijeenkomst ({1} min).",
    err_no_step: "--step {0}: geen stap van het kader. Stappen: {1}.",
    err_bad_step: "--step {0}: schrijf STAP of STAP=MINUTEN, bijvoorbeeld 1.4=20.",
    err_time: "{0}: geen tijd; schrijf UU:MM, bijvoorbeeld 13:00.",
    err_order: "--end {0} ligt niet na --start {1}.",
    err_both: "--start en --end horen bij elkaar: geef ze allebei.",
    err_date: "--date {0}: geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ.",
    err_no_steps: "Geen stap met open punten vanaf {0}: noem de stappen met --step.",
    date_to_fill: "datum in te vullen",
    from_to: "{0}–{1}",
    hdr_step: "Stap {0}: {1} van {2} min",
    pace_within: "✓ binnen budget",
    pace_near: "⚠ BIJNA OP",
    pace_over: "✖ OVER BUDGET (+{0})",
    hdr_step_unplanned: "stap {0} staat niet in het plan",
    hdr_end: "einde {0}",
    hdr_expected: "verwacht {0}",
    on_time: "✓ op tijd",
    late: "⚠ {0} min te laat",
    past_end: "✖ GEPLANDE EINDE VOORBIJ",
    hdr_left: "nog {0} min voor {1} punten: {2} min per punt",
    hdr_left_one: "nog {0} min voor 1 punt",
    hdr_left_less: "nog {0} min voor {1} punten: minder dan 1 min per punt",
    hdr_left_none: "nog {0} punten open",
    hdr_all_done: "alle geplande punten besproken",
    recap_planned_done: "Gepland: {0} — gedaan: {1}",
    recap_partly: "{0} (deels)",
    recap_none: "geen",
    recap_plan_next: "Plan voor bijeenkomst {0}: {1} · {2}",
    recap_no_plan: "Nog geen tijdplan voor bijeenkomst {0}",
    recap_plan_key: "t: plannen",
    and: "en",
    form_title: "Bijeenkomst {0} plannen",
    form_start: "Begin",
    form_end: "Einde",
    form_open: "{0} open",
    form_sum: "Samen {0} van {1} min",
    form_over: "⚠ {0} min langer dan de bijeenkomst",
    form_need_step: "Kies minstens één stap (Spatie).",
    form_saved: "Plan voor bijeenkomst {0} bewaard: {1} stappen, {2} min.",
    key_plan: "De bijeenkomst plannen: welke stappen, minuten per stap, begin en einde",
    key_plan_short: "tijdplan",
    key_rows: "Begin, einde of een stap kiezen",
    key_change: "Minder of meer: begin en einde per kwartier, een stap per 5 minuten",
    key_change_short: "min/meer",
    key_toggle: "De gekozen stap wel of niet in het plan",
    key_toggle_short: "stap aan/uit",
    key_spread: "De minuten opnieuw verdelen over de stappen, naar hun open punten",
    key_spread_short: "verdelen",
    key_save: "Het plan bewaren",
    ex_plan: "Tijdplan",
    ex_budget: "Budget",
    ex_not_discussed: "niet besproken",
    ex_over_by: "over (+{0})",
    log_plan: "tijdplan voor bijeenkomst {0}: {1}",
    log_plan_gone: "tijdplan voor bijeenkomst {0} verwijderd",
};

pub const EN: PlanStrings = PlanStrings {
    cli_plan_for: "Plan for workshop {0} of {1}:",
    cli_no_plan: "No plan for workshop {0} of {1}.",
    cli_cleared: "Plan for workshop {0} removed.",
    cli_step: "  {0} {1}: {2} min ({3} open points)",
    cli_total_of: "Together {0} min of the {1} min.",
    cli_total: "Together {0} min.",
    cli_over_length: "Note: the steps ({0} min) take longer than the workshop ({1} min).",
    err_no_step: "--step {0}: not a step of the framework. Steps: {1}.",
    err_bad_step: "--step {0}: write STEP or STEP=MINUTES, for example 1.4=20.",
    err_time: "{0}: not a time; write HH:MM, for example 13:00.",
    err_order: "--end {0} is not after --start {1}.",
    err_both: "--start and --end go together: give both.",
    err_date: "--date {0}: not a date; write YYYY-MM-DD or DD-MM-YYYY.",
    err_no_steps: "No step with open points from {0} on: name the steps with --step.",
    date_to_fill: "date to be filled in",
    from_to: "{0}–{1}",
    hdr_step: "Step {0}: {1} of {2} min",
    pace_within: "✓ within budget",
    pace_near: "⚠ NEARLY USED",
    pace_over: "✖ OVER BUDGET (+{0})",
    hdr_step_unplanned: "step {0} is not in the plan",
    hdr_end: "ends {0}",
    hdr_expected: "expected {0}",
    on_time: "✓ on time",
    late: "⚠ {0} min late",
    past_end: "✖ PLANNED END PASSED",
    hdr_left: "{0} min left for {1} points: {2} min a point",
    hdr_left_one: "{0} min left for 1 point",
    hdr_left_less: "{0} min left for {1} points: less than 1 min a point",
    hdr_left_none: "{0} points still open",
    hdr_all_done: "every planned point discussed",
    recap_planned_done: "Planned: {0} — done: {1}",
    recap_partly: "{0} (in part)",
    recap_none: "none",
    recap_plan_next: "Plan for workshop {0}: {1} · {2}",
    recap_no_plan: "No time plan yet for workshop {0}",
    recap_plan_key: "t: plan",
    and: "and",
    form_title: "Plan workshop {0}",
    form_start: "Start",
    form_end: "End",
    form_open: "{0} open",
    form_sum: "Together {0} of {1} min",
    form_over: "⚠ {0} min longer than the workshop",
    form_need_step: "Choose at least one step (Space).",
    form_saved: "Plan for workshop {0} saved: {1} steps, {2} min.",
    key_plan: "Plan the workshop: which steps, minutes per step, start and end",
    key_plan_short: "time plan",
    key_rows: "Choose the start, the end or a step",
    key_change: "Less or more: start and end by the quarter hour, a step by 5 minutes",
    key_change_short: "less/more",
    key_toggle: "The chosen step in the plan or not",
    key_toggle_short: "step on/off",
    key_spread: "Spread the minutes over the steps again, by their open points",
    key_spread_short: "spread",
    key_save: "Save the plan",
    ex_plan: "Time plan",
    ex_budget: "Budget",
    ex_not_discussed: "not discussed",
    ex_over_by: "over (+{0})",
    log_plan: "time plan for workshop {0}: {1}",
    log_plan_gone: "time plan for workshop {0} removed",
};

impl super::Lang {
    /// The plan's strings in this language.
    pub fn plan(self) -> &'static PlanStrings {
        match self {
            super::Lang::Nl => &NL,
            super::Lang::En => &EN,
        }
    }
}

/// "1.4", "1.4 en 1.5", "1.4, 1.5 en 1.6".
pub fn and_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_text_with_the_same_placeholders() {
        let holes = |s: &str| -> Vec<usize> {
            (0..10)
                .filter(|i| s.contains(&format!("{{{i}}}")))
                .collect()
        };
        for ((k, nl), (_, en)) in NL.entries().into_iter().zip(EN.entries()) {
            assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{k}");
            assert_eq!(holes(nl), holes(en), "{k}");
        }
    }

    #[test]
    fn lists_read_as_sentences() {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&v(&[]), "en"), "");
        assert_eq!(and_list(&v(&["1.4"]), "en"), "1.4");
        assert_eq!(and_list(&v(&["1.4", "1.5"]), "en"), "1.4 en 1.5");
        assert_eq!(
            and_list(&v(&["1.4", "1.5", "1.6"]), "and"),
            "1.4, 1.5 and 1.6"
        );
    }
}
