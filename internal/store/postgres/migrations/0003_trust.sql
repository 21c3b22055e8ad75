-- 0003: the trust layer. Organisations and their partners, users, API
-- tokens, web sessions, the hash-chained audit trail, and on reports what
-- TLP 2.0 sharing needs: who created it, its PAP, legal basis and purpose,
-- and the users a RED report is shared with. Reports stored before get
-- empty values: created by nobody, so a RED one among them is in no user's
-- scope until shared.

ALTER TABLE reports ADD COLUMN created_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN pap text NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN legal_basis text NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN purpose text NOT NULL DEFAULT '';
-- A viewer's scope picks reports by label and origin, or by creator.
CREATE INDEX reports_tlp_origin ON reports (tlp, origin);
CREATE INDEX reports_created_by ON reports (created_by) WHERE created_by <> '';

-- The users a RED report is shared with, besides its creator. A user ID
-- names no foreign key: reports arrive from partners naming users that
-- this server may not know, and such a row grants nothing.
CREATE TABLE report_recipients (
    report_id text COLLATE "C" NOT NULL REFERENCES reports (id),
    user_id   text COLLATE "C" NOT NULL,
    PRIMARY KEY (report_id, user_id)
);
CREATE INDEX report_recipients_user ON report_recipients (user_id, report_id);

-- An organisation on this server. Reports name their origin by its name.
CREATE TABLE orgs (
    id         text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    country    text NOT NULL DEFAULT '',
    kind       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);

-- org shares its AMBER reports with partner.
CREATE TABLE org_partners (
    org     text NOT NULL REFERENCES orgs (name),
    partner text NOT NULL REFERENCES orgs (name),
    PRIMARY KEY (org, partner)
);
CREATE INDEX org_partners_partner ON org_partners (partner, org);

-- A person or machine account of one organisation. last_failure is NULL
-- when there was none.
CREATE TABLE users (
    id            text COLLATE "C" PRIMARY KEY,
    org           text NOT NULL REFERENCES orgs (name),
    email         text NOT NULL UNIQUE,
    role          text NOT NULL DEFAULT '',
    password_hash text NOT NULL DEFAULT '',
    totp_secret   text NOT NULL DEFAULT '',
    failures      integer NOT NULL DEFAULT 0,
    last_failure  timestamptz,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE INDEX users_org ON users (org, email);

-- A personal API token: only its hash is kept. expires_at and revoked_at
-- are NULL for never.
CREATE TABLE tokens (
    id         text COLLATE "C" PRIMARY KEY,
    user_id    text COLLATE "C" NOT NULL REFERENCES users (id),
    name       text NOT NULL DEFAULT '',
    hash       text COLLATE "C" NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX tokens_user ON tokens (user_id, id);

-- A signed-in web session, keyed by the hash of its ID.
CREATE TABLE sessions (
    hash       text COLLATE "C" PRIMARY KEY,
    user_id    text COLLATE "C" NOT NULL REFERENCES users (id),
    csrf       text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit trail: each entry carries the hash of the one before (prev)
-- and its own (hash, over its fields and prev), so a removed or altered
-- entry breaks the chain. seq runs 1, 2, 3... without gaps: it is set from
-- audit_head, never from a sequence (sequences leave gaps).
CREATE TABLE audit (
    seq         bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text COLLATE "C" NOT NULL DEFAULT '',
    org         text NOT NULL DEFAULT '',
    addr        text NOT NULL DEFAULT '',
    action      text NOT NULL DEFAULT '',
    record_type text NOT NULL DEFAULT '',
    record_id   text COLLATE "C" NOT NULL DEFAULT '',
    purpose     text NOT NULL DEFAULT '',
    decision    text NOT NULL DEFAULT '',
    prev        text NOT NULL,
    hash        text NOT NULL
);
CREATE INDEX audit_actor ON audit (actor, seq);
CREATE INDEX audit_org ON audit (org, seq);
CREATE INDEX audit_action ON audit (action, seq);
CREATE INDEX audit_record ON audit (record_id, seq);
CREATE INDEX audit_at ON audit (at);

-- The chain's head: the last entry's seq and hash, in one row that every
-- append locks (SELECT ... FOR UPDATE) and moves inside its transaction,
-- so concurrent appends from any number of servers take turns.
CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
