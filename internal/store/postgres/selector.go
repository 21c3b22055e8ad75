package postgres

import (
	"context"
	"encoding/hex"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

const selectorCols = `id, kind, value, display, region, subtype, hash, first_seen, last_seen,
	report_count, source_count, no_link, confirmed, withdrawn`

func scanSelector(row pgx.Row, extra ...any) (*store.Selector, error) {
	var (
		s           store.Selector
		hash        []byte
		first, last time.Time
	)
	dest := append([]any{&s.ID, &s.Kind, &s.Value, &s.Display, &s.Region, &s.Subtype, &hash, &first, &last,
		&s.Reports, &s.Sources, &s.NoLink, &s.Confirmed, &s.Withdrawn}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, translate(err)
	}
	s.Hash = hex.EncodeToString(hash)
	s.FirstSeen, s.LastSeen = first.UTC(), last.UTC()
	return &s, nil
}

// GetSelector returns what the store knows of one selector.
func (r reader) GetSelector(ctx context.Context, id string) (*store.Selector, error) {
	return scanSelector(r.db.QueryRow(ctx, `SELECT `+selectorCols+` FROM selectors WHERE id = $1`, id))
}

// SelectorsByHashPrefix returns the selectors whose hash (in hex) starts
// with prefix, in hash order: one range scan of the hash index. A prefix
// that is not hex matches nothing.
func (r reader) SelectorsByHashPrefix(ctx context.Context, prefix string) ([]*store.Selector, error) {
	lo, hi, err := batch.HashRange(prefix)
	if errors.Is(err, batch.ErrBadPrefix) {
		return nil, nil
	}
	rows, err := r.db.Query(ctx, `SELECT `+selectorCols+` FROM selectors WHERE hash BETWEEN $1 AND $2 ORDER BY hash`, lo, hi)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.Selector
	for rows.Next() {
		s, err := scanSelector(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, translate(rows.Err())
}

// SetSelectorFlags sets an analyst's marks on a selector; nil flags stay.
func (w *writer) SetSelectorFlags(ctx context.Context, id string, f store.SelectorFlags) error {
	tag, err := w.tx.Exec(ctx, `UPDATE selectors SET no_link = coalesce($1, no_link),
		confirmed = coalesce($2, confirmed), withdrawn = coalesce($3, withdrawn) WHERE id = $4`,
		f.NoLink, f.Confirmed, f.Withdrawn, id)
	if err != nil {
		return translate(err)
	}
	if tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return nil
}

// Edges streams every distinct (report, selector) link but those of
// selectors marked "does not link", in selector order (then report),
// with the selector's kind, value and subtype (the allow-list's rules by
// domain need them). A report naming a selector in two roles gives two
// rows in a row, sent once.
func (r reader) Edges(ctx context.Context, fn func(store.Edge) error) error {
	rows, err := r.db.Query(ctx, `SELECT rs.report_id, rs.selector_id, s.kind, s.value, s.subtype
		FROM report_selectors rs JOIN selectors s ON s.id = rs.selector_id
		WHERE NOT s.no_link ORDER BY rs.selector_id, rs.report_id`)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	var e, prev store.Edge
	for rows.Next() {
		if err := rows.Scan(&e.ReportID, &e.SelectorID, &e.Kind, &e.Value, &e.Subtype); err != nil {
			return translate(err)
		}
		if e == prev {
			continue
		}
		prev = e
		if err := fn(e); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}

// Counts returns the numbers of reports in sc, of the selectors they name
// and of the networks they are in; with Scope.All, of every report,
// selector and network summary.
func (r reader) Counts(ctx context.Context, sc store.Scope) (store.Counts, error) {
	var c store.Counts
	if sc.All {
		err := r.db.QueryRow(ctx, `SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM selectors),
			(SELECT count(*) FROM networks)`).Scan(&c.Reports, &c.Selectors, &c.Networks)
		return c, translate(err)
	}
	var p params
	scope := scopeWhere("r", sc, &p)
	err := r.db.QueryRow(ctx, `SELECT (SELECT count(*) FROM reports r WHERE `+scope+`),
		(SELECT count(DISTINCT rs.selector_id) FROM report_selectors rs
			WHERE rs.report_id IN (SELECT r.id FROM reports r WHERE `+scope+`)),
		(SELECT count(*) FROM networks nw WHERE nw.id IN (SELECT r.network_id FROM reports r WHERE `+scope+`))`,
		p...).Scan(&c.Reports, &c.Selectors, &c.Networks)
	return c, translate(err)
}
