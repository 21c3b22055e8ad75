package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

const (
	storedRefs = `SELECT r.origin, r.external_ref FROM unnest($1::text[], $2::text[]) AS v (origin, ref)
		JOIN reports r ON r.origin = v.origin AND r.external_ref = v.ref AND r.external_ref <> ''`
	networkSummaries = `SELECT id, report_count, selector_count, first_seen, last_seen FROM networks WHERE id = ANY($1)`
	// Candidates with reports: those without a summary are orphans.
	populatedNetworks = `SELECT v.id FROM unnest($1::text[]) AS v (id)
		WHERE EXISTS (SELECT 1 FROM reports WHERE network_id = v.id)`
	partSelectors = `SELECT DISTINCT v.final, rs.selector_id FROM unnest($1::text[], $2::text[]) AS v (part, final)
		JOIN reports r ON r.network_id = v.part JOIN report_selectors rs ON rs.report_id = r.id`
	// A candidate selector is new to its network unless marked "does not
	// link" or named by a report of the network's base part. The probe
	// walks the selector's links and looks up each one's report, stopping
	// at the first in the base: a lateral subquery with LIMIT, and the
	// report's network as a scalar subquery, so that the planner cannot
	// turn it into a scan of the base network (which may be large).
	newSelectors = `SELECT v.final, count(*) FROM unnest($1::text[], $2::text[], $3::text[]) AS v (final, base, sel)
		LEFT JOIN selectors s ON s.id = v.sel
		LEFT JOIN LATERAL (
			SELECT 1 AS hit FROM report_selectors rs
			WHERE v.base <> '' AND rs.selector_id = v.sel
				AND (SELECT r.network_id FROM reports r WHERE r.id = rs.report_id) = v.base
			LIMIT 1
		) b ON true
		WHERE s.id IS NULL OR (NOT s.no_link AND b.hit IS NULL)
		GROUP BY v.final`
	moveReports = `UPDATE reports SET network_id = v.final FROM unnest($1::text[], $2::text[]) AS v (absorbed, final)
		WHERE reports.network_id = v.absorbed`
	moveRedirects = `UPDATE network_redirects SET survivor = v.final FROM unnest($1::text[], $2::text[]) AS v (absorbed, final)
		WHERE network_redirects.survivor = v.absorbed`
	putRedirects = `INSERT INTO network_redirects (absorbed, survivor) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (absorbed) DO UPDATE SET survivor = excluded.survivor`
	dropSummaries = `DELETE FROM networks WHERE id = ANY($1)`
	putSummaries  = `INSERT INTO networks (id, report_count, selector_count, first_seen, last_seen, updated_at)
		SELECT v.*, $6 FROM unnest($1::text[], $2::integer[], $3::integer[], $4::timestamptz[], $5::timestamptz[]) AS v
		ON CONFLICT (id) DO UPDATE SET report_count = excluded.report_count,
			selector_count = excluded.selector_count, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, updated_at = excluded.updated_at`
	// A network that has reports again is no longer merged away.
	liftRedirects = `DELETE FROM network_redirects WHERE absorbed = ANY($1) AND absorbed IN (SELECT id FROM networks)`
)

