package intel

import (
	"context"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// MaxGraphReports bounds the reports a network graph holds; a larger
// network's graph is cut (NetworkGraph.Truncated) and its lists say the rest.
const MaxGraphReports = 3000

// NetworkGraph is a network as its viewer may see it, for drawing: its
// reports, the linking selectors they name (those not marked "does not
// link"), and which report names which selector. Its node count is the
// summary's Reports plus Selectors.
type NetworkGraph struct {
	NetworkID string
	Reports   []*store.Report
	Selectors []store.SelectorCount // most reports first
	Edges     []store.Edge
	// Allowlisted holds the selectors on the allow-list: shared
	// infrastructure that is shown but links nothing.
	Allowlisted map[string]bool
	Truncated   bool
}

// NetworkGraph returns network id (after merges) as p may see it.
func (s *Service) NetworkGraph(ctx context.Context, p trust.Principal, id string) (*NetworkGraph, error) {
	if !p.Can(auth.ActionReadNetwork) || !p.Can(auth.ActionReadReport) {
		return nil, trust.ErrForbidden
	}
	sc := p.Scope()
	sum, err := s.st.SummariseNetwork(ctx, id, sc)
	if err != nil {
		return nil, err
	}
	g := &NetworkGraph{NetworkID: sum.ID, Allowlisted: map[string]bool{}}
	f := store.ReportFilter{Scope: sc, NetworkID: sum.ID, Limit: 1000}
	for len(g.Reports) < MaxGraphReports {
		page, err := s.st.ListReports(ctx, f)
		if err != nil {
			return nil, err
		}
		g.Reports = append(g.Reports, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].ID
	}
	if len(g.Reports) > MaxGraphReports {
		g.Reports, g.Truncated = g.Reports[:MaxGraphReports], true
	}
	all, err := s.st.NetworkSelectors(ctx, sum.ID, 0, sc)
	if err != nil {
		return nil, err
	}
	linking := map[string]bool{}
	for _, c := range all {
		if !c.NoLink {
			g.Selectors = append(g.Selectors, c)
			linking[c.ID] = true
			if s.isAllowID(c.ID) {
				g.Allowlisted[c.ID] = true
			}
		}
	}
	for _, r := range g.Reports {
		seen := map[string]bool{}
		for _, rs := range r.Selectors {
			if linking[rs.SelectorID] && !seen[rs.SelectorID] {
				seen[rs.SelectorID] = true
				g.Edges = append(g.Edges, store.Edge{ReportID: r.ID, SelectorID: rs.SelectorID})
			}
		}
	}
	if err := s.auditRead(ctx, p, "network", sum.ID); err != nil {
		return nil, err
	}
	return g, nil
}
