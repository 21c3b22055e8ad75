package intel

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sort"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/graph"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// networks is the live partition of reports into networks, built from the
// store on first use and updated as reports arrive.
type networks struct {
	part   *graph.Partition
	noLink map[string]bool // selectors an analyst marked "does not link"

	fence   int       // high-degree threshold, recomputed at most every fenceTTL
	fenceAt time.Time // when fence was computed
}

// fenceTTL bounds how stale the high-degree threshold may be: computing it
// sorts every selector's degree, too much to do on every report.
const fenceTTL = 30 * time.Second

// degreeThreshold is the degree above which a selector joins far more
// reports than the rest (graph.DefaultFence), or 0 while the partition is
// not built.
func (s *Service) degreeThreshold() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nets == nil {
		return 0
	}
	if now := time.Now(); now.Sub(s.nets.fenceAt) > fenceTTL {
		s.nets.fence = graph.DefaultFence.Threshold(s.nets.part.Degrees())
		s.nets.fenceAt = now
	}
	return s.nets.fence
}

// ensureNetworks builds the partition from the store if it is not built.
// s.mu must be held.
func (s *Service) ensureNetworks(ctx context.Context) error {
	if s.nets != nil {
		return nil
	}
	n, err := s.buildNetworks(ctx)
	if err != nil {
		return err
	}
	s.nets = n
	return nil
}

// buildNetworks reads every linking edge from the store into a partition.
func (s *Service) buildNetworks(ctx context.Context) (*networks, error) {
	noLink, err := s.st.NoLinkSelectors(ctx)
	if err != nil {
		return nil, err
	}
	n := &networks{noLink: map[string]bool{}}
	for _, id := range noLink {
		n.noLink[id] = true
	}
	var readErr error
	edges := iter.Seq2[string, []string](func(yield func(string, []string) bool) {
		readErr = s.st.Edges(ctx, func(e store.Edge) error {
			if s.allow.contains(e.SelectorID, e.Kind, e.Value, e.Subtype) {
				return nil
			}
			if !yield(e.ReportID, []string{e.SelectorID}) {
				return errStop
			}
			return nil
		})
	})
	n.part = graph.Build(edges)
	if readErr != nil {
		return nil, readErr
	}
	return n, nil
}

var errStop = errors.New("stop")

// linking returns the IDs of the selectors of r that link reports: not
// allow-listed and not marked "does not link".
func (s *Service) linking(r *store.Report) []string {
	var ids []string
	for _, rs := range r.Selectors {
		if s.nets.noLink[rs.SelectorID] || s.allow.contains(rs.SelectorID, rs.Kind, rs.Value, rs.Subtype) {
			continue
		}
		ids = append(ids, rs.SelectorID)
	}
	return ids
}

// SubmitResult says what a Submit stored.
type SubmitResult struct {
	Inserted  []bool           // per report: new (true) or already stored
	Redirects []graph.Redirect // networks that merged into others
}

// Submit stores prepared reports (contacts[i], if any, is the reporter of
// reports[i]) and links the new ones into the networks, all in one
// transaction: either every report of the batch and its network changes
// land, or none do.
func (s *Service) Submit(ctx context.Context, p trust.Principal, reports []*store.Report, contacts []*store.Contact) (*SubmitResult, error) {
	if !p.Can(auth.ActionCreateReport) || (len(reports) > 1 && !p.Can(auth.ActionImport)) {
		return nil, trust.ErrForbidden
	}
	// A signed-in user files for their own organisation (the public for
	// the public); only the operator at the console imports for others.
	if !p.IsOperator() {
		own := p.Org
		if p.UserID == "" || p.Role == auth.RolePublic {
			own = PublicOrigin
		}
		for _, r := range reports {
			if r.Origin != own {
				return nil, fieldErr("origin", "%q: you file reports for %s only", r.Origin, own)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ensureNetworks(ctx); err != nil {
		return nil, err
	}
	res := &SubmitResult{}
	err := s.st.Update(ctx, func(w store.Writer) error {
		ins, err := w.InsertReports(ctx, reports)
		if err != nil {
			return err
		}
		res.Inserted = ins
		touched := map[string]bool{}
		var ids []string
		for i, r := range reports {
			if !ins[i] {
				continue
			}
			if i < len(contacts) && contacts[i] != nil {
				c := *contacts[i]
				c.ReportID = r.ID
				if err := w.PutContact(ctx, &c); err != nil {
					return err
				}
			}
			for _, rd := range s.nets.part.AddReport(r.ID, s.linking(r)) {
				if err := w.MergeNetworks(ctx, rd.From, rd.To); err != nil {
					return err
				}
				res.Redirects = append(res.Redirects, rd)
				delete(touched, rd.From)
			}
			ids = append(ids, r.ID)
		}
		nets := make([]string, len(ids))
		for i, id := range ids {
			nets[i], _ = s.nets.part.NetworkOf(id)
			touched[nets[i]] = true
		}
		for i, r := range reports {
			if ins[i] {
				r.NetworkID, _ = s.nets.part.NetworkOf(r.ID)
			}
		}
		if err := w.SetNetworks(ctx, ids, nets); err != nil {
			return err
		}
		if err := w.RefreshNetworks(ctx, sortedKeys(touched)); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		recType, recID := "report", ids[0]
		if len(ids) > 1 {
			recType, recID = "report_batch", fmt.Sprintf("%s..%s (%d reports)", ids[0], ids[len(ids)-1], len(ids))
		}
		return trust.Record(ctx, w, p, s.cfg.Now(), "create", recType, recID, "allow")
	})
	if err != nil {
		// The partition may hold reports the store rolled back: rebuild it
		// from the store on next use.
		s.nets = nil
		return nil, err
	}
	for _, r := range reports {
		for _, rs := range r.Selectors {
			s.checks.forget(rs.SelectorID)
		}
	}
	return res, nil
}

// Rebuild recomputes every network from the stored links, as after an
// analyst's "does not link" mark (which can split a network: a union-find
// cannot). It gives exactly the partition that incremental updates give.
func (s *Service) Rebuild(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.buildNetworks(ctx)
	if err != nil {
		return err
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		return w.ReplaceNetworks(ctx, func(reportID string) string {
			if id, ok := n.part.NetworkOf(reportID); ok {
				return id
			}
			return reportID // a report with no linking selector is a network of one
		})
	})
	if err != nil {
		s.nets = nil
		return err
	}
	s.nets = n
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Warm builds the network partition now rather than on the first report,
// for a server that is about to take reports.
func (s *Service) Warm(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ensureNetworks(ctx)
}
