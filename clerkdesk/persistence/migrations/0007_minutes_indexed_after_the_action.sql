-- Version 7: a minute paragraph is indexed for search after the action, not in it.
--
-- Typing a minute is the clerk's commonest action. Indexing it in the same
-- transaction made FTS5 write six or seven more pages (a new segment, its
-- structure record, the stored copy, sizes, and every few commits a merge),
-- which the action's COMMIT had to sync: half of the action's disk work and
-- most of its slowest moments (docs/benchmarks.md). The triggers now only
-- note which index entries are out of date, one small row in the same
-- transaction, so nothing can be missed; clerkdesk/persistence/search_index.py
-- brings the index up to date before every search, when the clerk pauses, and
-- when the database is closed. Agenda items and recommendations, written far
-- less often, are still indexed at once.

CREATE TABLE search_pending (
    entry INTEGER PRIMARY KEY  -- the search_index rowid to bring up to date
);

DROP TRIGGER search_minute_insert;
DROP TRIGGER search_minute_update;
DROP TRIGGER search_minute_delete;

CREATE TRIGGER search_minute_insert AFTER INSERT ON minute_paragraph BEGIN
    INSERT OR IGNORE INTO search_pending (entry) VALUES (new.id * 4 + 3);
END;
CREATE TRIGGER search_minute_update AFTER UPDATE OF text, item_id ON minute_paragraph BEGIN
    INSERT OR IGNORE INTO search_pending (entry) VALUES (old.id * 4 + 3);
    INSERT OR IGNORE INTO search_pending (entry) VALUES (new.id * 4 + 3);
END;
CREATE TRIGGER search_minute_delete AFTER DELETE ON minute_paragraph BEGIN
    INSERT OR IGNORE INTO search_pending (entry) VALUES (old.id * 4 + 3);
END;
