package postgres

import (
	"context"
	"slices"
	"sort"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
)

// GetOrg returns an organisation, by name, with its partners.
func (r reader) GetOrg(ctx context.Context, name string) (*store.Org, error) {
	o := store.Org{Name: name}
	err := r.db.QueryRow(ctx, `SELECT id, country, kind, created_at FROM orgs WHERE name = $1`, name).
		Scan(&o.ID, &o.Country, &o.Kind, &o.CreatedAt)
	if err != nil {
		return nil, translate(err)
	}
	o.CreatedAt = o.CreatedAt.UTC()
	rows, err := r.db.Query(ctx, `SELECT partner FROM org_partners WHERE org = $1 ORDER BY partner`, name)
	if err != nil {
		return nil, translate(err)
	}
	if o.Partners, err = collectStrings(rows); err != nil {
		return nil, err
	}
	return &o, nil
}

// collectStrings reads a one-column query of text; nil when it has no row.
func collectStrings(rows pgx.Rows) ([]string, error) {
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, translate(err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// ListOrgs returns every organisation, by name, with its partners.
func (r reader) ListOrgs(ctx context.Context) ([]*store.Org, error) {
	rows, err := r.db.Query(ctx, `SELECT id, name, country, kind, created_at FROM orgs ORDER BY name`)
	if err != nil {
		return nil, translate(err)
	}
	var (
		out    []*store.Org
		byName = map[string]*store.Org{}
		o      store.Org
	)
	if _, err := pgx.ForEachRow(rows, []any{&o.ID, &o.Name, &o.Country, &o.Kind, &o.CreatedAt}, func() error {
		x := o
		x.CreatedAt = x.CreatedAt.UTC()
		out = append(out, &x)
		byName[x.Name] = &x
		return nil
	}); err != nil {
		return nil, translate(err)
	}
	rows, err = r.db.Query(ctx, `SELECT org, partner FROM org_partners ORDER BY org, partner`)
	if err != nil {
		return nil, translate(err)
	}
	var org, partner string
	if _, err := pgx.ForEachRow(rows, []any{&org, &partner}, func() error {
		if x := byName[org]; x != nil {
			x.Partners = append(x.Partners, partner)
		}
		return nil
	}); err != nil {
		return nil, translate(err)
	}
	return out, nil
}

// PartnersOf returns, sorted, the names of the organisations that named org
// as a partner: the origins whose AMBER reports org's members may read.
func (r reader) PartnersOf(ctx context.Context, org string) ([]string, error) {
	rows, err := r.db.Query(ctx, `SELECT org FROM org_partners WHERE partner = $1 ORDER BY org`, org)
	if err != nil {
		return nil, translate(err)
	}
	return collectStrings(rows)
}

// PutOrg stores a new organisation with its partners: store.ErrConflict on
// a taken name or ID, store.ErrNotFound when a partner is not stored.
func (w *writer) PutOrg(ctx context.Context, o *store.Org) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO orgs (id, name, country, kind, created_at) VALUES ($1, $2, $3, $4, $5)`,
		o.ID, o.Name, o.Country, o.Kind, pgTime(o.CreatedAt))
	if err != nil {
		return translate(err)
	}
	return w.insertPartners(ctx, o.Name, o.Partners)
}

// SetPartners replaces the partners an organisation shares its AMBER
// reports with: store.ErrNotFound when it or a partner is not stored.
func (w *writer) SetPartners(ctx context.Context, org string, partners []string) error {
	var one int
	if err := w.tx.QueryRow(ctx, `SELECT 1 FROM orgs WHERE name = $1`, org).Scan(&one); err != nil {
		return translate(err)
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM org_partners WHERE org = $1`, org); err != nil {
		return translate(err)
	}
	return w.insertPartners(ctx, org, partners)
}

func (w *writer) insertPartners(ctx context.Context, org string, partners []string) error {
	if len(partners) == 0 {
		return nil
	}
	ps := slices.Clone(partners)
	sort.Strings(ps)
	_, err := w.tx.Exec(ctx, `INSERT INTO org_partners (org, partner) SELECT $1, p FROM unnest($2::text[]) AS p`,
		org, slices.Compact(ps))
	return translate(err)
}
