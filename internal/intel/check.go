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
	Reason      string             `json:"reason,omitempty"` // why a query is invalid, in English
	Code        selector.ErrorCode `json:"code,omitempty"`   // the kind of Reason (see selector.ErrorCode)
	Problem     *selector.Error    `json:"-"`                // Reason with its facts, for a page to say in its language
	Selector    *selector.Selector `json:"-"`
	Reports     int                `json:"reports"`
	Sources     int                `json:"sources"`
	FirstSeen   time.Time          `json:"first_seen,omitzero"`
	LastSeen    time.Time          `json:"last_seen,omitzero"`
	ScamTypes   []string           `json:"scam_types,omitempty"`
	NetworkSize int                `json:"network_size,omitempty"`
	// ListedAs is the site a website is listed under when it is not
	// listed under the spelling asked ("https://www.example.com/" for
	// "example.com"): see check_site.go.
	ListedAs string `json:"listed_as,omitempty"`
	Advice   string `json:"advice"`
	// Accounts are the listed bank accounts with the digits of a number
	// checked without its bank, most reported first; Selector is the
	// first (see check_account.go).
	Accounts []AccountMatch `json:"-"`

	id string // the selector's ID
}

// Advice texts by status; the web interface translates them by key.
var advice = map[string]string{
	StatusListed:      "Reported as a scam. Do not send money, personal details or ID documents. If you already paid, call your bank at once and report it to the police.",
	StatusNotListed:   "Not listed. That is not proof it is safe: scammers change numbers and accounts often. Check who you are dealing with through an official channel before you pay or travel.",
	StatusAllowlisted: "This is widely used, legitimate infrastructure (a platform, bank or exchange). Check the specific account, handle or number you were given instead.",
	StatusInvalid:     "This does not look like a phone number, account, wallet, website or handle. Check what you typed.",
}

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
	sel, id, err := s.norm.ParseID(query, selector.Options{Region: region})
	if err != nil {
		r.invalid(err)
		s.explainNational(r, region)
		if err := s.answerAccount(ctx, r, region); err != nil {
			return nil, err
		}
		return r, nil
	}
	return s.checkSelector(ctx, sel, id, r)
}

// invalid makes r the answer for a value that is no selector.
func (r *CheckResult) invalid(err error) {
	r.Status, r.Advice = StatusInvalid, advice[StatusInvalid]
	var se *selector.Error
	if errors.As(err, &se) {
		r.Reason, r.Code, r.Problem = se.Reason, se.Code, se
	} else {
		r.Reason = err.Error()
	}
}

// SelectorID is the ID of the checked selector ("" for an invalid value),
// computed once.
func (r *CheckResult) SelectorID() string { return r.id }

// setSelector records the parsed selector and its ID; it answers whether
// it is allow-listed (and then r is complete).
func (s *Service) setSelector(r *CheckResult, sel *selector.Selector, id string) bool {
	r.Selector, r.id = sel, id
	if s.allow.contains(r.id, string(sel.Kind), sel.Value, sel.Subtype) {
		r.Status, r.Advice = StatusAllowlisted, advice[StatusAllowlisted]
		return true
	}
	return false
}

// answer completes r from the public entry of its selector.
func (r *CheckResult) answer(pe *publicEntry) {
	if !pe.listed {
		r.Status, r.Advice = StatusNotListed, advice[StatusNotListed]
		return
	}
	r.Status, r.Advice = StatusListed, advice[StatusListed]
	r.Reports, r.Sources = pe.stats.Reports, pe.stats.Sources
	r.FirstSeen, r.LastSeen = pe.stats.FirstSeen, pe.stats.LastSeen
	r.ScamTypes, r.NetworkSize = pe.stats.ScamTypes, pe.networkSize
}

