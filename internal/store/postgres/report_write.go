package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// Every bulk statement takes one array per column and unnests them into
// rows: one statement, prepared once per connection by pgx, whatever the
// batch's size, with no limit on parameters.
const (
	insertReports = `INSERT INTO reports (id, origin, external_ref, channel, received_at, occurred_at, scam_type,
			narrative, victim_ref, victim_country, tlp, network_id, created_at, created_by, pap, legal_basis, purpose)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
			$7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[],
			$14::text[], $15::text[], $16::text[], $17::text[])
		ON CONFLICT (origin, external_ref) WHERE external_ref <> '' DO NOTHING
		RETURNING id`
	// New (selector, origin) pairs come back; the others are counted by
	// upsertSources.
	insertSources = `INSERT INTO selector_sources (selector_id, origin, reports)
		SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])
		ON CONFLICT (selector_id, origin) DO NOTHING
		RETURNING selector_id, origin`
	upsertSources = `INSERT INTO selector_sources AS ss (selector_id, origin, reports)
		SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])
		ON CONFLICT (selector_id, origin) DO UPDATE SET reports = ss.reports + excluded.reports`
	// A selector's kind and value never change (its ID is made of them);
	// display, region and subtype are filled in when first known.
	upsertSelectors = `INSERT INTO selectors AS s (id, kind, value, display, region, subtype, hash, first_seen,
			last_seen, report_count, source_count)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[],
			$8::timestamptz[], $9::timestamptz[], $10::integer[], $11::integer[])
		ON CONFLICT (id) DO UPDATE SET
			report_count = s.report_count + excluded.report_count,
			source_count = s.source_count + excluded.source_count,
			first_seen = least(s.first_seen, excluded.first_seen),
			last_seen = greatest(s.last_seen, excluded.last_seen),
			display = CASE WHEN s.display = '' THEN excluded.display ELSE s.display END,
			region = CASE WHEN s.region = '' THEN excluded.region ELSE s.region END,
			subtype = CASE WHEN s.subtype = '' THEN excluded.subtype ELSE s.subtype END`
)

// InsertReports stores the reports not stored yet: the reports first (those
// whose (origin, external_ref) is taken are skipped by the unique index and
// do not come back from RETURNING), then, for the new ones only, what they
// add to each (selector, origin) pair and each selector, aggregated per
// batch and sorted (so concurrent imports lock rows in the same order), the
// last two statements sent together, then their selector links, losses and
// recipients by COPY.
func (w *writer) InsertReports(ctx context.Context, reports []*store.Report) ([]bool, error) {
	if err := batch.Check(reports); err != nil {
		return nil, err
	}
	inserted := make([]bool, len(reports))
	if len(reports) == 0 {
		return inserted, nil
	}
	now := time.Now()
	n := len(reports)
	var (
		ids, origins, refs, channels, scams, narratives = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		victims, countries, tlps                        = make([]string, n), make([]string, n), make([]string, n)
		creators, paps, bases, purposes                 = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		received, created                               = make([]time.Time, n), make([]time.Time, n)
		occurred                                        = make([]pgtype.Timestamptz, n)
		networks                                        = make([]pgtype.Text, n)
	)
	at := make(map[string]int, n)
	for i, r := range reports {
		at[r.ID] = i
		ids[i], origins[i], refs[i], channels[i] = r.ID, r.Origin, r.ExternalRef, r.Channel
		received[i], occurred[i] = pgTime(r.ReceivedAt), pgOptTime(r.OccurredAt)
		scams[i], narratives[i], victims[i], countries[i], tlps[i] = r.ScamType, r.Narrative, r.VictimRef, r.VictimCountry, r.TLP
		networks[i] = pgText(r.NetworkID)
		creators[i], paps[i], bases[i], purposes[i] = r.CreatedBy, r.PAP, r.LegalBasis, r.Purpose
		created[i] = pgTime(r.CreatedAt)
		if r.CreatedAt.IsZero() {
			created[i] = pgTime(now)
		}
	}
	rows, err := w.tx.Query(ctx, insertReports, ids, origins, refs, channels, received, occurred, scams,
		narratives, victims, countries, tlps, networks, created, creators, paps, bases, purposes)
	if err != nil {
		return nil, translate(err)
	}
	var id string
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
		inserted[at[id]] = true
		return nil
	})
	if err != nil {
		return nil, translate(err)
	}
	fresh := make([]*store.Report, 0, n)
	for i, r := range reports {
		if inserted[i] {
			fresh = append(fresh, r)
		}
	}
	if len(fresh) == 0 {
		return inserted, nil
	}
	if err := w.writeRest(ctx, fresh); err != nil {
		return nil, err
	}
	return inserted, nil
}

