-- 0003: the trust layer. Organisations and their partners, users, API
-- tokens, web sessions, the hash-chained audit trail, and on reports what
-- TLP 2.0 sharing needs: who created it, its PAP, legal basis and purpose,
-- and the users a RED report is shared with. Reports stored before get
-- empty values: created by nobody, so a RED one among them is in no user's
-- scope until shared.

ALTER TABLE reports ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN pap TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN legal_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
-- A viewer's scope picks reports by label and origin, or by creator.
CREATE INDEX reports_tlp_origin ON reports (tlp, origin);
CREATE INDEX reports_created_by ON reports (created_by) WHERE created_by <> '';

-- The users a RED report is shared with, besides its creator. A user ID
-- names no foreign key: reports arrive from partners naming users that
-- this server may not know, and such a row grants nothing.
CREATE TABLE report_recipients (
    report_id TEXT NOT NULL REFERENCES reports (id),
    user_id   TEXT NOT NULL,
    PRIMARY KEY (report_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_recipients_user ON report_recipients (user_id, report_id);

-- An organisation on this server. Reports name their origin by its name.
CREATE TABLE orgs (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    country    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

-- org shares its AMBER reports with partner.
CREATE TABLE org_partners (
    org     TEXT NOT NULL REFERENCES orgs (name),
    partner TEXT NOT NULL REFERENCES orgs (name),
    PRIMARY KEY (org, partner)
) STRICT, WITHOUT ROWID;
CREATE INDEX org_partners_partner ON org_partners (partner, org);

-- A person or machine account of one organisation. Times of failures are
-- NULL when there was none.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org           TEXT NOT NULL REFERENCES orgs (name),
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    totp_secret   TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    last_failure  TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX users_org ON users (org, email);

-- A personal API token: only its hash is kept. expires_at and revoked_at
-- are NULL for never.
CREATE TABLE tokens (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL DEFAULT '',
    hash       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
) STRICT;
CREATE INDEX tokens_user ON tokens (user_id, id);

-- A signed-in web session, keyed by the hash of its ID.
CREATE TABLE sessions (
    hash       TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit trail: each entry carries the hash of the one before (prev)
-- and its own (hash, over its fields and prev), so a removed or altered
-- entry breaks the chain. seq runs 1, 2, 3... without gaps: it is set from
-- audit_head. Times are as in 0001.
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    org         TEXT NOT NULL DEFAULT '',
    addr        TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL DEFAULT '',
    record_type TEXT NOT NULL DEFAULT '',
    record_id   TEXT NOT NULL DEFAULT '',
    purpose     TEXT NOT NULL DEFAULT '',
    decision    TEXT NOT NULL DEFAULT '',
    prev        TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_actor ON audit (actor, seq);
CREATE INDEX audit_org ON audit (org, seq);
CREATE INDEX audit_action ON audit (action, seq);
CREATE INDEX audit_record ON audit (record_id, seq);
CREATE INDEX audit_at ON audit (at);

-- The chain's head: the last entry's seq and hash, in one row that every
-- append reads and moves inside its write transaction (SQLite has one
-- writer at a time, so appends take turns).
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
