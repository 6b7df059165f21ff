-- Version 8: minute paragraphs indexed by item and position together.
--
-- A new paragraph goes after the item's last: with the index on item_id alone
-- SQLite read every paragraph of the item to find the highest position, so
-- each minute took longer than the one before (docs/benchmarks.md). The index
-- on (item_id, position) answers that from its last entry, and still serves
-- every look-up by item.

CREATE INDEX ix_minute_paragraph_item_position ON minute_paragraph (item_id, position);
DROP INDEX ix_minute_paragraph_item_id;
