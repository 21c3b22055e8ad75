package sqlite

import (
	"context"

	"counterscam/internal/store"
)

// NoLinkSelectors returns the IDs of the selectors marked "does not link".
func (r reader) NoLinkSelectors(ctx context.Context) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id FROM selectors WHERE no_link = 1 ORDER BY id`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, translate(err)
		}
		ids = append(ids, id)
	}
	return ids, translate(rows.Err())
}

var _ store.Reader = reader{}
