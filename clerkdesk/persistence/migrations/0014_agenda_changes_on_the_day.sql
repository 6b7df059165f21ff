-- Version 14 (numbered 0014; 0013 is another branch's): what happened to an
-- agenda item on the day.
--
-- urgency_reason is the chair's reason for taking an item not on the published
-- agenda as a matter of urgency (LGA 1972 s.100B(4)(b)); the minutes must
-- state it. NULL for every item that was on the agenda.
-- disposal is 'withdrawn' or 'deferred' when the item was not considered;
-- NULL when it was.
-- taken_out_of_order is 1 when the chair took the item at a different point
-- from the published agenda: the item's position is the order taken (the
-- minutes follow it), its number stays the published one.

ALTER TABLE agenda_item ADD COLUMN urgency_reason TEXT;
ALTER TABLE agenda_item ADD COLUMN disposal VARCHAR;
ALTER TABLE agenda_item ADD COLUMN taken_out_of_order BOOLEAN NOT NULL DEFAULT 0;
