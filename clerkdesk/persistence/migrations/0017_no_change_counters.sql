-- Version 17: no change counters (issue 17).
--
-- Migration 0003 kept a counter per table a meeting record is read from, raised
-- by a trigger on every insert, update and delete, so that a record kept in
-- memory could be checked. Every action now writes through one unit of work,
-- and a kept record is checked by the last audit entry's id instead
-- (persistence/kept_records.py, docs/write-path.md): nothing reads the
-- counters, and their triggers cost every write a second row. (Versions 15 and
-- 16 belong to other branches of this round; the ladder runs them in order.)

DROP TRIGGER IF EXISTS count_organisation_insert;
DROP TRIGGER IF EXISTS count_organisation_update;
DROP TRIGGER IF EXISTS count_organisation_delete;
DROP TRIGGER IF EXISTS count_committee_insert;
DROP TRIGGER IF EXISTS count_committee_update;
DROP TRIGGER IF EXISTS count_committee_delete;
DROP TRIGGER IF EXISTS count_meeting_insert;
DROP TRIGGER IF EXISTS count_meeting_update;
DROP TRIGGER IF EXISTS count_meeting_delete;
DROP TRIGGER IF EXISTS count_person_insert;
DROP TRIGGER IF EXISTS count_person_update;
DROP TRIGGER IF EXISTS count_person_delete;
DROP TRIGGER IF EXISTS count_attendee_insert;
DROP TRIGGER IF EXISTS count_attendee_update;
DROP TRIGGER IF EXISTS count_attendee_delete;
DROP TRIGGER IF EXISTS count_interest_kind_insert;
DROP TRIGGER IF EXISTS count_interest_kind_update;
DROP TRIGGER IF EXISTS count_interest_kind_delete;
DROP TRIGGER IF EXISTS count_agenda_item_insert;
DROP TRIGGER IF EXISTS count_agenda_item_update;
DROP TRIGGER IF EXISTS count_agenda_item_delete;
DROP TRIGGER IF EXISTS count_recommendation_insert;
DROP TRIGGER IF EXISTS count_recommendation_update;
DROP TRIGGER IF EXISTS count_recommendation_delete;
DROP TRIGGER IF EXISTS count_amendment_insert;
DROP TRIGGER IF EXISTS count_amendment_update;
DROP TRIGGER IF EXISTS count_amendment_delete;
DROP TRIGGER IF EXISTS count_decision_insert;
DROP TRIGGER IF EXISTS count_decision_update;
DROP TRIGGER IF EXISTS count_decision_delete;
DROP TRIGGER IF EXISTS count_named_vote_insert;
DROP TRIGGER IF EXISTS count_named_vote_update;
DROP TRIGGER IF EXISTS count_named_vote_delete;
DROP TRIGGER IF EXISTS count_declaration_insert;
DROP TRIGGER IF EXISTS count_declaration_update;
DROP TRIGGER IF EXISTS count_declaration_delete;
DROP TRIGGER IF EXISTS count_minute_paragraph_insert;
DROP TRIGGER IF EXISTS count_minute_paragraph_update;
DROP TRIGGER IF EXISTS count_minute_paragraph_delete;
DROP TRIGGER IF EXISTS count_action_insert;
DROP TRIGGER IF EXISTS count_action_update;
DROP TRIGGER IF EXISTS count_action_delete;
DROP TRIGGER IF EXISTS count_correction_insert;
DROP TRIGGER IF EXISTS count_correction_update;
DROP TRIGGER IF EXISTS count_correction_delete;
DROP TABLE IF EXISTS change_counter;
