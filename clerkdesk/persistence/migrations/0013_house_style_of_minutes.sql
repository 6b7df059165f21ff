-- Version 13: what the minutes need to be set out as real minutes are.
--
-- On the meeting: what kind of body it is (NULL: worked out from its name),
-- the order members are listed in ('surname', the default, or 'committee':
-- the committee's own order), the time the meeting closed, the clerk's name
-- (who corrections after approval are made by, rather than the computer's
-- login) and the proper officer's line at the foot of the minutes.
-- A recommendation may hold a list of sub-points (a JSON array of text), and
-- an action may belong to one minute paragraph, printed beside it. The link
-- is a plain column, as an older version can drop it: deleting a paragraph
-- unlinks its actions in the same (journalled) action, and an action whose
-- paragraph is gone is printed at the end of its item.
ALTER TABLE meeting ADD COLUMN body_kind VARCHAR;
ALTER TABLE meeting ADD COLUMN member_order VARCHAR;
ALTER TABLE meeting ADD COLUMN closed_at TIME;
ALTER TABLE meeting ADD COLUMN clerk_name VARCHAR;
ALTER TABLE meeting ADD COLUMN proper_officer VARCHAR;
ALTER TABLE meeting ADD COLUMN proper_officer_title VARCHAR;
ALTER TABLE recommendation ADD COLUMN points TEXT;
ALTER TABLE action ADD COLUMN paragraph_id INTEGER;
