-- 0001: the base schema.
--
-- Identifiers are text COLLATE "C": compared byte by byte, so ULIDs and
-- UUIDs sort the same on every server whatever its locale, and index
-- comparisons stay cheap. Only SQL that distributed PostgreSQL-compatible
-- engines also accept.

-- A scam report. external_ref is '' when the origin gave none; only
-- non-empty references are unique per origin.
CREATE TABLE reports (
    id             text COLLATE "C" PRIMARY KEY,
    origin         text NOT NULL,
    external_ref   text NOT NULL DEFAULT '',
    channel        text NOT NULL DEFAULT '',
    received_at    timestamptz NOT NULL,
    occurred_at    timestamptz,
    scam_type      text NOT NULL DEFAULT '',
    narrative      text NOT NULL DEFAULT '',
    victim_ref     text NOT NULL DEFAULT '',
    victim_country text NOT NULL DEFAULT '',
    tlp            text NOT NULL DEFAULT '',
    network_id     text COLLATE "C",
    created_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX reports_origin_external_ref ON reports (origin, external_ref) WHERE external_ref <> '';
CREATE INDEX reports_network ON reports (network_id, id);

-- Money lost, in the order the report gave it.
CREATE TABLE report_losses (
    report_id    text COLLATE "C" NOT NULL REFERENCES reports (id),
    ord          integer NOT NULL,
    amount_minor bigint NOT NULL,
    currency     text NOT NULL,
    PRIMARY KEY (report_id, ord)
);

-- What the store knows of each selector across all reports. hash is the
-- 32-byte SHA-256 of "<kind>:<value>": the private range check scans it by
-- prefix.
CREATE TABLE selectors (
    id           text COLLATE "C" PRIMARY KEY,
    kind         text NOT NULL,
    value        text NOT NULL,
    display      text NOT NULL DEFAULT '',
    region       text NOT NULL DEFAULT '',
    subtype      text NOT NULL DEFAULT '',
    hash         bytea NOT NULL,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL,
    report_count integer NOT NULL DEFAULT 0,
    source_count integer NOT NULL DEFAULT 0,
    no_link      boolean NOT NULL DEFAULT false,
    confirmed    boolean NOT NULL DEFAULT false,
    withdrawn    boolean NOT NULL DEFAULT false
);
CREATE INDEX selectors_hash ON selectors (hash);

-- A selector named by a report, in the order the report named them.
CREATE TABLE report_selectors (
    report_id   text COLLATE "C" NOT NULL REFERENCES reports (id),
    selector_id text COLLATE "C" NOT NULL REFERENCES selectors (id),
    role        text NOT NULL DEFAULT '',
    ord         integer NOT NULL,
    source      text NOT NULL DEFAULT '',
    raw         text NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, selector_id, role)
);
CREATE INDEX report_selectors_selector ON report_selectors (selector_id, report_id);

-- How many reports from each origin name a selector: keeps
-- selectors.source_count (distinct origins) exact without recounting. It is
-- written in the same transaction as its selector, before it (so that the
-- new origins can be counted into the selector's upsert), hence no foreign
-- key.
CREATE TABLE selector_sources (
    selector_id text COLLATE "C" NOT NULL,
    origin      text NOT NULL,
    reports     integer NOT NULL,
    PRIMARY KEY (selector_id, origin)
);

-- A reporter's contact details: personal data, kept apart from the report.
CREATE TABLE contacts (
    report_id text COLLATE "C" PRIMARY KEY REFERENCES reports (id),
    name      text NOT NULL DEFAULT '',
    email     text NOT NULL DEFAULT '',
    phone     text NOT NULL DEFAULT '',
    consent   boolean NOT NULL DEFAULT false
);

-- A network's summary, as last refreshed.
CREATE TABLE networks (
    id             text COLLATE "C" PRIMARY KEY,
    report_count   integer NOT NULL,
    selector_count integer NOT NULL,
    first_seen     timestamptz NOT NULL,
    last_seen      timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX networks_size ON networks (report_count DESC, id);
