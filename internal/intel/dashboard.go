package intel

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Dashboard limits: how many new reports are read, and how many of each
// list are returned.
const (
	DashboardMaxReports = 20000
	dashboardLatest     = 15
	dashboardNetworks   = 10
	dashboardInfra      = 10
	dashboardCandidates = 40
)

// Dashboard is what changed since a moment, as one viewer may see it:
// reports taken in since then, the networks they went into, and the
// infrastructure (selectors) those reports named that other reports name
// too.
type Dashboard struct {
	Since      time.Time
	Counts     store.Counts
	NewReports int              // reports taken in since Since
	Truncated  bool             // more than DashboardMaxReports: the counts stop there
	Latest     []*store.Report  // the newest first
	Grown      []NetworkGrowth  // most new reports first
	Infra      []InfraAppearing // most new reports first
}

// NetworkGrowth is a network that took in new reports.
type NetworkGrowth struct {
	store.Network     // as the viewer sees it now
	New           int // its reports taken in since Since
}

// InfraAppearing is a selector named by new reports.
type InfraAppearing struct {
	store.Selector     // counts over the viewer's reports
	New            int // new reports naming it
}

// Dashboard returns what changed since since, over the reports p may read.
// "Taken in" is when counterscam stored a report (its ID's time), not when
// the victim reported it.
func (s *Service) Dashboard(ctx context.Context, p trust.Principal, since time.Time) (*Dashboard, error) {
	if !p.Can(auth.ActionReadNetwork) || !p.Can(auth.ActionReadReport) {
		return nil, trust.ErrForbidden
	}
	sc := p.Scope()
	d := &Dashboard{Since: since.UTC()}
	var err error
	if d.Counts, err = s.st.Counts(ctx, sc); err != nil {
		return nil, err
	}
	var floor ulid.ULID
	if since.After(time.Unix(0, 0)) {
		if err := floor.SetTime(ulid.Timestamp(since)); err != nil {
			return nil, err
		}
	}
	perNet := map[string]int{}
	perSel := map[string]int{}
	f := store.ReportFilter{Scope: sc, After: floor.String(), Limit: 1000}
	for {
		page, err := s.st.ListReports(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, r := range page {
			if d.NewReports == DashboardMaxReports {
				d.Truncated = true
				break
			}
			d.NewReports++
			perNet[r.NetworkID]++
			named := map[string]bool{} // a report names a selector once, whatever its roles
			for _, rs := range r.Selectors {
				if !s.isAllowID(rs.SelectorID) && !named[rs.SelectorID] {
					named[rs.SelectorID] = true
					perSel[rs.SelectorID]++
				}
			}
			d.Latest = append(d.Latest, r)
			if len(d.Latest) > dashboardLatest {
				d.Latest = d.Latest[1:]
			}
		}
		if d.Truncated || len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].ID
	}
	for i, j := 0, len(d.Latest)-1; i < j; i, j = i+1, j-1 {
		d.Latest[i], d.Latest[j] = d.Latest[j], d.Latest[i]
	}
	for _, id := range topKeys(perNet, dashboardNetworks) {
		if id == "" {
			continue
		}
		sum, err := s.st.SummariseNetwork(ctx, id, sc)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		d.Grown = append(d.Grown, NetworkGrowth{Network: sum.Network, New: perNet[id]})
	}
	for _, id := range topKeys(perSel, dashboardCandidates) {
		sel, err := s.st.GetSelector(ctx, id)
		if err != nil {
			return nil, err
		}
		if sel.NoLink {
			continue
		}
		st, err := s.st.SelectorStats(ctx, id, sc)
		if err != nil {
			return nil, err
		}
		if st.Reports < 2 {
			continue // named once: no infrastructure yet
		}
		sel.Reports, sel.Sources, sel.FirstSeen, sel.LastSeen = st.Reports, st.Sources, st.FirstSeen, st.LastSeen
		d.Infra = append(d.Infra, InfraAppearing{Selector: *sel, New: perSel[id]})
		if len(d.Infra) == dashboardInfra {
			break
		}
	}
	if err := s.audit(ctx, p, "read", "dashboard", d.Since.Format(time.RFC3339), "allow"); err != nil {
		return nil, err
	}
	return d, nil
}

// topKeys returns up to n keys of m, largest value first, then by key.
func topKeys(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}
