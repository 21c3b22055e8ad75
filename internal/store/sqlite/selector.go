package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

const selectorCols = `id, kind, value, display, region, subtype, hash, first_seen, last_seen,
	report_count, source_count, no_link, confirmed, withdrawn`

func scanSelector(sc scanner, extra ...any) (*store.Selector, error) {
	var (
		s           store.Selector
		hash        []byte
		first, last string
	)
	dest := append([]any{&s.ID, &s.Kind, &s.Value, &s.Display, &s.Region, &s.Subtype, &hash, &first, &last,
		&s.Reports, &s.Sources, &s.NoLink, &s.Confirmed, &s.Withdrawn}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, translate(err)
	}
	s.Hash = hex.EncodeToString(hash)
	var err error
	if s.FirstSeen, err = parseTime(first); err != nil {
		return nil, err
	}
	if s.LastSeen, err = parseTime(last); err != nil {
		return nil, err
	}
	return &s, nil
}

// GetSelector returns what the store knows of one selector.
func (r reader) GetSelector(ctx context.Context, id string) (*store.Selector, error) {
	return scanSelector(r.db.QueryRowContext(ctx, `SELECT `+selectorCols+` FROM selectors WHERE id = ?`, id))
}

// SelectorsByHashPrefix returns the selectors whose hash (in hex) starts
// with prefix, in hash order: one range scan of the hash index. A prefix
// that is not hex matches nothing.
func (r reader) SelectorsByHashPrefix(ctx context.Context, prefix string) ([]*store.Selector, error) {
	lo, hi, err := batch.HashRange(prefix)
	if errors.Is(err, batch.ErrBadPrefix) {
		return nil, nil
	}
	var out []*store.Selector
	err = r.each(ctx, `SELECT `+selectorCols+` FROM selectors WHERE hash BETWEEN ? AND ? ORDER BY hash`,
		[]any{lo, hi}, func(rows *sql.Rows) error {
			s, err := scanSelector(rows)
			if err != nil {
				return err
			}
			out = append(out, s)
			return nil
		})
	return out, err
}

// SetSelectorFlags sets an analyst's marks on a selector; nil flags stay.
func (w *writer) SetSelectorFlags(ctx context.Context, id string, f store.SelectorFlags) error {
	res, err := w.tx.ExecContext(ctx, `UPDATE selectors SET no_link = coalesce(?, no_link),
		confirmed = coalesce(?, confirmed), withdrawn = coalesce(?, withdrawn) WHERE id = ?`,
		optBool(f.NoLink), optBool(f.Confirmed), optBool(f.Withdrawn), id)
	if err != nil {
		return translate(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err)
	} else if n == 0 {
		return store.ErrNotFound
	}
	return nil
}

func optBool(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// Edges streams every distinct (report, selector) link but those of
// selectors marked "does not link", in selector order (then report),
// with the selector's kind, value and subtype (the allow-list's rules by
// domain need them). A report naming a selector in two roles gives two
// rows in a row, sent once.
func (r reader) Edges(ctx context.Context, fn func(store.Edge) error) error {
	// Selector by selector, each one's links from the index by selector:
	// both in key order, so each step reads the page next to the last one,
	// where the report order would look up every link's selector at random.
	rows, err := r.db.QueryContext(ctx, `SELECT rs.report_id, s.id, s.kind, s.value, s.subtype
		FROM selectors s CROSS JOIN report_selectors rs INDEXED BY report_selectors_selector ON rs.selector_id = s.id
		WHERE s.no_link = 0 ORDER BY s.id, rs.report_id`)
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
		err := r.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM selectors),
			(SELECT count(*) FROM networks)`).Scan(&c.Reports, &c.Selectors, &c.Networks)
		return c, translate(err)
	}
	var p params
	scope := scopeWhere("r", sc, &p)
	err := r.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM reports r WHERE `+scope+`),
		(SELECT count(DISTINCT rs.selector_id) FROM report_selectors rs
			WHERE rs.report_id IN (SELECT r.id FROM reports r WHERE `+scope+`)),
		(SELECT count(*) FROM networks nw WHERE nw.id IN (SELECT r.network_id FROM reports r WHERE `+scope+`))`,
		p...).Scan(&c.Reports, &c.Selectors, &c.Networks)
	return c, translate(err)
}
