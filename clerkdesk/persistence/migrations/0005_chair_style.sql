-- Version 5: what the council calls the person in the chair ("Chairman",
-- "Chair" or "Chairperson"), kept per meeting so that changing it for later
-- meetings changes no minutes already approved. Meetings so far were minuted
-- "Chairman".

ALTER TABLE meeting ADD COLUMN chair_style VARCHAR NOT NULL DEFAULT 'Chairman';
