-- Version 15 (numbered 0016; 0015 is another branch's): an agenda item's title
-- in Welsh, where a Welsh council's bilingual agenda gives one. The English
-- title stays the item's title; NULL for every item without a Welsh one.

ALTER TABLE agenda_item ADD COLUMN welsh_title TEXT;
