-- Schema version 2: the export log (for `clerkdesk verify`) and full-text search.

CREATE TABLE export_log (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	meeting_id INTEGER NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	version VARCHAR NOT NULL, 
	format VARCHAR NOT NULL, 
	file_name VARCHAR NOT NULL, 
	exported_at DATETIME NOT NULL, 
	clerk VARCHAR NOT NULL, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);

CREATE INDEX ix_export_log_sha256 ON export_log (sha256);

CREATE INDEX ix_export_log_meeting_id ON export_log (meeting_id);

-- Full-text search across every meeting's items, recommendations and minutes,
-- kept current by triggers so that undo, redo and load update it too.
-- Each entry's rowid is its source row's id * 4 + a code for its kind (1 item,
-- 2 recommendation, 3 minute), so a trigger finds the entry to replace by
-- rowid instead of scanning the whole index.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, row_id UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED, body,
    tokenize = 'porter unicode61'
);
INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT id * 4 + 1, 'item', id, meeting_id, id,
           number || ' ' || title || ' ' || coalesce(report_title, '')
    FROM agenda_item;
INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT r.id * 4 + 2, 'recommendation', r.id, i.meeting_id, i.id,
           coalesce(r.label, '') || ' ' || r.text
    FROM recommendation r JOIN agenda_item i ON i.id = r.item_id;
INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT p.id * 4 + 3, 'minute', p.id, i.meeting_id, i.id, p.text
    FROM minute_paragraph p JOIN agenda_item i ON i.id = p.item_id;

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    VALUES (new.id * 4 + 1, 'item', new.id, new.meeting_id, new.id,
            new.number || ' ' || new.title || ' ' || coalesce(new.report_title, ''));
END;
CREATE TRIGGER search_item_update AFTER UPDATE ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    VALUES (new.id * 4 + 1, 'item', new.id, new.meeting_id, new.id,
            new.number || ' ' || new.title || ' ' || coalesce(new.report_title, ''));
END;
CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER search_rec_insert AFTER INSERT ON recommendation BEGIN
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT new.id * 4 + 2, 'recommendation', new.id, meeting_id, new.item_id,
           coalesce(new.label, '') || ' ' || new.text
    FROM agenda_item WHERE id = new.item_id;
END;
CREATE TRIGGER search_rec_update AFTER UPDATE ON recommendation BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT new.id * 4 + 2, 'recommendation', new.id, meeting_id, new.item_id,
           coalesce(new.label, '') || ' ' || new.text
    FROM agenda_item WHERE id = new.item_id;
END;
CREATE TRIGGER search_rec_delete AFTER DELETE ON recommendation BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER search_minute_insert AFTER INSERT ON minute_paragraph BEGIN
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT new.id * 4 + 3, 'minute', new.id, meeting_id, new.item_id, new.text
    FROM agenda_item WHERE id = new.item_id;
END;
CREATE TRIGGER search_minute_update AFTER UPDATE ON minute_paragraph BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)
    SELECT new.id * 4 + 3, 'minute', new.id, meeting_id, new.item_id, new.text
    FROM agenda_item WHERE id = new.item_id;
END;
CREATE TRIGGER search_minute_delete AFTER DELETE ON minute_paragraph BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
