package intel

import (
	"context"
	"errors"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// KeyInfrastructureLimit is how many ranked selectors a network view shows.
const KeyInfrastructureLimit = 25

// NetworkView is a network's summary with its key infrastructure: the
// selectors that join most of its reports, and warnings on selectors whose
// degree is far above the rest (shared infrastructure that may be gluing
// unrelated victims together). Everything in it is computed over the
// reports its viewer may see.
type NetworkView struct {
	*store.NetworkSummary
	KeyInfrastructure []store.SelectorCount
	Warnings          []DegreeWarning
}

// DegreeWarning flags a selector that joins far more reports than the rest.
type DegreeWarning struct {
	SelectorID string `json:"selector_id"`
	Kind       string `json:"kind"`
	Value      string `json:"value"`
	Reports    int    `json:"reports"`
	Threshold  int    `json:"threshold"`
}

// ListNetworks lists the networks p may see, largest first.
func (s *Service) ListNetworks(ctx context.Context, p trust.Principal, f store.NetworkFilter) ([]*store.Network, error) {
	if !p.Can(auth.ActionReadNetwork) {
		return nil, trust.ErrForbidden
	}
	f.Scope = p.Scope()
	return s.st.ListNetworks(ctx, f)
}

// Network returns one network's view as p may see it, and records the
// read (its key infrastructure names selectors; its numbers sum up
// victims and losses); an ID of a network that merged into another gives
// the survivor's view.
func (s *Service) Network(ctx context.Context, p trust.Principal, id string) (*NetworkView, error) {
	if !p.Can(auth.ActionReadNetwork) {
		return nil, trust.ErrForbidden
	}
	sc := p.Scope()
	sum, err := s.st.SummariseNetwork(ctx, id, sc)
	if errors.Is(err, store.ErrNotFound) {
		// A network that exists, of reports p may not read: refused as if
		// it did not exist, and recorded as a refusal.
		return nil, s.auditRefusal(ctx, p, "network", id, func() error { _, err := s.st.GetNetwork(ctx, id); return err })
	}
	if err != nil {
		return nil, err
	}
	key, err := s.st.NetworkSelectors(ctx, sum.ID, KeyInfrastructureLimit, sc)
	if err != nil {
		return nil, err
	}
	v := &NetworkView{NetworkSummary: sum, KeyInfrastructure: key}
	if t := s.degreeThreshold(); t > 0 {
		for _, sc := range key {
			if sc.Reports >= t {
				v.Warnings = append(v.Warnings, DegreeWarning{SelectorID: sc.ID, Kind: sc.Kind, Value: sc.Value, Reports: sc.Reports, Threshold: t})
			}
		}
	}
	if err := s.auditRead(ctx, p, "network", sum.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// SelectorView is what an analyst sees of a selector: counts over the
// reports the analyst may see, and those reports.
type SelectorView struct {
	store.Selector
	Stats       store.SelectorStats
	Listed      bool
	Allowlisted bool
	Reports     []*store.Report
}

// Selector returns a selector with the reports p may see (up to limit).
// A selector named by no report p may see does not exist for p.
func (s *Service) Selector(ctx context.Context, p trust.Principal, id string, limit int) (*SelectorView, error) {
	if !p.Can(auth.ActionReadReport) {
		return nil, trust.ErrForbidden
	}
	sel, err := s.st.GetSelector(ctx, id)
	if err != nil {
		return nil, err
	}
	stats, err := s.st.SelectorStats(ctx, id, p.Scope())
	if errors.Is(err, store.ErrNotFound) {
		// Known, but named only in reports p may not read.
		return nil, s.auditRefusal(ctx, p, "selector", id, func() error { return nil })
	}
	if err != nil {
		return nil, err
	}
	reps, err := s.st.ListReports(ctx, store.ReportFilter{Scope: p.Scope(), SelectorID: id, Limit: limit})
	if err != nil {
		return nil, err
	}
	pe, err := s.publicEntry(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.auditRead(ctx, p, "selector", id); err != nil {
		return nil, err
	}
	return &SelectorView{Selector: *sel, Stats: *stats, Listed: pe.listed, Allowlisted: s.isAllowID(id), Reports: reps}, nil
}

// MarkSelector records an analyst's marks on a selector, audited in the
// same transaction. A change to "does not link" rebuilds the networks,
// since it can split them.
func (s *Service) MarkSelector(ctx context.Context, p trust.Principal, id string, f store.SelectorFlags) error {
	if !p.Can(auth.ActionMarkSelector) {
		return trust.ErrForbidden
	}
	before, err := s.st.GetSelector(ctx, id)
	if err != nil {
		return err
	}
	if !p.IsOperator() {
		// Marking changes what every organisation sees; an analyst marks
		// only what they can see.
		if _, err := s.st.SelectorStats(ctx, id, p.Scope()); err != nil {
			return err
		}
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		if err := w.SetSelectorFlags(ctx, id, f); err != nil {
			return err
		}
		return trust.Record(ctx, w, p, s.cfg.Now(), "update", "selector", id, "allow")
	})
	if err != nil {
		return err
	}
	s.checks.forget(id)
	s.indexChanged(ctx, []string{id}, nil)
	if f.NoLink != nil && *f.NoLink != before.NoLink {
		if err := s.Rebuild(ctx); err != nil {
			return err
		}
		s.checks.purge()
	}
	return nil
}

// GetReport returns one report (never its reporter's contact) if p may read
// it. A report p may not read answers store.ErrNotFound, exactly as one
// that never existed; the refusal is audited.
func (s *Service) GetReport(ctx context.Context, p trust.Principal, id string) (*store.Report, error) {
	r, err := s.st.GetReport(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if r == nil || !s.mayRead(p, r) {
		if r != nil {
			if err := s.audit(ctx, p, "read", "report", id, "deny"); err != nil {
				return nil, err
			}
		}
		return nil, store.ErrNotFound
	}
	if err := s.auditReport(ctx, p, r); err != nil {
		return nil, err
	}
	return r, nil
}

// REDReaders are the e-mail addresses of who may read a TLP:RED report
// (its creator, then its recipients), for a member who may read it: the
// page says with whom it is shared. Nil for any other label.
func (s *Service) REDReaders(ctx context.Context, p trust.Principal, r *store.Report) ([]string, error) {
	if r.TLP != store.TLPRed || !s.mayRead(p, r) {
		return nil, nil
	}
	var out []string
	for _, id := range append([]string{r.CreatedBy}, r.Recipients...) {
		if id == "" {
			continue
		}
		u, err := s.st.GetUser(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, u.Email) {
			out = append(out, u.Email)
		}
	}
	return out, nil
}

// auditRefusal answers store.ErrNotFound for a record p may not see,
// after recording the refusal when exists says the record is there.
func (s *Service) auditRefusal(ctx context.Context, p trust.Principal, recordType, id string, exists func() error) error {
	err := exists()
	if errors.Is(err, store.ErrNotFound) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := s.audit(ctx, p, "read", recordType, id, "deny"); err != nil {
		return err
	}
	return store.ErrNotFound
}

// auditReport records a read of a report. A read by another organisation
// is a disclosure: recorded as such, with the legal basis the report was
// collected under beside the purpose the reader stated.
func (s *Service) auditReport(ctx context.Context, p trust.Principal, r *store.Report) error {
	if p.IsOperator() || p.Org == r.Origin {
		return s.auditRead(ctx, p, "report", r.ID)
	}
	basis := r.LegalBasis
	if basis == "" {
		basis = "unstated"
	}
	p.Purpose = strings.TrimSpace("basis: " + basis + "; purpose: " + p.Purpose)
	return s.audit(ctx, p, "disclose", "report", r.ID, "allow")
}

// mayRead applies the role and the TLP 2.0 marking of r.
func (s *Service) mayRead(p trust.Principal, r *store.Report) bool {
	if p.IsOperator() {
		return true
	}
	return auth.CanRead(p.Viewer, auth.Marking{Origin: r.Origin, TLP: r.TLP, CreatedBy: r.CreatedBy, Recipients: r.Recipients})
}

// auditRead records a read of personal data.
func (s *Service) auditRead(ctx context.Context, p trust.Principal, recordType, id string) error {
	return s.audit(ctx, p, "read", recordType, id, "allow")
}

func (s *Service) audit(ctx context.Context, p trust.Principal, action, recordType, id, decision string) error {
	return s.st.Update(ctx, func(w store.Writer) error {
		return trust.Record(ctx, w, p, s.cfg.Now(), action, recordType, id, decision)
	})
}
