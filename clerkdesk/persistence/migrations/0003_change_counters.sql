-- Version 3: a change counter per table that a meeting record is read from.
--
-- Every insert, update and delete on these tables adds one to its table's
-- counter, in the same transaction, whoever makes it (the app, the command
-- line, undo, an import). A meeting record kept in memory is still true while
-- the counters of the tables it was read from are unchanged, so each clerk
-- action rereads only the parts of the record that changed (docs/benchmarks.md).

CREATE TABLE change_counter (
    tbl TEXT PRIMARY KEY,
    n INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO change_counter (tbl, n) VALUES ('organisation', 0);
INSERT INTO change_counter (tbl, n) VALUES ('committee', 0);
INSERT INTO change_counter (tbl, n) VALUES ('meeting', 0);
INSERT INTO change_counter (tbl, n) VALUES ('person', 0);
INSERT INTO change_counter (tbl, n) VALUES ('attendee', 0);
INSERT INTO change_counter (tbl, n) VALUES ('interest_kind', 0);
INSERT INTO change_counter (tbl, n) VALUES ('agenda_item', 0);
INSERT INTO change_counter (tbl, n) VALUES ('recommendation', 0);
INSERT INTO change_counter (tbl, n) VALUES ('amendment', 0);
INSERT INTO change_counter (tbl, n) VALUES ('decision', 0);
INSERT INTO change_counter (tbl, n) VALUES ('named_vote', 0);
INSERT INTO change_counter (tbl, n) VALUES ('declaration', 0);
INSERT INTO change_counter (tbl, n) VALUES ('minute_paragraph', 0);
INSERT INTO change_counter (tbl, n) VALUES ('action', 0);
INSERT INTO change_counter (tbl, n) VALUES ('correction', 0);

CREATE TRIGGER count_organisation_insert AFTER INSERT ON "organisation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'organisation';
END;
CREATE TRIGGER count_organisation_update AFTER UPDATE ON "organisation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'organisation';
END;
CREATE TRIGGER count_organisation_delete AFTER DELETE ON "organisation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'organisation';
END;

CREATE TRIGGER count_committee_insert AFTER INSERT ON "committee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'committee';
END;
CREATE TRIGGER count_committee_update AFTER UPDATE ON "committee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'committee';
END;
CREATE TRIGGER count_committee_delete AFTER DELETE ON "committee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'committee';
END;

CREATE TRIGGER count_meeting_insert AFTER INSERT ON "meeting" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'meeting';
END;
CREATE TRIGGER count_meeting_update AFTER UPDATE ON "meeting" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'meeting';
END;
CREATE TRIGGER count_meeting_delete AFTER DELETE ON "meeting" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'meeting';
END;

CREATE TRIGGER count_person_insert AFTER INSERT ON "person" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'person';
END;
CREATE TRIGGER count_person_update AFTER UPDATE ON "person" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'person';
END;
CREATE TRIGGER count_person_delete AFTER DELETE ON "person" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'person';
END;

CREATE TRIGGER count_attendee_insert AFTER INSERT ON "attendee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'attendee';
END;
CREATE TRIGGER count_attendee_update AFTER UPDATE ON "attendee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'attendee';
END;
CREATE TRIGGER count_attendee_delete AFTER DELETE ON "attendee" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'attendee';
END;

CREATE TRIGGER count_interest_kind_insert AFTER INSERT ON "interest_kind" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'interest_kind';
END;
CREATE TRIGGER count_interest_kind_update AFTER UPDATE ON "interest_kind" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'interest_kind';
END;
CREATE TRIGGER count_interest_kind_delete AFTER DELETE ON "interest_kind" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'interest_kind';
END;

CREATE TRIGGER count_agenda_item_insert AFTER INSERT ON "agenda_item" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'agenda_item';
END;
CREATE TRIGGER count_agenda_item_update AFTER UPDATE ON "agenda_item" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'agenda_item';
END;
CREATE TRIGGER count_agenda_item_delete AFTER DELETE ON "agenda_item" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'agenda_item';
END;

CREATE TRIGGER count_recommendation_insert AFTER INSERT ON "recommendation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'recommendation';
END;
CREATE TRIGGER count_recommendation_update AFTER UPDATE ON "recommendation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'recommendation';
END;
CREATE TRIGGER count_recommendation_delete AFTER DELETE ON "recommendation" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'recommendation';
END;

CREATE TRIGGER count_amendment_insert AFTER INSERT ON "amendment" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'amendment';
END;
CREATE TRIGGER count_amendment_update AFTER UPDATE ON "amendment" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'amendment';
END;
CREATE TRIGGER count_amendment_delete AFTER DELETE ON "amendment" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'amendment';
END;

CREATE TRIGGER count_decision_insert AFTER INSERT ON "decision" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'decision';
END;
CREATE TRIGGER count_decision_update AFTER UPDATE ON "decision" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'decision';
END;
CREATE TRIGGER count_decision_delete AFTER DELETE ON "decision" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'decision';
END;

CREATE TRIGGER count_named_vote_insert AFTER INSERT ON "named_vote" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'named_vote';
END;
CREATE TRIGGER count_named_vote_update AFTER UPDATE ON "named_vote" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'named_vote';
END;
CREATE TRIGGER count_named_vote_delete AFTER DELETE ON "named_vote" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'named_vote';
END;

CREATE TRIGGER count_declaration_insert AFTER INSERT ON "declaration" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'declaration';
END;
CREATE TRIGGER count_declaration_update AFTER UPDATE ON "declaration" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'declaration';
END;
CREATE TRIGGER count_declaration_delete AFTER DELETE ON "declaration" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'declaration';
END;

CREATE TRIGGER count_minute_paragraph_insert AFTER INSERT ON "minute_paragraph" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'minute_paragraph';
END;
CREATE TRIGGER count_minute_paragraph_update AFTER UPDATE ON "minute_paragraph" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'minute_paragraph';
END;
CREATE TRIGGER count_minute_paragraph_delete AFTER DELETE ON "minute_paragraph" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'minute_paragraph';
END;

CREATE TRIGGER count_action_insert AFTER INSERT ON "action" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'action';
END;
CREATE TRIGGER count_action_update AFTER UPDATE ON "action" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'action';
END;
CREATE TRIGGER count_action_delete AFTER DELETE ON "action" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'action';
END;

CREATE TRIGGER count_correction_insert AFTER INSERT ON "correction" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'correction';
END;
CREATE TRIGGER count_correction_update AFTER UPDATE ON "correction" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'correction';
END;
CREATE TRIGGER count_correction_delete AFTER DELETE ON "correction" BEGIN
    UPDATE change_counter SET n = n + 1 WHERE tbl = 'correction';
END;

-- Every action marks the meeting's undone steps discarded (a new action ends
-- the redo list). Without this index that update read every journal row of
-- the meeting, so each action grew slower as the meeting went on.
CREATE INDEX ix_journal_undone ON journal (meeting_id) WHERE state = 'undone';
