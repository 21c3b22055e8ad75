package intel

import (
	"context"

	"counterscam/internal/store"
)

// KeyInfrastructureLimit is how many ranked selectors a network view shows.
const KeyInfrastructureLimit = 25

// NetworkView is a network's summary with its key infrastructure: the
// selectors that join most of its reports, and warnings on selectors whose
// degree is far above the rest (shared infrastructure that may be gluing
// unrelated victims together).
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

// ListNetworks lists networks, largest first.
func (s *Service) ListNetworks(ctx context.Context, f store.NetworkFilter) ([]*store.Network, error) {
	return s.st.ListNetworks(ctx, f)
}

// Network returns one network's view; an ID of a network that merged into
// another gives the survivor's view.
func (s *Service) Network(ctx context.Context, id string) (*NetworkView, error) {
	sum, err := s.st.SummariseNetwork(ctx, id, store.Scope{All: true})
	if err != nil {
		return nil, err
	}
	key, err := s.st.NetworkSelectors(ctx, sum.ID, KeyInfrastructureLimit, store.Scope{All: true})
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
	return v, nil
}

// SelectorView is what an analyst sees of a selector.
type SelectorView struct {
	store.Selector
	Listed      bool
	Allowlisted bool
	Reports     []*store.Report
}

// Selector returns a selector with its reports (up to limit) and status.
func (s *Service) Selector(ctx context.Context, id string, limit int) (*SelectorView, error) {
	sel, err := s.st.GetSelector(ctx, id)
	if err != nil {
		return nil, err
	}
	reps, err := s.st.ListReports(ctx, store.ReportFilter{Scope: store.Scope{All: true}, SelectorID: id, Limit: limit})
	if err != nil {
		return nil, err
	}
	return &SelectorView{Selector: *sel, Listed: s.publiclyListed(sel), Allowlisted: s.isAllowID(id), Reports: reps}, nil
}

// MarkSelector records an analyst's marks on a selector. A change to "does
// not link" rebuilds the networks, since it can split them.
func (s *Service) MarkSelector(ctx context.Context, id string, f store.SelectorFlags) error {
	before, err := s.st.GetSelector(ctx, id)
	if err != nil {
		return err
	}
	if err := s.st.Update(ctx, func(w store.Writer) error { return w.SetSelectorFlags(ctx, id, f) }); err != nil {
		return err
	}
	if f.NoLink != nil && *f.NoLink != before.NoLink {
		return s.Rebuild(ctx)
	}
	return nil
}

// GetReport returns one report (never its reporter's contact).
func (s *Service) GetReport(ctx context.Context, id string) (*store.Report, error) {
	return s.st.GetReport(ctx, id)
}
