-- 0004: casework. The people counterscam follows, their roles, consular
-- cases with their timelines and deadlines, missing-person intakes,
-- compounds and advisory zones, screenings (kept apart from the charge
-- evidence), repatriation flights and referrals to support.
--
-- Each record is kept whole as JSON text in `detail` (text, not jsonb: it
-- is read back whole, never queried inside, and stays byte for byte what
-- the SQLite driver keeps); the typed columns beside it repeat the fields
-- that queries filter and sort on, written from the same record in the
-- same statement. Identifiers and sorted names are COLLATE "C" as in 0001.

CREATE TABLE persons (
    id           text COLLATE "C" PRIMARY KEY,
    origin       text NOT NULL,
    external_ref text NOT NULL DEFAULT '',
    tlp          text NOT NULL,
    created_by   text COLLATE "C" NOT NULL DEFAULT '',
    updated_at   timestamptz NOT NULL,
    match_data   text NOT NULL, -- the fields person matching reads (store.EncodeMatchData)
    detail       text NOT NULL
);
CREATE UNIQUE INDEX persons_ref ON persons (origin, external_ref) WHERE external_ref <> '';
CREATE INDEX persons_updated ON persons (updated_at, id);

-- Lookup keys of a person, filled by the casework service: name keys
-- (name:...), document numbers (doc:...) and selector IDs (sel:...).
CREATE TABLE person_keys (
    lookup    text COLLATE "C" NOT NULL,
    person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
    PRIMARY KEY (lookup, person_id)
);
CREATE INDEX person_keys_person ON person_keys (person_id);

CREATE TABLE person_roles (
    id        text COLLATE "C" PRIMARY KEY,
    person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
    case_id   text COLLATE "C" NOT NULL DEFAULT '',
    from_at   timestamptz NOT NULL,
    detail    text NOT NULL
);
CREATE INDEX person_roles_person ON person_roles (person_id, from_at, id);
CREATE INDEX person_roles_case ON person_roles (case_id, from_at, id) WHERE case_id <> '';

-- Same/not-same decisions on pairs of records (a < b).
CREATE TABLE match_decisions (
    a      text COLLATE "C" NOT NULL,
    b      text COLLATE "C" NOT NULL,
    same   boolean NOT NULL,
    detail text NOT NULL,
    PRIMARY KEY (a, b)
);

CREATE TABLE cases (
    id         text COLLATE "C" PRIMARY KEY,
    person_id  text COLLATE "C" NOT NULL REFERENCES persons (id),
    state      text NOT NULL,
    updated_at timestamptz NOT NULL,
    detail     text NOT NULL
);
CREATE INDEX cases_person ON cases (person_id, id);
CREATE INDEX cases_state ON cases (state, id);

CREATE TABLE case_events (
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    seq     integer NOT NULL,
    detail  text NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE deadlines (
    id      text COLLATE "C" PRIMARY KEY,
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    due_at  timestamptz NOT NULL,
    met_at  timestamptz,
    detail  text NOT NULL
);
CREATE INDEX deadlines_case ON deadlines (case_id, due_at);
CREATE INDEX deadlines_open ON deadlines (due_at, id) WHERE met_at IS NULL;

-- The triage queue is the intakes not triaged yet: danger now first, then
-- the longest waiting.
CREATE TABLE intakes (
    id          text COLLATE "C" PRIMARY KEY,
    received_at timestamptz NOT NULL,
    danger_now  boolean NOT NULL,
    triaged_at  timestamptz,
    detail      text NOT NULL
);
CREATE INDEX intakes_queue ON intakes (danger_now DESC, received_at, id) WHERE triaged_at IS NULL;

CREATE TABLE compounds (
    id     text COLLATE "C" PRIMARY KEY,
    detail text NOT NULL
);

CREATE TABLE advisory_zones (
    id        text COLLATE "C" PRIMARY KEY,
    country   text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    from_date text COLLATE "C" NOT NULL,
    detail    text NOT NULL
);

-- A person has at most one current screening (superseded_by = '').
CREATE TABLE screenings (
    id            text COLLATE "C" PRIMARY KEY,
    person_id     text COLLATE "C" NOT NULL REFERENCES persons (id),
    superseded_by text COLLATE "C" NOT NULL DEFAULT '',
    detail        text NOT NULL
);
CREATE INDEX screenings_person ON screenings (person_id, id);
CREATE UNIQUE INDEX screenings_current ON screenings (person_id) WHERE superseded_by = '';

CREATE TABLE charge_evidence (
    id        text COLLATE "C" PRIMARY KEY,
    person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
    detail    text NOT NULL
);
CREATE INDEX charge_evidence_person ON charge_evidence (person_id, id);

CREATE TABLE flights (
    id        text COLLATE "C" PRIMARY KEY,
    depart_at timestamptz NOT NULL,
    detail    text NOT NULL
);

CREATE TABLE passengers (
    flight_id text COLLATE "C" NOT NULL REFERENCES flights (id),
    person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
    added_at  timestamptz NOT NULL,
    detail    text NOT NULL,
    PRIMARY KEY (flight_id, person_id)
);
CREATE INDEX passengers_person ON passengers (person_id, added_at);

CREATE TABLE referrals (
    id        text COLLATE "C" PRIMARY KEY,
    person_id text COLLATE "C" NOT NULL REFERENCES persons (id),
    to_org    text NOT NULL,
    withdrawn boolean NOT NULL,
    detail    text NOT NULL
);
CREATE INDEX referrals_person ON referrals (person_id, id);
CREATE INDEX referrals_org ON referrals (to_org, id);
