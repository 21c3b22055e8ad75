package sqlite

import (
	"context"
	"database/sql"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

var (
	storedRefs = multiRow{
		head: `SELECT v.column1, v.column2 FROM (VALUES`,
		cols: 2,
		tail: `) AS v JOIN reports r ON r.origin = v.column1 AND r.external_ref = v.column2 AND r.external_ref <> ''`,
	}
	networkSummaries = multiRow{
		head: `SELECT n.id, n.report_count, n.selector_count, n.first_seen, n.last_seen FROM (VALUES`,
		cols: 1,
		tail: `) AS v JOIN networks n ON n.id = v.column1`,
	}
	// Candidates with reports: those without a summary are orphans.
	populatedNetworks = multiRow{
		head: `SELECT v.column1 FROM (VALUES`,
		cols: 1,
		tail: `) AS v WHERE EXISTS (SELECT 1 FROM reports WHERE network_id = v.column1)`,
	}
	partSelectors = multiRow{
		head: `SELECT DISTINCT v.column2, rs.selector_id FROM (VALUES`,
		cols: 2,
		tail: `) AS v JOIN reports r ON r.network_id = v.column1 JOIN report_selectors rs ON rs.report_id = r.id`,
	}
	// A candidate selector is new to its network unless marked "does not
	// link" or named by a report of the network's base part. The probe
	// walks the selector's links, so it costs the selector's reports, and
	// stops at the first in the base.
	newSelectors = multiRow{
		head: `SELECT v.column1, count(*) FROM (VALUES`,
		cols: 3,
		tail: `) AS v LEFT JOIN selectors s ON s.id = v.column3
			WHERE s.id IS NULL OR (s.no_link = 0 AND (v.column2 = '' OR NOT EXISTS (
				SELECT 1 FROM report_selectors rs INDEXED BY report_selectors_selector
				JOIN reports r ON r.id = rs.report_id
				WHERE rs.selector_id = v.column3 AND r.network_id = v.column2)))
			GROUP BY v.column1`,
	}
	moveReports = multiRow{
		head: `UPDATE reports SET network_id = v.column2 FROM (VALUES`,
		cols: 2,
		tail: `) AS v WHERE reports.network_id = v.column1`,
	}
	moveRedirects = multiRow{
		head: `UPDATE network_redirects SET survivor = v.column2 FROM (VALUES`,
		cols: 2,
		tail: `) AS v WHERE network_redirects.survivor = v.column1`,
	}
	putRedirects = multiRow{
		head: `INSERT INTO network_redirects (absorbed, survivor) VALUES`,
		cols: 2,
		tail: `ON CONFLICT (absorbed) DO UPDATE SET survivor = excluded.survivor`,
	}
	dropSummaries = multiRow{
		head: `DELETE FROM networks WHERE id IN (SELECT column1 FROM (VALUES`,
		cols: 1,
		tail: `))`,
	}
	putSummaries = multiRow{
		head: `INSERT INTO networks (id, report_count, selector_count, first_seen, last_seen, updated_at) VALUES`,
		cols: 6,
		tail: `ON CONFLICT (id) DO UPDATE SET report_count = excluded.report_count,
			selector_count = excluded.selector_count, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, updated_at = excluded.updated_at`,
	}
	// A network that has reports again is no longer merged away.
	liftRedirects = multiRow{
		head: `DELETE FROM network_redirects WHERE absorbed IN (SELECT column1 FROM (VALUES`,
		cols: 1,
		tail: `)) AND absorbed IN (SELECT id FROM networks)`,
	}
)

// NewReports says which reports are not stored yet, nor taken by an
// earlier report of the batch.
func (w *writer) NewReports(ctx context.Context, reports []*store.Report) ([]bool, error) {
	type ref struct{ origin, ext string }
	var refs []ref
	for _, r := range reports {
		if r.ExternalRef != "" {
			refs = append(refs, ref{r.Origin, r.ExternalRef})
		}
	}
	stored := map[ref]bool{}
	args := make([]any, 0, maxVars)
	err := batch.Chunks(len(refs), storedRefs.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, k := range refs[lo:hi] {
			args = append(args, k.origin, k.ext)
		}
		return w.queryEach(ctx, storedRefs, hi-lo, args, func(rows *sql.Rows) error {
			var k ref
			if err := rows.Scan(&k.origin, &k.ext); err != nil {
				return err
			}
			stored[k] = true
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	fresh := make([]bool, len(reports))
	for i, r := range reports {
		k := ref{r.Origin, r.ExternalRef}
		if r.ExternalRef == "" || !stored[k] {
			fresh[i] = true
			stored[k] = r.ExternalRef != ""
		}
	}
	return fresh, nil
}

// AddReports stores new reports in their networks and applies the merges,
// keeping the summaries of the networks involved up to date from what the
// batch changes. The reads come first, while the store still holds the
// networks as they were.
func (w *writer) AddReports(ctx context.Context, reports []*store.Report, merges []store.NetworkMerge) error {
	if err := batch.Check(reports); err != nil {
		return err
	}
	plan, err := batch.PlanNetworks(reports, merges)
	if err != nil {
		return err
	}
	args := make([]any, 0, maxVars)
	// The stored summaries of the candidates, and those with reports but
	// no summary.
	sums := map[string]batch.Summary{}
	err = eachChunk(ctx, w, plan.Candidates, networkSummaries, args, func(a []any, id string) []any { return append(a, id) },
		func(rows *sql.Rows) error {
			var (
				id          string
				s           batch.Summary
				first, last string
			)
			if err := rows.Scan(&id, &s.Reports, &s.Selectors, &first, &last); err != nil {
				return err
			}
			var err error
			if s.FirstSeen, err = parseTime(first); err != nil {
				return err
			}
			if s.LastSeen, err = parseTime(last); err != nil {
				return err
			}
			sums[id] = s
			return nil
		})
	if err != nil {
		return err
	}
	var unsummed, orphans []string
	for _, c := range plan.Candidates {
		if _, ok := sums[c]; !ok {
			unsummed = append(unsummed, c)
		}
	}
	err = eachChunk(ctx, w, unsummed, populatedNetworks, args, func(a []any, id string) []any { return append(a, id) },
		func(rows *sql.Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			orphans = append(orphans, id)
			return nil
		})
	if err != nil {
		return err
	}
	plan.Parts(sums, orphans)
	// The selectors named by non-base parts, then which candidates are new.
	var nonBase [][2]string
	err = eachChunk(ctx, w, plan.NonBase(), partSelectors, args, func(a []any, m store.NetworkMerge) []any { return append(a, m.Absorbed, m.Survivor) },
		func(rows *sql.Rows) error {
			var fs [2]string
			if err := rows.Scan(&fs[0], &fs[1]); err != nil {
				return err
			}
			nonBase = append(nonBase, fs)
			return nil
		})
	if err != nil {
		return err
	}
	added := map[string]int{}
	err = eachChunk(ctx, w, plan.SelectorCandidates(nonBase), newSelectors, args,
		func(a []any, c batch.Candidate) []any { return append(a, c.Network, c.Base, c.Selector) },
		func(rows *sql.Rows) error {
			var (
				id string
				n  int
			)
			if err := rows.Scan(&id, &n); err != nil {
				return err
			}
			added[id] += n
			return nil
		})
	if err != nil {
		return err
	}

	// The writes.
	ins, err := w.InsertReports(ctx, reports)
	if err != nil {
		return err
	}
	for _, ok := range ins {
		if !ok {
			return store.ErrConflict
		}
	}
	pair := func(a []any, m store.NetworkMerge) []any { return append(a, m.Absorbed, m.Survivor) }
	one := func(a []any, id string) []any { return append(a, id) }
	absorbed := plan.Absorbed(orphans)
	if err := execChunks(ctx, w, absorbed, moveReports, args, pair); err != nil {
		return err
	}
	if err := execChunks(ctx, w, plan.Merges, moveRedirects, args, pair); err != nil {
		return err
	}
	if err := execChunks(ctx, w, plan.Merges, putRedirects, args, pair); err != nil {
		return err
	}
	gone := make([]string, len(absorbed))
	for i, m := range absorbed {
		gone[i] = m.Absorbed
	}
	if err := execChunks(ctx, w, gone, dropSummaries, args, one); err != nil {
		return err
	}
	now := fmtTime(time.Now())
	err = execChunks(ctx, w, plan.Summaries(added), putSummaries, args, func(a []any, n batch.NetworkRow) []any {
		return append(a, n.ID, n.Reports, n.Selectors, fmtTime(n.FirstSeen), fmtTime(n.LastSeen), now)
	})
	if err != nil {
		return err
	}
	if rc := plan.Recount(); len(rc) > 0 {
		if err := w.RefreshNetworks(ctx, rc); err != nil {
			return err
		}
	}
	return execChunks(ctx, w, plan.Finals, liftRedirects, args, one)
}

// eachChunk runs the multi-row query m over items, as many rows a
// statement as fit, calling fn on every row it returns.
func eachChunk[T any](ctx context.Context, w *writer, items []T, m multiRow, args []any, bind func([]any, T) []any, fn func(*sql.Rows) error) error {
	return batch.Chunks(len(items), m.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, it := range items[lo:hi] {
			args = bind(args, it)
		}
		return w.queryEach(ctx, m, hi-lo, args, fn)
	})
}

// execChunks runs the multi-row statement m over items.
func execChunks[T any](ctx context.Context, w *writer, items []T, m multiRow, args []any, bind func([]any, T) []any) error {
	return batch.Chunks(len(items), m.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, it := range items[lo:hi] {
			args = bind(args, it)
		}
		return w.execRows(ctx, m, hi-lo, args)
	})
}