// checkSelector answers the check for a parsed selector.
func (s *Service) checkSelector(ctx context.Context, sel selector.Selector, id string, r *CheckResult) (*CheckResult, error) {
	if s.setSelector(r, &sel, id) {
		return r, nil
	}
	if x := s.index.Load(); x != nil {
		pe := x.lookup(r.id)
		r.answer(&pe)
	} else {
		pe, err := s.publicEntry(ctx, r.id)
		if err != nil {
			return nil, err
		}
		r.answer(pe)
	}
	if err := s.answerAccount(ctx, r, ""); err != nil { // r is no invalid answer: the region does not matter
		return nil, err
	}
	if err := s.answerSites(ctx, []*CheckResult{r}); err != nil {
		return nil, err
	}
	return r, nil
}

// computePublic works out what the public may learn of each selector of
// ids (without repeats), in three queries whatever their number: the
// stored selectors (known, when the caller has them already; else read),
// what the public's reports say of those that may be listed, and the
// public size of the networks of those listed.
func (s *Service) computePublic(ctx context.Context, ids []string, known map[string]*store.Selector) (map[string]*publicEntry, error) {
	return s.computePublicIn(ctx, ids, known, s.publicScope)
}

// computePublicIn is computePublic over the reports in scope sc (always
// the public's, but for benchmarks that measure what scoping costs).
func (s *Service) computePublicIn(ctx context.Context, ids []string, known map[string]*store.Selector, sc store.Scope) (map[string]*publicEntry, error) {
	sels := known
	if sels == nil {
		var err error
		if sels, err = s.st.GetSelectors(ctx, ids); err != nil {
			return nil, err
		}
	}
	out := make(map[string]*publicEntry, len(ids))
	entries := make([]publicEntry, len(ids))
	var candidates []string
	for i, id := range ids {
		out[id] = &entries[i]
		if sel, ok := sels[id]; ok && !sel.Withdrawn && !s.isAllowID(id) {
			candidates = append(candidates, id)
		}
	}
	if len(candidates) == 0 {
		return out, nil
	}
	stats, err := s.st.SelectorStatsMany(ctx, candidates, sc)
	if err != nil {
		return nil, err
	}
	var nets []string
	seen := map[string]bool{}
	for _, id := range candidates {
		st := stats[id]
		if !s.listed(sels[id], st) {
			continue
		}
		pe := out[id]
		pe.listed = true
		if st == nil {
			continue
		}
		pe.stats = *st
		for _, n := range st.Networks {
			if !seen[n] {
				seen[n] = true
				nets = append(nets, n)
			}
		}
	}
	sizes, err := s.st.NetworkReports(ctx, nets, sc)
	if err != nil {
		return nil, err
	}
	for _, pe := range out {
		for _, n := range pe.stats.Networks {
			pe.networkSize = max(pe.networkSize, sizes[n])
		}
	}
	return out, nil
}

// CheckBatch checks many values for a partner (a bank screening its
// accounts, an exchange its deposit addresses), one answer per value in
// order. The answers are the public check's, worked out together: the
// values are parsed, and the selectors the check cache does not hold are
// looked up all at once.
func (s *Service) CheckBatch(ctx context.Context, p trust.Principal, queries []string, region string) ([]*CheckResult, error) {
	if !p.Can(auth.ActionCheckBatch) {
		return nil, trust.ErrForbidden
	}
	out := make([]*CheckResult, len(queries))
	results := make([]CheckResult, len(queries))
	sels := make([]selector.Selector, len(queries))
	opts := selector.Options{Region: region}
	ids := make([]string, 0, len(queries))
	for i, q := range queries {
		r := &results[i]
		r.Query = q
		out[i] = r
		sel, id, err := s.norm.ParseID(q, opts)
		if err != nil {
			r.invalid(err)
			s.explainNational(r, region)
			continue
		}
		sels[i] = sel
		if !s.setSelector(r, &sels[i], id) {
			ids = append(ids, r.id)
		}
	}
	entries, err := s.publicEntries(ctx, ids, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range out {
		if r.Status == "" {
			r.answer(entries[r.id])
		}
		if err := s.answerAccount(ctx, r, region); err != nil {
			return nil, err
		}
	}
	if err := s.answerSites(ctx, out); err != nil {
		return nil, err
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
	r, err := s.checkSelector(ctx, sel, sel.ID().String(), &CheckResult{Query: value})
	if err != nil {
		return "", err
	}
	return r.Status, nil
}
