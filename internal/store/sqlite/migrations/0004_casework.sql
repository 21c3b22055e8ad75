-- 0004: casework. The people counterscam follows, their roles, consular
-- cases with their timelines and deadlines, missing-person intakes,
-- compounds and advisory zones, screenings (kept apart from the charge
-- evidence), repatriation flights and referrals to support.
--
-- Each record is kept whole as JSON in `detail`; the typed columns beside
-- it repeat the fields that queries filter and sort on, written from the
-- same record in the same statement. Times are as in 0001; an optional
-- time is NULL when unset.

CREATE TABLE persons (
    id           TEXT PRIMARY KEY,
    origin       TEXT NOT NULL,
    external_ref TEXT NOT NULL DEFAULT '',
    tlp          TEXT NOT NULL,
    created_by   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    match_data   TEXT NOT NULL, -- the fields person matching reads (store.EncodeMatchData)
    detail       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX persons_ref ON persons (origin, external_ref) WHERE external_ref <> '';
CREATE INDEX persons_updated ON persons (updated_at, id);

-- Lookup keys of a person, filled by the casework service: name keys
-- (name:...), document numbers (doc:...) and selector IDs (sel:...).
CREATE TABLE person_keys (
    lookup    TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (lookup, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_keys_person ON person_keys (person_id);

CREATE TABLE person_roles (
    id        TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id),
    case_id   TEXT NOT NULL DEFAULT '',
    from_at   TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;
CREATE INDEX person_roles_person ON person_roles (person_id, from_at, id);
CREATE INDEX person_roles_case ON person_roles (case_id, from_at, id) WHERE case_id <> '';

-- Same/not-same decisions on pairs of records (a < b).
CREATE TABLE match_decisions (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    same   INTEGER NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;

CREATE TABLE cases (
    id         TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES persons (id),
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    detail     TEXT NOT NULL
) STRICT;
CREATE INDEX cases_person ON cases (person_id, id);
CREATE INDEX cases_state ON cases (state, id);

CREATE TABLE case_events (
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq     INTEGER NOT NULL,
    detail  TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE deadlines (
    id      TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    due_at  TEXT NOT NULL,
    met_at  TEXT,
    detail  TEXT NOT NULL
) STRICT;
CREATE INDEX deadlines_case ON deadlines (case_id, due_at);
CREATE INDEX deadlines_open ON deadlines (due_at, id) WHERE met_at IS NULL;

-- The triage queue is the intakes not triaged yet: danger now first, then
-- the longest waiting.
CREATE TABLE intakes (
    id          TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    danger_now  INTEGER NOT NULL,
    triaged_at  TEXT,
    detail      TEXT NOT NULL
) STRICT;
CREATE INDEX intakes_queue ON intakes (danger_now DESC, received_at, id) WHERE triaged_at IS NULL;

CREATE TABLE compounds (
    id     TEXT PRIMARY KEY,
    detail TEXT NOT NULL
) STRICT;

CREATE TABLE advisory_zones (
    id        TEXT PRIMARY KEY,
    country   TEXT NOT NULL,
    name      TEXT NOT NULL,
    from_date TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;

-- A person has at most one current screening (superseded_by = '').
CREATE TABLE screenings (
    id            TEXT PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES persons (id),
    superseded_by TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL
) STRICT;
CREATE INDEX screenings_person ON screenings (person_id, id);
CREATE UNIQUE INDEX screenings_current ON screenings (person_id) WHERE superseded_by = '';

CREATE TABLE charge_evidence (
    id        TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id),
    detail    TEXT NOT NULL
) STRICT;
CREATE INDEX charge_evidence_person ON charge_evidence (person_id, id);

CREATE TABLE flights (
    id        TEXT PRIMARY KEY,
    depart_at TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;

CREATE TABLE passengers (
    flight_id TEXT NOT NULL REFERENCES flights (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    added_at  TEXT NOT NULL,
    detail    TEXT NOT NULL,
    PRIMARY KEY (flight_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX passengers_person ON passengers (person_id, added_at);

CREATE TABLE referrals (
    id        TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id),
    to_org    TEXT NOT NULL,
    withdrawn INTEGER NOT NULL,
    detail    TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_person ON referrals (person_id, id);
CREATE INDEX referrals_org ON referrals (to_org, id);
