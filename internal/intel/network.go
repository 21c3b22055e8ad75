package intel

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
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
//
// The reports are linked before they are stored, so that each is written
// once, already in its final network, and the merges they cause are
// applied together (store.Writer.AddReports).
func (s *Service) Submit(ctx context.Context, p trust.Principal, reports []*store.Report, contacts []*store.Contact) (*SubmitResult, error) {
	if !p.Can(auth.ActionCreateReport) || (len(reports) > 1 && !p.Can(auth.ActionImport)) {
		return nil, trust.ErrForbidden
	}
	if err := s.checkOrigins(p, reports); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		res *SubmitResult
		err error
	)
	for attempt := 0; attempt < 2; attempt++ {
		res, err = s.submit(ctx, p, reports, contacts)
		// A conflict here means another writer stored one of the reports
		// between the check and the insert: the retry sees it stored.
		if !errors.Is(err, store.ErrConflict) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	var touched, nets []string
	for i, r := range reports {
		for _, rs := range r.Selectors {
			s.checks.forget(rs.SelectorID)
			touched = append(touched, rs.SelectorID)
		}
		if res.Inserted[i] {
			nets = append(nets, r.NetworkID)
		}
	}
	for _, rd := range res.Redirects {
		nets = append(nets, rd.From)
	}
	s.indexChanged(ctx, touched, nets)
	return res, nil
}

// recordCreated audits the creation of n reports, first to last, in w;
// highest is the index in TLPs of their most restrictive label, which a
// batch's entry names (a single report's entry names the report, which
// holds its label).
func (s *Service) recordCreated(ctx context.Context, w store.Writer, p trust.Principal, first, last string, n, highest int) error {
	recType, recID := "report", first
	if n > 1 {
		recType, recID = "report_batch", fmt.Sprintf("%s..%s (%d reports, up to TLP:%s)", first, last, n, TLPs[max(highest, 0)])
	}
	return trust.Record(ctx, w, p, s.cfg.Now(), "create", recType, recID, "allow")
}

// networkOf is the network a report of the partition is in: a report with
// no linking selector is a network of one.
func (n *networks) networkOf(reportID string) string {
	if id, ok := n.part.NetworkOf(reportID); ok {
		return id
	}
	return reportID
}

// checkOrigins says whether p may file reports: a signed-in user files for
// their own organisation (the public for the public); only the operator at
// the console imports for others.
func (s *Service) checkOrigins(p trust.Principal, reports []*store.Report) error {
	if p.IsOperator() {
		return nil
	}
	own := p.Org
	if p.UserID == "" || p.Role == auth.RolePublic {
		own = PublicOrigin
	}
	for _, r := range reports {
		if r.Origin != own {
			return codedErr(FieldNotOwnOrigin, "origin", r.Origin, own, fmt.Sprintf("%q: you file reports for %s only", r.Origin, own))
		}
	}
	return nil
}

// submit is one attempt of Submit. s.mu must be held.
func (s *Service) submit(ctx context.Context, p trust.Principal, reports []*store.Report, contacts []*store.Contact) (*SubmitResult, error) {
	var (
		res *SubmitResult
		add []*store.Report // the new reports, given their networks
	)
	err := s.st.Update(ctx, func(w store.Writer) error {
		// A store may run this function again after losing a race: the
		// partition must then forget what the lost attempt added.
		if res != nil {
			s.nets = nil
		}
		res = &SubmitResult{}
		if err := s.ensureNetworks(ctx); err != nil {
			return err
		}
		fresh, err := w.NewReports(ctx, reports)
		if err != nil {
			return err
		}
		res.Inserted = fresh
		add = add[:0]
		var ids []string
		highest := 0
		for i, r := range reports {
			if !fresh[i] {
				continue
			}
			highest = max(highest, slices.Index(TLPs, r.TLP))
			res.Redirects = append(res.Redirects, s.nets.part.AddReport(r.ID, s.linking(r))...)
			add = append(add, r)
			ids = append(ids, r.ID)
		}
		// Network IDs are report IDs: a network's final home is that of
		// its oldest report.
		for _, r := range add {
			r.NetworkID, _ = s.nets.part.NetworkOf(r.ID)
		}
		merges := make([]store.NetworkMerge, len(res.Redirects))
		for i, rd := range res.Redirects {
			to, _ := s.nets.part.NetworkOf(rd.From)
			merges[i] = store.NetworkMerge{Absorbed: rd.From, Survivor: to}
		}
		if err := w.AddReports(ctx, add, merges); err != nil {
			return err
		}
		for i, r := range reports {
			if fresh[i] && i < len(contacts) && contacts[i] != nil {
				c := *contacts[i]
				c.ReportID = r.ID
				if err := w.PutContact(ctx, &c); err != nil {
					return err
				}
			}
		}
		if len(ids) == 0 {
			return nil
		}
		return s.recordCreated(ctx, w, p, ids[0], ids[len(ids)-1], len(ids), highest)
	})
	if err != nil {
		// The partition may hold reports the store rolled back: rebuild it
		// from the store on next use.
		s.nets = nil
		for _, r := range add {
			r.NetworkID = ""
		}
		return nil, err
	}
	return res, nil
}

// Rebuild recomputes every network from the stored links, as after an
// analyst's "does not link" mark (which can split a network: a union-find
// cannot). It gives exactly the partition that incremental updates give.
func (s *Service) Rebuild(ctx context.Context) error {
	if _, err := s.rebuild(ctx, nil); err != nil {
		return err
	}
	return s.indexRebuilt(ctx)
}

// RebuildStats says what a rebuild did and where its time went.
type RebuildStats struct {
	Reports   int           // reports in the partition (those with a linking selector)
	Networks  int           // networks of two reports or more
	Partition time.Duration // reading the links and partitioning them
	Store     time.Duration // writing every report's network and every summary
}

// RebuildNetworks is Rebuild on behalf of p, who must be allowed to mark
// selectors (a mark is what calls for a rebuild), audited.
func (s *Service) RebuildNetworks(ctx context.Context, p trust.Principal) (RebuildStats, error) {
	if !p.Can(auth.ActionMarkSelector) {
		return RebuildStats{}, trust.ErrForbidden
	}
	st, err := s.rebuild(ctx, func(w store.Writer) error {
		return trust.Record(ctx, w, p, s.cfg.Now(), "rebuild", "networks", "all", "allow")
	})
	if err != nil {
		return st, err
	}
	return st, s.indexRebuilt(ctx)
}

// rebuild recomputes the partition and stores it; audit, if not nil,
// records the change in the same transaction.
func (s *Service) rebuild(ctx context.Context, audit func(store.Writer) error) (RebuildStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st RebuildStats
	start := time.Now()
	n, err := s.buildNetworks(ctx)
	if err != nil {
		return st, err
	}
	st.Partition = time.Since(start)
	st.Reports = n.part.Len()
	st.Networks = len(n.part.Networks(2))
	start = time.Now()
	err = s.st.Update(ctx, func(w store.Writer) error {
		err := w.ReplaceNetworks(ctx, n.networkOf)
		if err != nil || audit == nil {
			return err
		}
		return audit(w)
	})
	if err != nil {
		s.nets = nil
		return st, err
	}
	st.Store = time.Since(start)
	s.nets = n
	return st, nil
}

// Warm builds the network partition now rather than on the first report,
// for a server that is about to take reports.
func (s *Service) Warm(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ensureNetworks(ctx)
}
