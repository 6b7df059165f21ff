-- Version 4: an officer's job title as it was at each meeting.
--
-- The title was kept only on the person, shared by every meeting: an officer
-- promoted since could not be minuted with the new title without changing
-- the title in minutes already approved and signed. Each attendance now keeps
-- its own; the person's title is only the default offered next time. Existing
-- attendances take the title their minutes show today.

ALTER TABLE attendee ADD COLUMN title VARCHAR;

UPDATE attendee SET title = (SELECT title FROM person WHERE person.id = attendee.person_id);
