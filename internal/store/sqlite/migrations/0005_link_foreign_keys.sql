-- 0005: no foreign keys on the rows a report's import writes by the
-- hundred thousand (its selector links and losses), as on PostgreSQL. Each
-- key made SQLite look up the parent row of every new row, and a bulk load
-- (store.BulkWriter) writes the links before their selectors, which it
-- writes once, at the end of the same transaction. The store writes these
-- rows only in the transaction that stores their report and its selectors,
-- and nothing deletes reports or selectors, so the keys checked nothing the
-- code does not already ensure. SQLite cannot drop a constraint: the two
-- tables are rebuilt without it.
CREATE TABLE report_selectors_0005 (
    report_id   TEXT NOT NULL,
    selector_id TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    ord         INTEGER NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    raw         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, selector_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO report_selectors_0005 (report_id, selector_id, role, ord, source, raw)
    SELECT report_id, selector_id, role, ord, source, raw FROM report_selectors;
DROP TABLE report_selectors;
ALTER TABLE report_selectors_0005 RENAME TO report_selectors;
CREATE INDEX report_selectors_selector ON report_selectors (selector_id, report_id);

CREATE TABLE report_losses_0005 (
    report_id    TEXT NOT NULL,
    ord          INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    PRIMARY KEY (report_id, ord)
) STRICT, WITHOUT ROWID;
INSERT INTO report_losses_0005 (report_id, ord, amount_minor, currency)
    SELECT report_id, ord, amount_minor, currency FROM report_losses;
DROP TABLE report_losses;
ALTER TABLE report_losses_0005 RENAME TO report_losses;
