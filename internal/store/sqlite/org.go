package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sort"

	"counterscam/internal/store"
)

// GetOrg returns an organisation, by name, with its partners.
func (r reader) GetOrg(ctx context.Context, name string) (*store.Org, error) {
	o := store.Org{Name: name}
	var created string
	err := r.db.QueryRowContext(ctx, `SELECT id, country, kind, created_at FROM orgs WHERE name = ?`, name).
		Scan(&o.ID, &o.Country, &o.Kind, &created)
	if err != nil {
		return nil, translate(err)
	}
	if o.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT partner FROM org_partners WHERE org = ? ORDER BY partner`, []any{name}, func(rows *sql.Rows) error {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err
		}
		o.Partners = append(o.Partners, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &o, nil
}

// ListOrgs returns every organisation, by name, with its partners.
func (r reader) ListOrgs(ctx context.Context) ([]*store.Org, error) {
	var out []*store.Org
	byName := map[string]*store.Org{}
	err := r.each(ctx, `SELECT id, name, country, kind, created_at FROM orgs ORDER BY name`, nil, func(rows *sql.Rows) error {
		var o store.Org
		var created string
		if err := rows.Scan(&o.ID, &o.Name, &o.Country, &o.Kind, &created); err != nil {
			return err
		}
		var err error
		if o.CreatedAt, err = parseTime(created); err != nil {
			return err
		}
		out = append(out, &o)
		byName[o.Name] = &o
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT org, partner FROM org_partners ORDER BY org, partner`, nil, func(rows *sql.Rows) error {
		var org, p string
		if err := rows.Scan(&org, &p); err != nil {
			return err
		}
		if o := byName[org]; o != nil {
			o.Partners = append(o.Partners, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PartnersOf returns, sorted, the names of the organisations that named org
// as a partner: the origins whose AMBER reports org's members may read.
func (r reader) PartnersOf(ctx context.Context, org string) ([]string, error) {
	var out []string
	err := r.each(ctx, `SELECT org FROM org_partners WHERE partner = ? ORDER BY org`, []any{org}, func(rows *sql.Rows) error {
		var o string
		if err := rows.Scan(&o); err != nil {
			return err
		}
		out = append(out, o)
		return nil
	})
	return out, err
}

// PutOrg stores a new organisation with its partners: store.ErrConflict on
// a taken name or ID, store.ErrNotFound when a partner is not stored.
func (w *writer) PutOrg(ctx context.Context, o *store.Org) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO orgs (id, name, country, kind, created_at) VALUES (?, ?, ?, ?, ?)`,
		o.ID, o.Name, o.Country, o.Kind, fmtTime(o.CreatedAt))
	if err != nil {
		return translate(err)
	}
	return w.insertPartners(ctx, o.Name, o.Partners)
}

// SetPartners replaces the partners an organisation shares its AMBER
// reports with: store.ErrNotFound when it or a partner is not stored.
func (w *writer) SetPartners(ctx context.Context, org string, partners []string) error {
	var one int
	if err := w.tx.QueryRowContext(ctx, `SELECT 1 FROM orgs WHERE name = ?`, org).Scan(&one); err != nil {
		return translate(err)
	}
	if _, err := w.tx.ExecContext(ctx, `DELETE FROM org_partners WHERE org = ?`, org); err != nil {
		return translate(err)
	}
	return w.insertPartners(ctx, org, partners)
}

func (w *writer) insertPartners(ctx context.Context, org string, partners []string) error {
	ps := slices.Clone(partners)
	sort.Strings(ps)
	for _, p := range slices.Compact(ps) {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO org_partners (org, partner) VALUES (?, ?)`, org, p); err != nil {
			return translate(err)
		}
	}
	return nil
}
