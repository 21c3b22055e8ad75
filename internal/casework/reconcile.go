package casework

import (
	"context"
	"math"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/match"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// PartnerRow is one row of a partner's arrest or deportation list.
type PartnerRow struct {
	Line           int // in the file, for messages
	RowRef         string
	NameLatin      string
	DOB            match.Date
	Nationality    string
	PassportNumber string
	PlaceOfArrest  string
}

// Reconciliation statuses of a partner row.
const (
	StatusMatched   = "matched"
	StatusConflict  = "conflict"
	StatusUnmatched = "unmatched"
)

// Reasons give a status's grounds.
const (
	ReasonDocument     = "document"              // matched: same document number, names and dates agree
	ReasonNameAndBirth = "name_and_birth"        // matched: names across scripts and spellings, date of birth
	ReasonDecision     = "decision"              // matched: an officer judged them the same person
	ReasonDocumentName = "document_name_differs" // conflict: same document number, different name or birth
	ReasonAmbiguous    = "ambiguous"             // conflict: more than one person here matches
	ReasonPossible     = "possible"              // conflict: a likely person, not sure enough
	ReasonDuplicateRow = "duplicate_row"         // conflict: another row of the list matches the same person
)

// Candidate is a person here scored against a partner row.
type Candidate struct {
	PersonID  string    `json:"person_id"`
	PersonRef string    `json:"person"` // the person's external_ref, else its ID
	Score     float64   `json:"score"`
	Class     string    `json:"class"` // match, possible
	Features  []Feature `json:"features"`
}

// Feature is one piece of evidence of a score, as the matching engine
// explains it: its name ("family name", "date of birth", "passport"...),
// its weight (log2 likelihood ratio) and a sentence.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
	Detail string  `json:"detail"`
}

func featuresOf(sc match.Score) []Feature {
	out := make([]Feature, len(sc.Features))
	for i, f := range sc.Features {
		out[i] = Feature{Name: f.Name, Weight: math.Round(f.Weight*100) / 100, Detail: f.Detail}
	}
	return out
}

// RowResult is the outcome for one partner row.
type RowResult struct {
	RowRef     string      `json:"row_ref"`
	Status     string      `json:"status"`
	Reason     string      `json:"reason,omitempty"`
	Person     *Candidate  `json:"match,omitempty"` // the matched person
	Candidates []Candidate `json:"candidates,omitempty"`
}

// Reconciliation is a partner list matched against the persons here.
type Reconciliation struct {
	Partner string
	Rows    []RowResult // in the list's order
	// Unmatched lists the persons here whose open case says they should be
	// on such a list (arrested or in immigration detention) and that no
	// row matched.
	Unmatched []Candidate
	Counts    map[string]int // by status
}

// PartnerRowKey is the key a partner row's decisions are stored under.
func PartnerRowKey(partner, rowRef string) string { return "partner:" + partner + ":" + rowRef }

// expectedOnLists are the case states whose persons a partner's arrest or
// deportation list should name.
var expectedOnLists = []State{Arrested, InDetention}

