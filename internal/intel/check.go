package intel

import (
	"context"
	"errors"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Check statuses, as the public API returns them.
const (
	StatusListed      = "listed"
	StatusNotListed   = "not_listed"
	StatusAllowlisted = "allowlisted"
	StatusInvalid     = "invalid"
)

// CheckResult is what the public learns about one identifier. It never
// carries narratives, victims or reporters.
type CheckResult struct {
	Query       string             `json:"query"`
	Status      string             `json:"status"`
	Reason      string             `json:"reason,omitempty"` // why a query is invalid
	Selector    *selector.Selector `json:"-"`
	Reports     int                `json:"reports"`
	Sources     int                `json:"sources"`
	FirstSeen   time.Time          `json:"first_seen,omitzero"`
	LastSeen    time.Time          `json:"last_seen,omitzero"`
	ScamTypes   []string           `json:"scam_types,omitempty"`
	NetworkSize int                `json:"network_size,omitempty"`
	Advice      string             `json:"advice"`
}

// Advice texts by status; the web interface translates them by key.
var advice = map[string]string{
	StatusListed:      "Reported as a scam. Do not send money, personal details or ID documents. If you already paid, call your bank at once and report it to the police.",
	StatusNotListed:   "Not listed. That is not proof it is safe: scammers change numbers and accounts often. Check who you are dealing with through an official channel before you pay or travel.",
	StatusAllowlisted: "This is widely used, legitimate infrastructure (a platform, bank or exchange). Check the specific account, handle or number you were given instead.",
	StatusInvalid:     "This does not look like a phone number, account, wallet, website or handle. Check what you typed.",
}

// publicScope is the public's: CLEAR reports only. The public check counts
// and lists over it, so that it never reveals a report (or its existence)
// that its marking keeps from the public; an analyst's confirmation is the
// deliberate act that publishes a selector named only in marked reports.
var publicScope = store.Scope{}

// listed applies the publication rule: never when withdrawn or
// allow-listed; otherwise when an analyst confirmed it, or when reports the
// public may see come from at least PublicationThreshold independent
// sources (distinct origin organisations).
func (s *Service) listed(sel *store.Selector, public *store.SelectorStats) bool {
	if sel.Withdrawn || s.isAllowID(sel.ID) {
		return false
	}
	return sel.Confirmed || (public != nil && public.Sources >= s.cfg.PublicationThreshold)
}

func (s *Service) isAllowID(id string) bool {
	_, ok := s.allow.ids[id]
	return ok
}

// Check answers the public question "is this a known scam?" for one value.
func (s *Service) Check(ctx context.Context, query, region string) (*CheckResult, error) {
	r := &CheckResult{Query: query}
	sel, err := s.norm.Parse(query, selector.Options{Region: region})
	if err != nil {
		r.Status, r.Advice = StatusInvalid, advice[StatusInvalid]
		var se *selector.Error
		if errors.As(err, &se) {
			r.Reason = se.Reason
		} else {
			r.Reason = err.Error()
		}
		return r, nil
	}
	return s.checkSelector(ctx, sel, r)
}

// checkSelector answers the check for a parsed selector.
func (s *Service) checkSelector(ctx context.Context, sel selector.Selector, r *CheckResult) (*CheckResult, error) {
	r.Selector = &sel
	if s.allow.Contains(sel) {
		r.Status, r.Advice = StatusAllowlisted, advice[StatusAllowlisted]
		return r, nil
	}
	pe, err := s.publicEntry(ctx, sel.ID().String())
	if err != nil {
		return nil, err
	}
	if !pe.listed {
		r.Status, r.Advice = StatusNotListed, advice[StatusNotListed]
		return r, nil
	}
	r.Status, r.Advice = StatusListed, advice[StatusListed]
	r.Reports, r.Sources = pe.stats.Reports, pe.stats.Sources
	r.FirstSeen, r.LastSeen = pe.stats.FirstSeen, pe.stats.LastSeen
	r.ScamTypes, r.NetworkSize = pe.stats.ScamTypes, pe.networkSize
	return r, nil
}

// computePublic works out what the public may learn of a selector.
func (s *Service) computePublic(ctx context.Context, id string) (*publicEntry, error) {
	pe := &publicEntry{}
	sel, err := s.st.GetSelector(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return pe, nil
	}
	if err != nil {
		return nil, err
	}
	stats, err := s.st.SelectorStats(ctx, id, publicScope)
	switch {
	case errors.Is(err, store.ErrNotFound):
		stats = nil
	case err != nil:
		return nil, err
	}
	pe.listed = s.listed(sel, stats)
	if !pe.listed || stats == nil {
		return pe, nil
	}
	pe.stats = *stats
	for _, n := range stats.Networks {
		sum, err := s.st.SummariseNetwork(ctx, n, publicScope)
		if err == nil && sum.Reports > pe.networkSize {
			pe.networkSize = sum.Reports
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	return pe, nil
}

// CheckBatch checks many values for a partner (a bank screening its
// accounts, an exchange its deposit addresses), one answer per value in
// order. The answers are the public check's.
func (s *Service) CheckBatch(ctx context.Context, p trust.Principal, queries []string, region string) ([]*CheckResult, error) {
	if !p.Can(auth.ActionCheckBatch) {
		return nil, trust.ErrForbidden
	}
	out := make([]*CheckResult, len(queries))
	for i, q := range queries {
		r, err := s.Check(ctx, q, region)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// ListingStatus is the public check's status of an already normalised
// selector: listed, not_listed or allowlisted (the lure screener raises its
// level for listed contacts).
func (s *Service) ListingStatus(ctx context.Context, kind, value string) (string, error) {
	k, err := selector.ParseKindName(kind)
	if err != nil {
		return "", err
	}
	sel, err := s.norm.ParseAs(k, value, selector.Options{})
	if err != nil {
		return StatusNotListed, nil
	}
	r, err := s.checkSelector(ctx, sel, &CheckResult{Query: value})
	if err != nil {
		return "", err
	}
	return r.Status, nil
}
