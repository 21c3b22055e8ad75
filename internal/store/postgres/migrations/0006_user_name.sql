-- 0006: a user's name, as colleagues know them, so that a case's timeline
-- and the audit views can say who acted rather than show a ULID. Users
-- stored before get an empty name; the pages fall back to their e-mail
-- address.
ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT '';
