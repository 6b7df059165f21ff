-- Version 6: the audit trail loses its index on meeting_id.
--
-- Every clerk action appends one audit row, and each index on the table is one
-- more page the action's COMMIT must write and sync (docs/benchmarks.md: one
-- page in seven for a late arrival). Nothing reads the audit trail by meeting
-- while recording; it is read whole (an auditor's query, a copy of the file),
-- and a scan of ten years of it takes well under a second.

DROP INDEX IF EXISTS ix_audit_meeting_id;
