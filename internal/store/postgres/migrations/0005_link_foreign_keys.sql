-- 0005: no foreign keys on the rows a report's import writes by the
-- hundred thousand (its selector links and losses). Each key made
-- PostgreSQL look up, and lock FOR KEY SHARE, the parent row of every new
-- row: a selector row locked (and its page written) per link. The store
-- writes these rows only in the transaction that stores their report and
-- upserts their selectors first (store.BatchWriter, InsertReports), and
-- nothing deletes reports or selectors, so the keys checked nothing the
-- code does not already ensure.
ALTER TABLE report_selectors DROP CONSTRAINT IF EXISTS report_selectors_report_id_fkey;
ALTER TABLE report_selectors DROP CONSTRAINT IF EXISTS report_selectors_selector_id_fkey;
ALTER TABLE report_losses DROP CONSTRAINT IF EXISTS report_losses_report_id_fkey;
