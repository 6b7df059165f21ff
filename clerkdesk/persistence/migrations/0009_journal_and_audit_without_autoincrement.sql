-- Version 9: the undo journal and the audit trail number their rows without
-- AUTOINCREMENT.
--
-- AUTOINCREMENT keeps the highest id a table has ever used in sqlite_sequence,
-- so that a deleted row's id is never given again; every insert rewrites that
-- page. Every clerk action inserts a journal row and an audit row, so for a
-- late arrival or a recount that page was one in six its COMMIT had to sync
-- (docs/benchmarks.md). Neither table ever loses a row (the audit trail is
-- append-only by trigger; journal rows are only marked undone or discarded),
-- so the next id, one past the highest, is the same either way. The record's
-- own tables keep AUTOINCREMENT: redo puts deleted rows back under their ids.
-- Both tables are rebuilt with the same rows, indexes and triggers.

CREATE TABLE journal_rebuilt (
	id INTEGER NOT NULL PRIMARY KEY,
	meeting_id INTEGER NOT NULL,
	label VARCHAR NOT NULL,
	changes TEXT NOT NULL,
	state VARCHAR NOT NULL,
	clerk VARCHAR NOT NULL,
	at DATETIME NOT NULL,
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);
INSERT INTO journal_rebuilt (id, meeting_id, label, changes, state, clerk, at)
    SELECT id, meeting_id, label, changes, state, clerk, at FROM journal;
DROP TABLE journal;
ALTER TABLE journal_rebuilt RENAME TO journal;
CREATE INDEX ix_journal_meeting_id ON journal (meeting_id);
CREATE INDEX ix_journal_undone ON journal (meeting_id) WHERE state = 'undone';

CREATE TABLE audit_rebuilt (
	id INTEGER NOT NULL PRIMARY KEY,
	meeting_id INTEGER,
	at DATETIME NOT NULL,
	clerk VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	detail TEXT NOT NULL
);
INSERT INTO audit_rebuilt (id, meeting_id, at, clerk, action, detail)
    SELECT id, meeting_id, at, clerk, action, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_rebuilt RENAME TO audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
