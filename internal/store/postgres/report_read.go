package postgres

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"counterscam/internal/store"
)

// params collects the arguments of a statement built piece by piece.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

const reportCols = `id, origin, external_ref, channel, received_at, occurred_at, scam_type, narrative,
	victim_ref, victim_country, tlp, network_id, created_at, created_by, pap, legal_basis, purpose`

func scanReport(row pgx.Row) (*store.Report, error) {
	var (
		r                 store.Report
		occurred          pgtype.Timestamptz
		networkID         pgtype.Text
		received, created time.Time
	)
	if err := row.Scan(&r.ID, &r.Origin, &r.ExternalRef, &r.Channel, &received, &occurred, &r.ScamType,
		&r.Narrative, &r.VictimRef, &r.VictimCountry, &r.TLP, &networkID, &created,
		&r.CreatedBy, &r.PAP, &r.LegalBasis, &r.Purpose); err != nil {
		return nil, translate(err)
	}
	r.ReceivedAt, r.OccurredAt, r.CreatedAt = received.UTC(), fromOptTime(occurred), created.UTC()
	r.NetworkID = networkID.String
	return &r, nil
}

// GetReport returns a report with its losses and selectors (never its
// reporter's contact details).
func (r reader) GetReport(ctx context.Context, id string) (*store.Report, error) {
	rep, err := scanReport(r.db.QueryRow(ctx, `SELECT `+reportCols+` FROM reports WHERE id = $1`, id))
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
	var p params
	preds := []string{scopeWhere("r", f.Scope, &p)}
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
		preds = append(preds, `(r.narrative ILIKE `+ph+` ESCAPE '\' OR r.id IN (SELECT rs.report_id FROM report_selectors rs JOIN selectors s ON s.id = rs.selector_id WHERE s.value ILIKE `+ph+` ESCAPE '\' OR rs.raw ILIKE `+ph+` ESCAPE '\'))`)
	}
	if f.After != "" {
		preds = append(preds, `r.id > `+p.add(f.After))
	}
	q := `SELECT ` + prefixed("r.", reportCols) + ` FROM reports r` + where(preds...) + ` ORDER BY r.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	rows, err := r.db.Query(ctx, q, p...)
	if err != nil {
		return nil, translate(err)
	}
	var out []*store.Report
	for rows.Next() {
		rep, err := scanReport(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, rep)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	if err := r.fillReports(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// fillReports loads the losses, selectors and recipients of reports, a few thousand
// reports per query.
func (r reader) fillReports(ctx context.Context, reports []*store.Report) error {
	const per = 5000
	byID := make(map[string]*store.Report, len(reports))
	for _, rep := range reports {
		byID[rep.ID] = rep
	}
	for lo := 0; lo < len(reports); lo += per {
		part := reports[lo:min(lo+per, len(reports))]
		ids := make([]string, len(part))
		for i, rep := range part {
			ids[i] = rep.ID
		}
		var (
			id string
			l  store.Loss
		)
		rows, err := r.db.Query(ctx, `SELECT report_id, amount_minor, currency FROM report_losses
			WHERE report_id = ANY($1) ORDER BY report_id, ord`, ids)
		if err != nil {
			return translate(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&id, &l.AmountMinor, &l.Currency}, func() error {
			byID[id].Losses = append(byID[id].Losses, l)
			return nil
		}); err != nil {
			return translate(err)
		}
		var s store.ReportSelector
		rows, err = r.db.Query(ctx, `SELECT rs.report_id, rs.selector_id, s.kind, s.value, s.display, s.region,
				s.subtype, rs.role, rs.source, rs.raw
			FROM report_selectors rs JOIN selectors s ON s.id = rs.selector_id
			WHERE rs.report_id = ANY($1) ORDER BY rs.report_id, rs.ord`, ids)
		if err != nil {
			return translate(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&id, &s.SelectorID, &s.Kind, &s.Value, &s.Display, &s.Region,
			&s.Subtype, &s.Role, &s.Source, &s.Raw}, func() error {
			byID[id].Selectors = append(byID[id].Selectors, s)
			return nil
		}); err != nil {
			return translate(err)
		}
		var user string
		rows, err = r.db.Query(ctx, `SELECT report_id, user_id FROM report_recipients
			WHERE report_id = ANY($1) ORDER BY report_id, user_id`, ids)
		if err != nil {
			return translate(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&id, &user}, func() error {
			byID[id].Recipients = append(byID[id].Recipients, user)
			return nil
		}); err != nil {
			return translate(err)
		}
	}
	return nil
}

// GetContact returns the contact details kept with a report.
func (r reader) GetContact(ctx context.Context, reportID string) (*store.Contact, error) {
	c := store.Contact{ReportID: reportID}
	err := r.db.QueryRow(ctx, `SELECT name, email, phone, consent FROM contacts WHERE report_id = $1`, reportID).
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
	rep, err := scanReport(r.db.QueryRow(ctx, `SELECT `+reportCols+` FROM reports WHERE origin = $1 AND external_ref = $2 AND external_ref <> ''`, origin, externalRef))
	if err != nil {
		return nil, err
	}
	if err := r.fillReports(ctx, []*store.Report{rep}); err != nil {
		return nil, err
	}
	return rep, nil
}