// NewReports says which reports are not stored yet, nor taken by an
// earlier report of the batch.
func (w *writer) NewReports(ctx context.Context, reports []*store.Report) ([]bool, error) {
	type ref struct{ origin, ext string }
	var origins, exts []string
	for _, r := range reports {
		if r.ExternalRef != "" {
			origins, exts = append(origins, r.Origin), append(exts, r.ExternalRef)
		}
	}
	stored := map[ref]bool{}
	if len(origins) > 0 {
		rows, err := w.tx.Query(ctx, storedRefs, origins, exts)
		if err != nil {
			return nil, translate(err)
		}
		var k ref
		if _, err := pgx.ForEachRow(rows, []any{&k.origin, &k.ext}, func() error {
			stored[k] = true
			return nil
		}); err != nil {
			return nil, translate(err)
		}
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
	sums := map[string]batch.Summary{}
	rows, err := w.tx.Query(ctx, networkSummaries, plan.Candidates)
	if err != nil {
		return translate(err)
	}
	var (
		id string
		s  batch.Summary
	)
	if _, err := pgx.ForEachRow(rows, []any{&id, &s.Reports, &s.Selectors, &s.FirstSeen, &s.LastSeen}, func() error {
		s.FirstSeen, s.LastSeen = s.FirstSeen.UTC(), s.LastSeen.UTC()
		sums[id] = s
		return nil
	}); err != nil {
		return translate(err)
	}
	var unsummed, orphans []string
	for _, c := range plan.Candidates {
		if _, ok := sums[c]; !ok {
			unsummed = append(unsummed, c)
		}
	}
	if len(unsummed) > 0 {
		rows, err := w.tx.Query(ctx, populatedNetworks, unsummed)
		if err != nil {
			return translate(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&id}, func() error {
			orphans = append(orphans, id)
			return nil
		}); err != nil {
			return translate(err)
		}
	}
	plan.Parts(sums, orphans)
	var nonBase [][2]string
	if nb := plan.NonBase(); len(nb) > 0 {
		parts, finals := mergeColumns(nb)
		rows, err := w.tx.Query(ctx, partSelectors, parts, finals)
		if err != nil {
			return translate(err)
		}
		var fs [2]string
		if _, err := pgx.ForEachRow(rows, []any{&fs[0], &fs[1]}, func() error {
			nonBase = append(nonBase, fs)
			return nil
		}); err != nil {
			return translate(err)
		}
	}
	added := map[string]int{}
	if cs := plan.SelectorCandidates(nonBase); len(cs) > 0 {
		finals, bases, sels := make([]string, len(cs)), make([]string, len(cs)), make([]string, len(cs))
		for i, c := range cs {
			finals[i], bases[i], sels[i] = c.Network, c.Base, c.Selector
		}
		rows, err := w.tx.Query(ctx, newSelectors, finals, bases, sels)
		if err != nil {
			return translate(err)
		}
		var n int
		if _, err := pgx.ForEachRow(rows, []any{&id, &n}, func() error {
			added[id] += n
			return nil
		}); err != nil {
			return translate(err)
		}
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
	var b pgx.Batch
	absorbed := plan.Absorbed(orphans)
	if len(absorbed) > 0 {
		as, fs := mergeColumns(absorbed)
		b.Queue(moveReports, as, fs)
		b.Queue(dropSummaries, as)
	}
	if len(plan.Merges) > 0 {
		as, fs := mergeColumns(plan.Merges)
		b.Queue(moveRedirects, as, fs)
		b.Queue(putRedirects, as, fs)
	}
	if rows := plan.Summaries(added); len(rows) > 0 {
		n := len(rows)
		ids, reps, selc, first, last := make([]string, n), make([]int32, n), make([]int32, n), make([]time.Time, n), make([]time.Time, n)
		for i, r := range rows {
			ids[i], reps[i], selc[i], first[i], last[i] = r.ID, int32(r.Reports), int32(r.Selectors), pgTime(r.FirstSeen), pgTime(r.LastSeen)
		}
		b.Queue(putSummaries, ids, reps, selc, first, last, pgTime(time.Now()))
	}
	if b.Len() > 0 {
		if err := translate(w.tx.SendBatch(ctx, &b).Close()); err != nil {
			return err
		}
	}
	if rc := plan.Recount(); len(rc) > 0 {
		if err := w.RefreshNetworks(ctx, rc); err != nil {
			return err
		}
	}
	if len(plan.Finals) == 0 {
		return nil
	}
	_, err = w.tx.Exec(ctx, liftRedirects, plan.Finals)
	return translate(err)
}

// mergeColumns splits merges into their absorbed and survivor columns.
func mergeColumns(ms []store.NetworkMerge) (absorbed, survivors []string) {
	absorbed, survivors = make([]string, len(ms)), make([]string, len(ms))
	for i, m := range ms {
		absorbed[i], survivors[i] = m.Absorbed, m.Survivor
	}
	return absorbed, survivors
}
