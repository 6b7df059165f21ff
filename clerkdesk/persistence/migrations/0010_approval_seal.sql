-- Version 10: approval seals the record.
--
-- meeting.seal is the SHA-256 digest of the record as approved (domain/seal.py);
-- correction.seal is the digest of the record after that correction, chained to
-- the seal before it. A seal, once set, never changes: the correction table is
-- already append-only, and the meeting's seal is kept by the trigger below.
-- Meetings approved before this version are sealed as they stand by the step
-- that follows this script in the same transaction (persistence/seals.py).

ALTER TABLE meeting ADD COLUMN seal VARCHAR;
ALTER TABLE correction ADD COLUMN seal VARCHAR;
CREATE TRIGGER meeting_seal_kept BEFORE UPDATE OF seal ON meeting
WHEN OLD.seal IS NOT NULL AND (NEW.seal IS NULL OR NEW.seal <> OLD.seal)
BEGIN SELECT RAISE(ABORT, 'The seal of approved minutes never changes.'); END;