// writeRest counts the new reports into selector_sources and selectors and
// stores their links, losses and recipients (COPY).
func (w *writer) writeRest(ctx context.Context, fresh []*store.Report) error {
	sels, pairs := batch.Aggregate(fresh)
	var b pgx.Batch
	if len(pairs) > 0 {
		pSel, pOrigin, pN := make([]string, len(pairs)), make([]string, len(pairs)), make([]int32, len(pairs))
		for i, p := range pairs {
			pSel[i], pOrigin[i], pN[i] = p.SelectorID, p.Origin, int32(p.Reports)
		}
		rows, err := w.tx.Query(ctx, insertSources, pSel, pOrigin, pN)
		if err != nil {
			return translate(err)
		}
		type pair struct{ id, origin string }
		newPairs := make(map[pair]bool, len(pairs))
		var newPairSels []string
		var p pair
		if _, err := pgx.ForEachRow(rows, []any{&p.id, &p.origin}, func() error {
			newPairs[p] = true
			newPairSels = append(newPairSels, p.id)
			return nil
		}); err != nil {
			return translate(err)
		}
		if len(newPairs) < len(pairs) {
			// Pairs already stored: add the new reports to their count.
			oSel, oOrigin, oN := pSel[:0:0], pOrigin[:0:0], pN[:0:0]
			for _, p := range pairs {
				if !newPairs[pair{p.SelectorID, p.Origin}] {
					oSel, oOrigin, oN = append(oSel, p.SelectorID), append(oOrigin, p.Origin), append(oN, int32(p.Reports))
				}
			}
			b.Queue(upsertSources, oSel, oOrigin, oN)
		}
		batch.AddSources(sels, newPairSels)
		k := len(sels)
		sID, sKind, sValue, sDisplay, sRegion, sSubtype := make([]string, k), make([]string, k), make([]string, k), make([]string, k), make([]string, k), make([]string, k)
		sHash, sFirst, sLast, sReports, sSources := make([][]byte, k), make([]time.Time, k), make([]time.Time, k), make([]int32, k), make([]int32, k)
		for i, s := range sels {
			sID[i], sKind[i], sValue[i], sDisplay[i], sRegion[i], sSubtype[i] = s.ID, s.Kind, s.Value, s.Display, s.Region, s.Subtype
			sHash[i], sFirst[i], sLast[i] = s.Hash, pgTime(s.FirstSeen), pgTime(s.LastSeen)
			sReports[i], sSources[i] = int32(s.Reports), int32(s.Sources)
		}
		b.Queue(upsertSelectors, sID, sKind, sValue, sDisplay, sRegion, sSubtype, sHash, sFirst, sLast, sReports, sSources)
	}
	if b.Len() > 0 {
		if err := translate(w.tx.SendBatch(ctx, &b).Close()); err != nil {
			return err
		}
	}
	return w.copyLinks(ctx, "report_selectors", "report_recipients", fresh)
}

// linkColumns are report_selectors' columns, as copyLinks writes them.
var linkColumns = []string{"report_id", "selector_id", "role", "ord", "source", "raw"}

// copyLinks stores the selector links, losses and recipients of new
// reports. They are new rows only: COPY, which skips the planner and the
// per-statement row building of INSERT. The links go to linkTable and the
// recipients to recipientTable: report_selectors and report_recipients,
// or during a bulk load the tables they wait in.
func (w *writer) copyLinks(ctx context.Context, linkTable, recipientTable string, fresh []*store.Report) error {
	var links, losses, recipients bool
	for _, r := range fresh {
		links = links || len(r.Selectors) > 0
		losses = losses || len(r.Losses) > 0
		recipients = recipients || len(r.Recipients) > 0
	}
	for _, c := range []struct {
		any   bool
		table string
		cols  []string
		put   func(e *copyEncoder, r *store.Report)
	}{
		{links, linkTable, linkColumns, func(e *copyEncoder, r *store.Report) {
			for i, l := range batch.Links(r) {
				e.row(len(linkColumns))
				e.text(r.ID)
				e.text(l.SelectorID)
				e.text(l.Role)
				e.int4(int32(i))
				e.text(l.Source)
				e.text(l.Raw)
			}
		}},
		{losses, "report_losses", []string{"report_id", "ord", "amount_minor", "currency"}, func(e *copyEncoder, r *store.Report) {
			for i, l := range r.Losses {
				e.row(4)
				e.text(r.ID)
				e.int4(int32(i))
				e.int8(l.AmountMinor)
				e.text(l.Currency)
			}
		}},
		{recipients, recipientTable, []string{"report_id", "user_id"}, func(e *copyEncoder, r *store.Report) {
			for _, u := range batch.Recipients(r) {
				e.row(2)
				e.text(r.ID)
				e.text(u)
			}
		}},
	} {
		if !c.any {
			continue
		}
		if err := w.copyIn(ctx, c.table, c.cols, copyEach(fresh, c.put)); err != nil {
			return err
		}
	}
	return nil
}

// PutContact stores (or replaces) the contact details of a stored report.
// During a bulk load it keeps them for one COPY with the load's next
// batch (or its end) into the table the contacts wait in: there a report
// takes one contact, and a second fails the load (store.ErrConflict) when
// the contacts move in.
func (w *writer) PutContact(ctx context.Context, c *store.Contact) error {
	if w.bulk != nil {
		w.bulk.contacts = append(w.bulk.contacts, *c)
		return nil
	}
	_, err := w.tx.Exec(ctx, `INSERT INTO contacts (report_id, name, email, phone, consent) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (report_id) DO UPDATE SET name = excluded.name, email = excluded.email,
			phone = excluded.phone, consent = excluded.consent`,
		c.ReportID, c.Name, c.Email, c.Phone, c.Consent)
	return translate(err)
}
