//! The keys of every user-facing text, by area. Each area is a struct of
//! its own, filled per language in `nl/` and `en/`; [`Strings`] holds them
//! all as one flat table (`s.ui_notes`), joined at compile time, so the
//! compiler keeps both languages in step and no call site names an area.

macro_rules! define_strings {
    ($($(#[$doc:meta])* $area:ident: $Area:ident { $($name:ident),* $(,)? })*) => {
        $(
            $(#[$doc])*
            #[derive(Debug)]
            pub struct $Area {
                $(pub $name: &'static str,)*
            }
        )*

        /// Every user-facing text of wijktafel.
        #[derive(Debug)]
        pub struct Strings {
            $($(pub $name: &'static str,)*)*
        }

        impl Strings {
            /// One language's table from its areas.
            pub const fn join($($area: $Area),*) -> Strings {
                Strings {
                    $($($name: $area.$name,)*)*
                }
            }

            /// (key, text) pairs, for tests and tooling.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$($((stringify!($name), self.$name),)*)*]
            }
        }
    };
}

define_strings! {
    /// The framework: its words, the loader's messages, a session's own framework and its switch.
    framework: FrameworkStrings {
        source, block, step, point, activities, see_also, principles, success_factors, fw_err_io,
        fw_err_syntax, fw_err_duplicate, fw_err_dangling, fw_err_empty, fw_err_no_points,
        fw_err_no_steps, fw_err_no_blocks, fw_err_bad_id, fw_err_no_routes, fw_err_not_decision,
        beamer_decided_under, fw_err_two_decisions, fw_err_no_decision, fw_err_too_long,
        fw_err_too_large, fw_err_not_utf8, fw_io_not_found, fw_io_denied, fw_io_is_dir,
        fw_toml_unknown_field, fw_toml_missing_field, fw_toml_invalid_type, fw_toml_duplicate_key,
        fw_toml_duplicate, fw_missing, fw_carried_broken, fw_carried_tampered, fw_differs,
        sw_header, sw_reworded, sw_was, sw_now, sw_added, sw_removed, sw_has_record,
        sw_decision_changed, sw_nothing, sw_ask, sw_need_yes, sw_cancelled, sw_done, sw_done_none,
        sw_open_workshop, orphan_heading, orphan_intro, guidance, no_go_routes, guidance_title,
        guidance_framework_head, guidance_block_head, ref_principle, ref_success_factor,
    }
    /// Statuses, stances, votes, their outcomes and routes, deferral, the gate and its override.
    votes: VoteStrings {
        status_open, status_consensus, status_dissent, status_skipped, stance_none, stance_agree,
        stance_reservations, stance_disagree, vote_go, vote_no_go, vote_abstain, outcome_go,
        outcome_no_go, outcome_deferred, rule_consensus, rule_majority, route_lighter,
        route_neighbourhood, route_sectoral, route_community, route_other, no_vote, vote_title,
        vote_question, vote_rule, vote_tally, vote_missing, vote_quorum, vote_preview,
        vote_not_voted, vote_err_missing, vote_err_nogo_reason, vote_confirm_elsewhere,
        vote_reason_for, vote_defer_title, vote_followup_title, vote_other, vote_route_words, vote_revisit,
        defer_quorum, defer_no_votes, defer_facilitator, banner_hint, end_needs_vote,
        override_title, gate_locked, overridden, vote_earlier_title, vote_earlier_when,
        vote_earlier_count, vote_earlier_ask, vote_readback_title, vote_readback_outcome,
        vote_readback_follow_up, vote_drop_ask, vote_superseded, vote_of_workshop, vote_more,
        vote_list_more, consensus_conflict_one, consensus_conflict_many, consensus_over_disagree,
        override_sure, override_open, override_back, vote_routes_more, defer_room, vote_defer_who,
        vote_defer_by_room, vote_defer_by_facilitator, vote_again_replaces, vote_again_ask,
        vote_again_title,
    }
    /// Files and their errors, saving safely, backups and restore, the command line's own lines.
    store: StoreStrings {
        err_io, err_corrupt, err_newer, err_locked, err_exists, err_not_found, err_bad_name,
        err_bad_party, err_no_terminal, created_no_terminal, err_backup_hint, err_holder_unknown,
        err_symlink, err_hard_linked, err_not_a_dir, err_changed_on_disk, err_output_exists,
        err_is_session, err_not_regular, err_too_large, bk_not_a_dir, bk_blocked, backup_failed,
        warn_store_shared, list_empty, list_header, created, unsaved_title, unsaved_body,
        unsaved_retry, unsaved_copy, unsaved_quit, unsaved_back, unsaved_sure,
        unsaved_copy_written, unsaved_copy_failed, unsaved_saved_now, unsaved_exit,
        unsaved_exit_copy, err_need_reason, err_need_dissenter, err_bad_date, err_date_in_words, err_need_what,
        err_need_route, bk_title, bk_header, bk_empty, bk_reason_recent, bk_reason_start,
        bk_reason_window, bk_reason_first, bk_reason_none, bk_workshop, bk_before_first,
        bk_unknown, bk_holds, bk_damaged, bk_footer, rs_done, rs_renumbered, rs_done_new,
        rs_unchanged, rs_no_such, rs_none, rs_bad_backup, rs_keep_failed, rs_event_done,
        rs_event_unchanged, rs_event_none,
    }
    /// The key table's labels, the footer's hints, the help, the themes' names.
    keys: KeyStrings {
        hint_save, hint_newline, hint_cancel, hint_close, hint_scroll, hint_page, hint_choose,
        hint_open, hint_back, hint_new_session, hint_demo, key_demo, hint_present, hint_add_party,
        hint_to_agenda, hint_jump, hint_yes, hint_no, hint_discard, hint_keep, hint_reason,
        key_present_n, key_toggle_party_n, theme_dark, theme_light, theme_contrast, hint_record,
        hint_toggle_party, hint_to_parties, hint_next_field, hint_prev_field, hint_pick_owner,
        hint_create, hint_add, hint_unlock, key_pick_owner, key_newline_parties, hint_party,
        hint_cycle, hint_defer, hint_close_vote, hint_route, hint_continue, hint_finish,
        key_vote_party, key_vote_cycle, key_vote_reason, key_vote_defer, key_vote_close,
        key_vote_back, key_route, key_next_field, key_prev_field, key_followup_back,
        key_summary_finish, key_next_point, key_prev_point, key_next_step, key_prev_step,
        key_consensus, key_dissent, key_open, key_skip, key_stance, key_stance_focus, key_note,
        key_action, key_vote, key_info, key_overview, key_timer, key_undo, key_redo, key_end,
        key_export, key_theme, key_help, key_quit, key_short_point, key_short_step,
        key_short_party, key_short_vote, key_short_more, key_short_quit, help_title, help_close,
        help_editors, key_short_dissent, key_short_skip, key_short_action, key_stance_cycle,
        key_stance_reason, key_stance_leave, key_attendance, key_vote_new, hint_vote_new,
        key_vote_earlier_back, key_vote_confirm, hint_confirm, key_vote_correct, hint_correct,
        key_vote_drop, key_vote_keep, key_items, key_items_edit, hint_edit, key_items_done,
        hint_done, key_items_remove, hint_remove, key_recap_focus, hint_recap, key_recap_scroll,
        key_recap_choose, key_resolve, hint_resolve, key_attendance_focus, hint_attendance_focus,
        key_recap_done, hint_done_short, key_history, key_present_toggle, key_guidance, key_focus,
        key_short_focus, key_focus_leave, key_beamer_quit, hint_present_n, key_overview_id,
        hint_overview_id, key_edit_keys, hint_clear, hint_stance_tab, hint_end,
        hint_attendance_short, hint_undo_short, hint_overview_short, key_space, key_space_enter,
        key_space_digits, key_yes, key_yes_enter, key_park, key_short_park, key_parking,
        key_parked_note, key_parked_action, key_parked_close, hint_to_note, hint_to_action,
        hint_close_topic, key_adopt, hint_adopt, hint_add_or_adopt, key_pick_party, key_defer_who,
        hint_defer_who, key_vote_again, hint_to_ballots, key_vote_again_back,
    }
    /// The documents: minutes, tables (CSV, xlsx), the chart, the agenda, the board's summary, the hand-out, the log.
    documents: DocumentStrings {
        ex_reworded_label, ex_reworded, ex_removed_label, ex_removed, ex_title, ex_session_title,
        ex_session, ex_date, ex_time, ex_present, ex_discussed, ex_none_discussed, ex_party,
        ex_vote, ex_outcome, ex_overrides, ex_open_actions, ex_from, ex_overdue, ex_workshops,
        ex_generated, ex_tally, ex_votes_title, ex_last_workshop, ex_point_id, ex_not_found,
        ex_absent, ch_note_added, ch_action_added, ch_note_edited, ch_note_removed, ch_action_edited, ch_action_done,
        ch_action_reopened, ch_action_removed, ch_was, ex_item_changes, ex_from_workshop,
        ex_arrived_later, ex_time_per_step, ex_points_count, ex_planned, ex_minutes,
        ex_changed_label, ex_changed_after, ex_from_state, ex_point_in_workshop,
        ex_changed_afterwards, ex_later_changed_in, ex_also_changed, ex_what_happened, log_from,
        log_between, log_workshop, log_none, log_undo, log_redo, log_restore, log_cursor,
        log_draft, log_other, log_started, log_ended, log_arrived, log_left, log_present,
        log_vote, log_vote_changed, log_party, log_override, log_action_removed,
        log_action_reopened, log_action_edited, log_time, log_note_gone, log_action_gone,
        log_framework, log_reopened, log_workshop_gone, log_vote_gone, ex_what_decided,
        ex_what_corrected, ex_what_stances, ex_what_note, ex_what_action, ex_what_done,
        ex_what_item_changed, ex_written_later, ex_anon_facilitator, ex_anon_name, csv_dissenters,
        csv_reason, csv_stance_reasons, csv_notes, csv_notes_count, csv_open_actions_count,
        csv_action, csv_owner, csv_due, csv_done, csv_workshop, csv_yes, csv_no,
        ex_json_whole_session, ex_items_csv_only, ex_running, ex_decision, ex_no_vote, ex_rule,
        ex_follow_up, ex_revisit, ex_earlier_votes, ex_counts_title, ex_warning,
        ex_consensus_over, ex_actions_of_workshop, ex_due, ex_programme, ex_recorded,
        ex_votes_all, ex_replaced, ex_workshop_heading, ex_open_dissent, ex_chart_blocks,
        ex_chart_blocks_after, ex_chart_workshops, ex_chart_points, ex_page, ho_title, ho_intro,
        ho_area, ho_date, ho_name, ho_notes, ho_points_count, xl_vote_number, xl_present_count,
        xl_parties_total, xl_deferred_because, xl_remark, xl_superseded_by, xl_ballot_of,
        xl_reason_of, xl_attendance, xl_arrivals_departures, xl_from_start, xl_sheet_points,
        xl_sheet_votes, xl_sheet_actions, xl_sheet_attendance, xl_cut, xl_not_to_terminal,
        bd_title, bd_decision, bd_no_vote, bd_workshops, bd_consensus_over, bd_notices, ag_title,
        ag_when, ag_to_fill, ag_opening, ag_adopt, ag_adopted, ag_come_back, ag_points,
        ag_open_points, log_adoption, log_parking, ex_vote_deferred, ex_replaces,
        ex_replaces_label, xl_again_because, csv_consensus_over,
    }
    /// The workshop day: minutes adopted with their amendments, the parking lot.
    workday: WorkdayStrings {
        wd_minutes_status, wd_minutes_adopted, wd_minutes_adopted_amended, wd_minutes_concept,
        wd_asked_by, wd_part, wd_adoption_heading, wd_adopted_here, wd_adopted_here_amended,
        wd_parking, wd_parked_new, wd_parked_moved, wd_parked_closed, wd_parked_open,
        wd_raised_by, wd_came_up_at, wd_to_note, wd_to_action, wd_closed_because, wd_csv_nr,
        wd_csv_topic, wd_csv_raised_by, wd_csv_at_point, wd_csv_outcome, wd_csv_to_point,
        wd_csv_reason, wd_csv_settled_in, wd_how_open, wd_how_note, wd_how_action, wd_how_closed,
        park_title, park_text, park_who, park_saved, park_label, parking_title, parking_empty,
        parking_side, parking_close_title, parking_to_note_msg, parking_to_action_msg,
        parking_closed_msg, parking_not_open, parking_to_note_label, parking_to_action_label,
        parking_close_label, adopt_title, adopt_intro, adopt_text, adopt_who, adopt_part,
        adopt_list, adopt_none_yet, adopt_done_msg, adopt_done_amended_msg, adopt_nothing,
        park_need_text, parking_need_reason, adopt_label, adopt_need_text,
    }
    /// The screens and dialogs of the facilitator's window and the beamer.
    screens: ScreenStrings {
        ui_no_backup, ui_workshop, ui_block_step, ui_point_pos, ui_consideration, ui_stances,
        ui_notes, ui_actions, ui_agenda, ui_status, ui_no_parties, ui_absent, ui_dissent_by,
        ui_reason, ui_no_notes, ui_more_above, ui_due, ui_owner_none, ui_too_small, ui_saved,
        ui_not_saved, ui_suggest_consensus, ui_undone, ui_redone, ui_nothing_undo, ui_nothing_undo_since_vote, ui_editor_above, ui_editor_below,
        ui_nothing_redo, ui_more, ui_no_change, ui_paste_too_big, ui_draft_restored,
        ui_journal_migrated, ui_journal_torn, ui_need_parties, ui_theme, ui_timer_running,
        ui_timer_paused, ui_planned, dlg_dissent, dlg_skip, dlg_note, dlg_stance_reason,
        dlg_action, field_what, field_who, field_due, field_reason, dlg_discard, ov_title,
        info_title, info_none, home_title, home_empty, home_empty_hint, form_title, field_name,
        field_area, field_municipality, field_facilitator, field_parties, start_title,
        start_recap, start_first, start_open_dissent, start_last_vote, start_follow_up,
        start_revisit, start_no_revisit, start_none, start_attendance, start_add_party, start_resume_at, present,
        summary_title, summary_decisions, summary_points, export_done, head_follow_up,
        items_title, items_none, items_hint, items_remove_note_q, items_remove_action_q,
        items_only_actions, items_unchanged, items_empty_text, items_history, items_stamp,
        items_recorded, dlg_note_edit, dlg_action_edit, ui_done_on, ui_done_word, party_absent,
        party_no_number, att_arrived, att_left, party_more_below, party_more_above, recap_title,
        recap_more, recap_dissent_head, recap_actions_head, recap_no_dissent, recap_resolve_q,
        recap_resolve_starts, recap_resolved, recap_resolved_msg, summary_step_planned,
        summary_block_done, summary_still_open, summary_actions_head, ui_note_from, recap_done_q,
        recap_done, recap_done_msg, recap_no_action, recap_attendance_head, recap_came,
        recap_left, summary_done_head, history_title, recap_new_block, recap_guidance_key,
        beamer_waiting, beamer_waiting_how, beamer_unreadable, beamer_dissent_who,
        beamer_dissent_none, beamer_stances, beamer_vote_running, beamer_ballots_in,
        beamer_vote_earlier, beamer_typing, beamer_summary, att_came_in, att_went, ov_go_to,
        ov_no_such, recap_at_point, dlg_question, recap_parked_head, recap_adopt_open,
        recap_adopted, recap_adopt_key, ui_more_parked, recap_defer_reason, beamer_vote_checking,
    }
}
