package intel

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// MaxSearchText bounds a search query.
const MaxSearchText = 256

// Search lists the reports p may read that match f: in a network, naming a
// selector, and containing text in the narrative or a selector. A text
// that is itself an identifier ("+855 12 345 678", "t.me/name") finds the
// reports naming it in any spelling. The search is audited.
func (s *Service) Search(ctx context.Context, p trust.Principal, text string, f store.ReportFilter) ([]*store.Report, error) {
	if !p.Can(auth.ActionSearch) || !p.Can(auth.ActionReadReport) {
		return nil, trust.ErrForbidden
	}
	text = strings.TrimSpace(text)
	if len(text) > MaxSearchText {
		return nil, codedErr(FieldTooLong, "q", "", strconv.Itoa(MaxSearchText), fmt.Sprintf("longer than %d bytes", MaxSearchText))
	}
	f.Scope = p.Scope()
	if text != "" {
		if id := s.searchSelector(ctx, p, text); id != "" && f.SelectorID == "" {
			f.SelectorID = id
		} else {
			f.Text = text
		}
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 100
	}
	reps, err := s.st.ListReports(ctx, f)
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, p, "search", "report", fmt.Sprintf("%d results", len(reps)), "allow"); err != nil {
		return nil, err
	}
	return reps, nil
}

// searchSelector is the ID of the selector a search text is, or "": read
// as written, else as a national number or account of the searcher's
// organisation's country (a Cambodian analyst types 095 756 407, not
// +855 95 756 407).
func (s *Service) searchSelector(ctx context.Context, p trust.Principal, text string) string {
	if sel, err := s.norm.Parse(text, selector.Options{}); err == nil {
		return sel.ID().String()
	}
	if p.Org == "" {
		return ""
	}
	org, err := s.st.GetOrg(ctx, p.Org)
	if err != nil || org.Country == "" {
		return ""
	}
	if sel, err := s.norm.Parse(text, selector.Options{Region: org.Country}); err == nil {
		return sel.ID().String()
	}
	return ""
}

// Export streams every report p may read that matches f, oldest first, and
// records the export (with its size) in the audit trail.
func (s *Service) Export(ctx context.Context, p trust.Principal, f store.ReportFilter, fn func(*store.Report) error) (int, error) {
	return s.ExportAs(ctx, p, "JSON Lines", "", f, fn)
}

// ExportAs is Export in a named format, which the audit entry records
// with the size and what the export was narrowed to, so that an auditor
// reads "12 reports as STIX 2.1, network 01J...", not only a count.
// maxTLP, when set, leaves out the reports marked more restrictively: a
// bundle for another platform leaves out AMBER+STRICT and RED, which may
// not leave the organisation or the named recipients.
//
// An export cut short once reports were written (the client went away, a
// write failed) is audited too, with the number written and why it
// stopped: what already left is on record.
func (s *Service) ExportAs(ctx context.Context, p trust.Principal, format, maxTLP string, f store.ReportFilter, fn func(*store.Report) error) (int, error) {
	return s.exportAs(ctx, p, format, maxTLP, f, fn, nil)
}

// exportAs is ExportAs with finish, when not nil, run once every report is
// written and before the audit entry (a format writing what the reports
// add up to), so that its failure is audited as cutting the export short.
func (s *Service) exportAs(ctx context.Context, p trust.Principal, format, maxTLP string, f store.ReportFilter, fn func(*store.Report) error, finish func() error) (int, error) {
	ceiling := len(TLPs)
	if maxTLP != "" {
		if ceiling = slices.Index(TLPs, maxTLP); ceiling < 0 {
			return 0, codedErr(FieldBadTLP, "max_tlp", maxTLP, strings.Join(TLPs, ", "),
				fmt.Sprintf("%q is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT or RED)", maxTLP))
		}
	}
	if !p.Can(auth.ActionExport) || !p.Can(auth.ActionReadReport) {
		return 0, trust.ErrForbidden
	}
	f.Scope = p.Scope()
	f.Limit = 1000
	n, highest, listed, err := s.exportReports(ctx, ceiling, f, fn)
	if listed && finish != nil {
		err = finish()
	}
	if n == 0 && !listed {
		// Nothing was written: there is no export to record.
		return 0, err
	}
	what := fmt.Sprintf("%d reports as %s", n, format)
	if n == 1 {
		what = "1 report as " + format
	}
	switch {
	case maxTLP != "":
		what += ", up to TLP:" + maxTLP
	case n > 0:
		// No ceiling was asked for: the entry says the most restrictive
		// label that left, so that an auditor sees a RED report go.
		what += ", up to TLP:" + TLPs[highest]
	}
	if f.NetworkID != "" {
		what += ", network " + f.NetworkID
	}
	if f.SelectorID != "" {
		what += ", selector " + f.SelectorID
	}
	if err != nil {
		what += ", cut short: " + err.Error()
	}
	// A client that went away cancels ctx; what it received is recorded
	// all the same.
	if aerr := s.audit(context.WithoutCancel(ctx), p, "export", "report", what, "allow"); aerr != nil {
		return n, errors.Join(err, aerr)
	}
	return n, err
}

// exportReports passes fn the reports f lists that are marked up to the
// ceiling, and says how many it passed, the index in TLPs of the most
// restrictive label among them and whether it got to the end.
func (s *Service) exportReports(ctx context.Context, ceiling int, f store.ReportFilter, fn func(*store.Report) error) (n, highest int, listed bool, err error) {
	for {
		page, err := s.st.ListReports(ctx, f)
		if err != nil {
			return n, highest, false, err
		}
		for _, r := range page {
			label := slices.Index(TLPs, r.TLP)
			if label > ceiling {
				continue
			}
			if err := fn(r); err != nil {
				return n, highest, false, err
			}
			n++
			highest = max(highest, label)
		}
		if len(page) < f.Limit {
			return n, highest, true, nil
		}
		f.After = page[len(page)-1].ID
	}
}
