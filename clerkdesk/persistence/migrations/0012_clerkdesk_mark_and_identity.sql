-- Version 12: a ClerkDesk file says so, knows which file it is, and keeps no
-- undo history for approved minutes.
--
-- application_id (bytes 68-71 of the file's header, "CLKD") lets ClerkDesk
-- tell its own files from any other SQLite file by reading the header alone,
-- without opening the file and so without changing it (identity.py).
--
-- The token names this database and every copy of it (backups included). The
-- last action ClerkDesk acknowledged is kept beside the file with the token
-- (single_writer.py), so that a file holding fewer actions than were
-- acknowledged, for example because its -wal was lost, is noticed; a
-- different database put at the same path is not mistaken for one.
--
-- Approved minutes cannot be undone, so their undo journal (which holds every
-- deleted paragraph's text, Part II included) is deleted, as approval now does.
PRAGMA application_id = 1129073476;
CREATE TABLE database_identity (
	token VARCHAR NOT NULL
);
INSERT INTO database_identity (token) VALUES (lower(hex(randomblob(16))));
DELETE FROM journal WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'approved');
