package sqlite

import (
	"context"
	"database/sql"

	"counterscam/internal/store"
)

const reportCols = `id, origin, external_ref, channel, received_at, occurred_at, scam_type, narrative,
	victim_ref, victim_country, tlp, network_id, created_at, created_by, pap, legal_basis, purpose`

type scanner interface{ Scan(dest ...any) error }

func scanReport(sc scanner) (*store.Report, error) {
	var (
		r                   store.Report
		received, created   string
		occurred, networkID sql.NullString
	)
	if err := sc.Scan(&r.ID, &r.Origin, &r.ExternalRef, &r.Channel, &received, &occurred, &r.ScamType,
		&r.Narrative, &r.VictimRef, &r.VictimCountry, &r.TLP, &networkID, &created,
		&r.CreatedBy, &r.PAP, &r.LegalBasis, &r.Purpose); err != nil {
		return nil, translate(err)
	}
	var err error
	if r.ReceivedAt, err = parseTime(received); err != nil {
		return nil, err
	}
	if r.OccurredAt, err = parseOptTime(occurred); err != nil {
		return nil, err
	}
	if r.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	r.NetworkID = networkID.String
	return &r, nil
}

// GetReport returns a report with its losses and selectors (never its
// reporter's contact details).
func (r reader) GetReport(ctx context.Context, id string) (*store.Report, error) {
	rep, err := scanReport(r.db.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	if err := r.fillReports(ctx, []*store.Report{rep}); err != nil {
		return nil, err
	}
	return rep, nil
}

// ListReports returns the reports in f.Scope in ID order after f.After.
func (r reader) ListReports(ctx context.Context, f store.ReportFilter) ([]*store.Report, error) {
	var (
		p     params
		preds = []string{scopeWhere("r", f.Scope, &p)}
	)
	if f.NetworkID != "" {
		nid, err := r.resolveNetwork(ctx, f.NetworkID)
		if err != nil {
			return nil, err
		}
		preds = append(preds, `r.network_id = `+p.add(nid))
	}
	if f.SelectorID != "" {
		preds = append(preds, `r.id IN (SELECT report_id FROM report_selectors WHERE selector_id = `+p.add(f.SelectorID)+`)`)
	}
	if f.Text != "" {
		ph := p.add(store.LikePattern(f.Text))
		preds = append(preds, `(lower(r.narrative) LIKE lower(`+ph+`) ESCAPE '\' OR r.id IN (SELECT rs.report_id FROM report_selectors rs JOIN selectors s ON s.id = rs.selector_id WHERE lower(s.value) LIKE lower(`+ph+`) ESCAPE '\' OR lower(rs.raw) LIKE lower(`+ph+`) ESCAPE '\'))`)
	}
	if f.After != "" {
		preds = append(preds, `r.id > `+p.add(f.After))
	}
	q := `SELECT ` + prefixed("r.", reportCols) + ` FROM reports r` + where(preds...) + ` ORDER BY r.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	var out []*store.Report
	err := r.each(ctx, q, p, func(rows *sql.Rows) error {
		rep, err := scanReport(rows)
		if err != nil {
			return err
		}
		out = append(out, rep)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := r.fillReports(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// fillReports loads the losses, selectors and recipients of reports, a few hundred
// reports per query.
func (r reader) fillReports(ctx context.Context, reports []*store.Report) error {
	const per = 500
	byID := make(map[string]*store.Report, len(reports))
	for _, rep := range reports {
		byID[rep.ID] = rep
	}
	for lo := 0; lo < len(reports); lo += per {
		part := reports[lo:min(lo+per, len(reports))]
		ids := make([]any, len(part))
		for i, rep := range part {
			ids[i] = rep.ID
		}
		in := placeholders(len(ids))
		err := r.each(ctx, `SELECT report_id, amount_minor, currency FROM report_losses
			WHERE report_id IN (`+in+`) ORDER BY report_id, ord`, ids, func(rows *sql.Rows) error {
			var id string
			var l store.Loss
			if err := rows.Scan(&id, &l.AmountMinor, &l.Currency); err != nil {
				return err
			}
			byID[id].Losses = append(byID[id].Losses, l)
			return nil
		})
		if err != nil {
			return err
		}
		err = r.each(ctx, `SELECT rs.report_id, rs.selector_id, s.kind, s.value, s.display, s.region, s.subtype,
				rs.role, rs.source, rs.raw
			FROM report_selectors rs JOIN selectors s ON s.id = rs.selector_id
			WHERE rs.report_id IN (`+in+`) ORDER BY rs.report_id, rs.ord`, ids, func(rows *sql.Rows) error {
			var id string
			var l store.ReportSelector
			if err := rows.Scan(&id, &l.SelectorID, &l.Kind, &l.Value, &l.Display, &l.Region, &l.Subtype,
				&l.Role, &l.Source, &l.Raw); err != nil {
				return err
			}
			byID[id].Selectors = append(byID[id].Selectors, l)
			return nil
		})
		if err != nil {
			return err
		}
		err = r.each(ctx, `SELECT report_id, user_id FROM report_recipients
			WHERE report_id IN (`+in+`) ORDER BY report_id, user_id`, ids, func(rows *sql.Rows) error {
			var id, user string
			if err := rows.Scan(&id, &user); err != nil {
				return err
			}
			byID[id].Recipients = append(byID[id].Recipients, user)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// each runs a query and calls fn on every row.
func (r reader) each(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return translate(err)
		}
	}
	return translate(rows.Err())
}

// GetContact returns the contact details kept with a report.
func (r reader) GetContact(ctx context.Context, reportID string) (*store.Contact, error) {
	c := store.Contact{ReportID: reportID}
	err := r.db.QueryRowContext(ctx, `SELECT name, email, phone, consent FROM contacts WHERE report_id = ?`, reportID).
		Scan(&c.Name, &c.Email, &c.Phone, &c.Consent)
	if err != nil {
		return nil, translate(err)
	}
	return &c, nil
}

// GetReportByRef returns the report an origin stored under its own reference.
func (r reader) GetReportByRef(ctx context.Context, origin, externalRef string) (*store.Report, error) {
	if externalRef == "" {
		return nil, store.ErrNotFound
	}
	rep, err := scanReport(r.db.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports WHERE origin = ? AND external_ref = ? AND external_ref <> ''`, origin, externalRef))
	if err != nil {
		return nil, err
	}
	if err := r.fillReports(ctx, []*store.Report{rep}); err != nil {
		return nil, err
	}
	return rep, nil
}
