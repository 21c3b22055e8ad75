-- Compare two PostgreSQL stores loaded from the same file: run on each
-- (psql DSN -Atq -f bench/import/pg_compare.sql) and diff the outputs.
-- Every stored row of a load, but the report IDs (minted at import) and the times of writing; reports named by (origin, external_ref).
CREATE TEMP VIEW ref AS SELECT id, origin || '/' || external_ref AS k FROM reports;
SELECT 'reports', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', origin, external_ref, channel, received_at, occurred_at, scam_type, narrative, victim_ref, victim_country, tlp, created_by, pap, legal_basis, purpose, network_id IS NULL) x FROM reports) t;
SELECT 'links', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', ref.k, selector_id, role, ord, source, raw) x FROM report_selectors rs JOIN ref ON ref.id = rs.report_id) t;
SELECT 'losses', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', ref.k, ord, amount_minor, currency) x FROM report_losses l JOIN ref ON ref.id = l.report_id) t;
SELECT 'recipients', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', ref.k, user_id) x FROM report_recipients l JOIN ref ON ref.id = l.report_id) t;
SELECT 'contacts', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', ref.k, name, email, phone, consent) x FROM contacts l JOIN ref ON ref.id = l.report_id) t;
SELECT 'selectors', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', id, kind, value, display, region, subtype, encode(hash, 'hex'), first_seen, last_seen, report_count, source_count, no_link, confirmed, withdrawn) x FROM selectors) t;
SELECT 'sources', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', selector_id, origin, reports) x FROM selector_sources) t;
SELECT 'summaries', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT concat_ws('|', report_count, selector_count, first_seen, last_seen) x FROM networks) t;
SELECT 'networks', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT string_agg(ref.k, ',' ORDER BY ref.k) x FROM reports r JOIN ref ON ref.id = r.id WHERE r.network_id IS NOT NULL GROUP BY r.network_id) t;
SELECT 'redirects', count(*), '' FROM network_redirects;
SELECT 'indexes', count(*), md5(string_agg(x, E'\n' ORDER BY x)) FROM (SELECT indexname || ' ' || indexdef x FROM pg_indexes WHERE schemaname = 'public') t;
SELECT 'tables', count(*), string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public';
