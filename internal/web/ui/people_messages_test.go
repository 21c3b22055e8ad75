package ui

import (
	"errors"
	"testing"

	"counterscam/internal/casework"
)

// TestPeopleVocabulariesAreTranslated: every value of the casework
// vocabularies the consular pages show through "tr" (states, actions,
// channels, documents, roles...) has a message in every language, so no
// page falls back to the raw code.
func TestPeopleVocabulariesAreTranslated(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, s := range casework.States {
		states = append(states, string(s))
	}
	families := map[string][]string{
		"people.state.":      states,
		"people.action.":     append([]string{casework.FlightRescheduled}, casework.CaseActions...),
		"people.channel.":    casework.IntakeChannels,
		"people.doc.":        casework.DocumentTypes,
		"people.doc_status.": casework.DocumentStatuses,
		"people.handover.":   casework.HandOverTo,
		"people.name_kind.":  casework.NameKinds,
		"people.role.":       casework.Roles,
		"people.kin.":        append(append([]string{}, casework.KinRelations...), reporterRelations...),
		"people.sex.":        casework.Sexes,
		"people.selrole.":    {"own", "used_in_compound", "recruiter_contact"},
	}
	for _, r := range casework.DefaultDeadlines {
		families["people.duty."] = append(families["people.duty."], r.Kind)
	}
	for _, n := range callNumbers {
		families[""] = append(families[""], n.Key)
	}
	for p, members := range families {
		for _, m := range members {
			for _, l := range Languages {
				if _, err := c.T(l, p+m); err != nil {
					t.Errorf("%s: %v", l, err)
				}
			}
		}
	}
}

// TestEveryRefusalIsTranslated walks every change of state the state
// machine refuses (and the screening guard): each reason has a message in
// every language, so a reason casework adds or rewords fails here.
func TestEveryRefusalIsTranslated(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	refused := []*casework.TransitionError{{From: casework.Rescued, To: casework.Screened,
		Reason: "no screening is recorded for this person: record the screening interview first"}}
	for _, from := range casework.States {
		for _, to := range append(casework.States, "lost") {
			var te *casework.TransitionError
			if errors.As(casework.CanTransition(from, to), &te) {
				refused = append(refused, te)
			}
		}
	}
	if len(refused) < 100 {
		t.Fatalf("only %d refused changes", len(refused))
	}
	for _, te := range refused {
		key, states, ok := reasonKey(te)
		if !ok {
			t.Errorf("%s -> %s: no translation of %q", te.From, te.To, te.Reason)
			continue
		}
		for _, l := range Languages {
			if _, err := c.T(l, key); err != nil {
				t.Error(err)
			}
			for _, s := range states {
				if _, err := c.T(l, "people.state."+s); err != nil {
					t.Error(err)
				}
			}
		}
	}
}