// Reconcile matches a partner's list against the persons p may read:
// exact document numbers first, then names across scripts and spellings
// with dates of birth (the matching engine's blocked search). Stored
// same/not-same decisions always win. Every person named in the answer is
// audited as read, in one transaction.
func (s *Service) Reconcile(ctx context.Context, p trust.Principal, partner string, rows []PartnerRow) (*Reconciliation, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	partner = strings.TrimSpace(partner)
	if partner == "" {
		return nil, fieldErr("partner", "missing")
	}
	docHits, err := s.documentHits(ctx, rows)
	if err != nil {
		return nil, err
	}
	rec := &Reconciliation{Partner: partner, Rows: make([]RowResult, len(rows)), Counts: map[string]int{}}
	err = s.withIndex(ctx, func(ix *match.Index, meta map[string]indexedPerson) error {
		byID := make(map[string]int, ix.Len())
		for i := 0; i < ix.Len(); i++ {
			byID[ix.Person(i).ID] = i
		}
		readable := func(id string) bool { m, ok := meta[id]; return ok && mayRead(p, auth.ActionReadPerson, m.marking()) }
		cand := func(i int, sc match.Score) Candidate {
			id := ix.Person(i).ID
			ref := meta[id].ref
			if ref == "" {
				ref = id
			}
			return Candidate{PersonID: id, PersonRef: ref, Score: math.Round(sc.Value*10000) / 10000, Class: sc.Class.String(), Features: featuresOf(sc)}
		}
		for i, row := range rows {
			q := row.query(partner)
			res := RowResult{RowRef: row.RowRef, Status: StatusUnmatched}
			if ids := docHits[normDoc(row.PassportNumber)]; len(ids) > 0 && len(normDoc(row.PassportNumber)) >= 5 {
				res = s.byDocument(ix, q, row, ids, byID, readable, cand)
			}
			if res.Status == StatusUnmatched {
				res = byName(ix, q, row, readable, cand)
			}
			rec.Rows[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	markDuplicates(rec.Rows)
	if rec.Unmatched, err = s.unmatchedHere(ctx, p, rec.Rows); err != nil {
		return nil, err
	}
	for _, r := range rec.Rows {
		rec.Counts[r.Status]++
	}
	return rec, s.auditReconcile(ctx, p, partner, rec)
}

func (row *PartnerRow) query(partner string) match.Person {
	q := match.Person{ID: PartnerRowKey(partner, row.RowRef), DOB: row.DOB, Nationality: row.Nationality,
		Names: []match.Name{{Text: row.NameLatin, Script: match.ScriptLatin}}}
	if row.PassportNumber != "" {
		q.Documents = []match.Document{{Type: "passport", Number: row.PassportNumber, Country: row.Nationality}}
	}
	return q
}

// documentHits finds the persons holding each row's document number.
func (s *Service) documentHits(ctx context.Context, rows []PartnerRow) (map[string][]string, error) {
	var keys []string
	for _, r := range rows {
		if n := normDoc(r.PassportNumber); len(n) >= 5 {
			keys = append(keys, "doc:"+n)
		}
	}
	hits := map[string][]string{}
	err := s.st.PersonsByKeys(ctx, keys, func(h store.PersonKeyHit) error {
		n := strings.TrimPrefix(h.Key, "doc:")
		hits[n] = append(hits[n], h.PersonID)
		return nil
	})
	return hits, err
}

// byDocument decides a row whose document number a person here holds:
// matched when the rest agrees, a conflict when the name or the date of
// birth says another person holds that number.
func (s *Service) byDocument(ix *match.Index, q match.Person, row PartnerRow, ids []string, byID map[string]int,
	readable func(string) bool, cand func(int, match.Score) Candidate) RowResult {
	res := RowResult{RowRef: row.RowRef, Status: StatusUnmatched}
	var agree, disagree []Candidate
	for _, id := range ids {
		i, ok := byID[id]
		if !ok || !readable(id) {
			continue
		}
		v := s.index.dec.Verdict(q.ID, id)
		if v == match.Different {
			continue
		}
		sc := ix.Score(q, i)
		c := cand(i, sc)
		if v == match.Same {
			c.Score, c.Class = 1, match.Match.String()
			return RowResult{RowRef: row.RowRef, Status: StatusMatched, Reason: ReasonDecision, Person: &c}
		}
		if sc.Class == match.Match && !disagrees(sc) {
			agree = append(agree, c)
		} else {
			disagree = append(disagree, c)
		}
	}
	switch {
	case len(agree) == 1:
		res.Status, res.Reason, res.Person = StatusMatched, ReasonDocument, &agree[0]
	case len(agree) > 1:
		res.Status, res.Reason, res.Candidates = StatusConflict, ReasonAmbiguous, agree
	case len(disagree) > 0:
		res.Status, res.Reason, res.Candidates = StatusConflict, ReasonDocumentName, disagree
	}
	return res
}

// disagrees says whether the names or the date of birth speak against
// the pair, whatever the total.
func disagrees(sc match.Score) bool { // on the engine's own features
	var name, dob float64
	for _, f := range sc.Features {
		switch f.Name {
		case "family name", "given name", "name order":
			name += f.Weight
		case "date of birth":
			dob += f.Weight
		}
	}
	return name < 0 || dob < 0
}

// byName searches the index by name and date of birth.
func byName(ix *match.Index, q match.Person, row PartnerRow, readable func(string) bool, cand func(int, match.Score) Candidate) RowResult {
	res := RowResult{RowRef: row.RowRef, Status: StatusUnmatched}
	var best []match.Candidate
	for _, c := range ix.Best(q, 5) {
		if readable(ix.Person(c.Index).ID) {
			best = append(best, c)
		}
	}
	if len(best) == 0 {
		return res
	}
	top := best[0]
	c := cand(top.Index, top.Score)
	switch {
	case top.Verdict == match.Same:
		res.Status, res.Reason, res.Person = StatusMatched, ReasonDecision, &c
	case top.Score.Class == match.Match && (len(best) == 1 || best[1].Score.Class != match.Match):
		res.Status, res.Reason, res.Person = StatusMatched, ReasonNameAndBirth, &c
	case top.Score.Class == match.Match:
		res.Status, res.Reason = StatusConflict, ReasonAmbiguous
		for _, b := range best {
			if b.Score.Class == match.Match {
				res.Candidates = append(res.Candidates, cand(b.Index, b.Score))
			}
		}
	default:
		res.Status, res.Reason = StatusConflict, ReasonPossible
		for _, b := range best[:min(3, len(best))] {
			res.Candidates = append(res.Candidates, cand(b.Index, b.Score))
		}
	}
	return res
}

// markDuplicates turns into conflicts the matches of rows that found the
// same person: an officer must say which row is them.
func markDuplicates(rows []RowResult) {
	by := map[string][]int{}
	for i, r := range rows {
		if r.Status == StatusMatched && r.Reason != ReasonDecision {
			by[r.Person.PersonID] = append(by[r.Person.PersonID], i)
		}
	}
	for _, idx := range by {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			rows[i].Status, rows[i].Reason = StatusConflict, ReasonDuplicateRow
			rows[i].Candidates = []Candidate{*rows[i].Person}
			rows[i].Person = nil
		}
	}
}

// unmatchedHere lists the persons p may read with an open case in a state
// that should put them on the list, whom no row matched.
func (s *Service) unmatchedHere(ctx context.Context, p trust.Principal, rows []RowResult) ([]Candidate, error) {
	matched := map[string]bool{}
	for _, r := range rows {
		if r.Person != nil {
			matched[r.Person.PersonID] = true
		}
		for _, c := range r.Candidates {
			matched[c.PersonID] = true
		}
	}
	var out []Candidate
	for _, st := range expectedOnLists {
		cs, err := s.st.ListCases(ctx, store.CaseFilter{State: string(st)})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if matched[c.PersonID] || !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
				continue
			}
			matched[c.PersonID] = true
			ref := c.PersonID
			if person, err := s.st.GetPerson(ctx, c.PersonID); err == nil && person.ExternalRef != "" {
				ref = person.ExternalRef
			}
			out = append(out, Candidate{PersonID: c.PersonID, PersonRef: ref})
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return strings.Compare(a.PersonID, b.PersonID) })
	return out, nil
}

// auditReconcile records the reconciliation and a read of every person it
// names, in one transaction.
func (s *Service) auditReconcile(ctx context.Context, p trust.Principal, partner string, rec *Reconciliation) error {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, r := range rec.Rows {
		if r.Person != nil {
			add(r.Person.PersonID)
		}
		for _, c := range r.Candidates {
			add(c.PersonID)
		}
	}
	for _, c := range rec.Unmatched {
		add(c.PersonID)
	}
	return s.st.Update(ctx, func(w store.Writer) error {
		if err := trust.Record(ctx, w, p, s.now(), "reconcile", "partner_list", partner, "allow"); err != nil {
			return err
		}
		for _, id := range ids {
			if err := trust.Record(ctx, w, p, s.now(), "read", "person", id, "allow"); err != nil {
				return err
			}
		}
		return nil
	})
}
