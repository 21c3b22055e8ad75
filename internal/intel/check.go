package intel

import (
	"context"
	"errors"
	"sort"
	"time"

	"counterscam/internal/selector"
	"counterscam/internal/store"
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

// publiclyListed applies the publication rule: never when withdrawn or
// allow-listed; otherwise when an analyst confirmed it, or when reports from
// at least PublicationThreshold independent sources name it.
func (s *Service) publiclyListed(sel *store.Selector) bool {
	if sel.Withdrawn || s.isAllowID(sel.ID) {
		return false
	}
	return sel.Confirmed || sel.Sources >= s.cfg.PublicationThreshold
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
	rec, err := s.st.GetSelector(ctx, sel.ID().String())
	if errors.Is(err, store.ErrNotFound) || (err == nil && !s.publiclyListed(rec)) {
		r.Status, r.Advice = StatusNotListed, advice[StatusNotListed]
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	r.Status, r.Advice = StatusListed, advice[StatusListed]
	r.Reports, r.Sources = rec.Reports, rec.Sources
	r.FirstSeen, r.LastSeen = rec.FirstSeen, rec.LastSeen
	types, size, err := s.selectorContext(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	r.ScamTypes, r.NetworkSize = types, size
	return r, nil
}

// selectorContext returns the scam types of the reports naming a selector
// and the size of the largest network they belong to.
func (s *Service) selectorContext(ctx context.Context, id string) ([]string, int, error) {
	reps, err := s.st.ListReports(ctx, store.ReportFilter{Scope: store.Scope{All: true}, SelectorID: id, Limit: 1000})
	if err != nil {
		return nil, 0, err
	}
	seen := map[string]bool{}
	var types []string
	size := 0
	nets := map[string]bool{}
	for _, rep := range reps {
		if !seen[rep.ScamType] {
			seen[rep.ScamType] = true
			types = append(types, rep.ScamType)
		}
		if rep.NetworkID != "" && !nets[rep.NetworkID] {
			nets[rep.NetworkID] = true
			if n, err := s.st.GetNetwork(ctx, rep.NetworkID); err == nil && n.Reports > size {
				size = n.Reports
			}
		}
	}
	sort.Strings(types)
	return types, size, nil
}

// CheckBatch checks many values, one answer per value in order.
func (s *Service) CheckBatch(ctx context.Context, queries []string, region string) ([]*CheckResult, error) {
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
