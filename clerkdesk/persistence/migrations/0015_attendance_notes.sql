-- Version 15 (numbered 0015; 0013 and 0014 are other branches'): a note on a
-- person's attendance, in the clerk's words ("attended remotely, not entitled
-- to vote", "left the room for item 6"), printed in the minutes' attendance
-- notes. NULL when there is none.
ALTER TABLE attendee ADD COLUMN note TEXT;
