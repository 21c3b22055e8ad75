-- 0001: the base schema.
--
-- Times are RFC 3339 UTC text with fixed-width nanoseconds
-- (2025-03-01T09:30:00.000000000Z), so that they sort as text and read well
-- in the sqlite3 shell. Tables are STRICT so that a wrong type fails loudly.

-- A scam report. external_ref is '' when the origin gave none; only
-- non-empty references are unique per origin.
CREATE TABLE reports (
    id             TEXT PRIMARY KEY,
    origin         TEXT NOT NULL,
    external_ref   TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL DEFAULT '',
    received_at    TEXT NOT NULL,
    occurred_at    TEXT,
    scam_type      TEXT NOT NULL DEFAULT '',
    narrative      TEXT NOT NULL DEFAULT '',
    victim_ref     TEXT NOT NULL DEFAULT '',
    victim_country TEXT NOT NULL DEFAULT '',
    tlp            TEXT NOT NULL DEFAULT '',
    network_id     TEXT,
    created_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reports_origin_external_ref ON reports (origin, external_ref) WHERE external_ref <> '';
CREATE INDEX reports_network ON reports (network_id, id);

-- Money lost, in the order the report gave it.
CREATE TABLE report_losses (
    report_id    TEXT NOT NULL REFERENCES reports (id),
    ord          INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    PRIMARY KEY (report_id, ord)
) STRICT, WITHOUT ROWID;

-- What the store knows of each selector across all reports. hash is the
-- 32-byte SHA-256 of "<kind>:<value>": the private range check scans it by
-- prefix.
CREATE TABLE selectors (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    display      TEXT NOT NULL DEFAULT '',
    region       TEXT NOT NULL DEFAULT '',
    subtype      TEXT NOT NULL DEFAULT '',
    hash         BLOB NOT NULL,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    report_count INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    no_link      INTEGER NOT NULL DEFAULT 0,
    confirmed    INTEGER NOT NULL DEFAULT 0,
    withdrawn    INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
CREATE INDEX selectors_hash ON selectors (hash);

-- A selector named by a report, in the order the report named them.
CREATE TABLE report_selectors (
    report_id   TEXT NOT NULL REFERENCES reports (id),
    selector_id TEXT NOT NULL REFERENCES selectors (id),
    role        TEXT NOT NULL DEFAULT '',
    ord         INTEGER NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    raw         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, selector_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_selectors_selector ON report_selectors (selector_id, report_id);

-- How many reports from each origin name a selector: keeps
-- selectors.source_count (distinct origins) exact without recounting. It is
-- written in the same transaction as its selector, before it (so that the
-- new origins can be counted into the selector's upsert), hence no foreign
-- key.
CREATE TABLE selector_sources (
    selector_id TEXT NOT NULL,
    origin      TEXT NOT NULL,
    reports     INTEGER NOT NULL,
    PRIMARY KEY (selector_id, origin)
) STRICT, WITHOUT ROWID;

-- A reporter's contact details: personal data, kept apart from the report.
CREATE TABLE contacts (
    report_id TEXT PRIMARY KEY REFERENCES reports (id),
    name      TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    consent   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A network's summary, as last refreshed.
CREATE TABLE networks (
    id             TEXT PRIMARY KEY,
    report_count   INTEGER NOT NULL,
    selector_count INTEGER NOT NULL,
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX networks_size ON networks (report_count DESC, id);
