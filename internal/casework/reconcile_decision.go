package casework

import (
	"context"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// DecideMatch stores an officer's judgement that two records are (same)
// or are not the same person: a and b are person IDs or partner-row keys
// (PartnerRowKey). Reconciliation and de-duplication always respect it.
func (s *Service) DecideMatch(ctx context.Context, p trust.Principal, a, b string, same bool, note string) error {
	if !canWrite(p, writeCase) {
		return trust.ErrForbidden
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" || a == b {
		return fieldErr("pair", "two different records are needed")
	}
	note, err := checkText("note", note, maxNotes, false)
	if err != nil {
		return err
	}
	d := &store.MatchDecision{A: min(a, b), B: max(a, b), Same: same, By: p.UserID, Org: p.Org, Note: note, DecidedAt: s.now()}
	err = s.update(ctx, p, "update", "match_decision", d.A+" "+d.B, func(w store.Writer) error {
		for _, id := range []string{a, b} {
			if strings.HasPrefix(id, "partner:") {
				continue
			}
			person, err := w.GetPerson(ctx, id)
			if err != nil {
				return err
			}
			if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
				return store.ErrNotFound
			}
		}
		return w.PutMatchDecision(ctx, d)
	})
	if err != nil {
		return err
	}
	return s.index.dec.load(ctx, s.st)
}
