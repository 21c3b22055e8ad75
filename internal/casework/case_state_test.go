package casework

import (
	"errors"
	"strings"
	"testing"
)

// transitionMatrix is the state machine written out by hand, row = from,
// column = to, both in the order of States:
//
//	rep loc con res esc arr det scr doc man dep arv han clo
var transitionMatrix = map[State]string{
	Reported:       ". x x x x x . . . . . . . x",
	Located:        ". . x x x x . . . . . . . x",
	Contacted:      ". x . x x x . . . . . . . x",
	Rescued:        ". . . . . x x x . . . . . x",
	Escaped:        ". . . . . x x x . . . . . x",
	Arrested:       ". . . . . . x x . . . . . x",
	InDetention:    ". . . . . . . x x . . . . x",
	Screened:       ". . . . . . x . x x . . . x",
	DocumentIssued: ". . . . . . x x . x . . . x",
	OnManifest:     ". . . . . . . x x . x . . .",
	Departed:       ". . . . . . . . . . . x . .",
	Arrived:        ". . . . . . . . . . . . x .",
	HandedOver:     ". . . . . . . . . . . . . x",
	Closed:         ". . . . . . . . . . . . . .",
}

// TestTransitionsExhaustive checks every (from, to) pair: allowed exactly
// where the matrix says, refused everywhere else with a reason.
func TestTransitionsExhaustive(t *testing.T) {
	if len(transitionMatrix) != len(States) {
		t.Fatalf("the matrix has %d rows for %d states", len(transitionMatrix), len(States))
	}
	allowed := 0
	for _, from := range States {
		cells := strings.Fields(transitionMatrix[from])
		if len(cells) != len(States) {
			t.Fatalf("row %s has %d cells", from, len(cells))
		}
		for j, to := range States {
			want := cells[j] == "x"
			err := CanTransition(from, to)
			if want {
				allowed++
				if err != nil {
					t.Errorf("%s -> %s refused (%v), want allowed", from, to, err)
				}
				continue
			}
			var te *TransitionError
			if !errors.As(err, &te) {
				t.Errorf("%s -> %s: err = %v, want a refusal", from, to, err)
				continue
			}
			if te.From != from || te.To != to || te.Reason == "" || te.Reason == "unknown state" {
				t.Errorf("%s -> %s: refusal %+v", from, to, te)
			}
		}
	}
	// Next agrees with CanTransition.
	n := 0
	for _, from := range States {
		for _, to := range Next(from) {
			n++
			if CanTransition(from, to) != nil {
				t.Errorf("Next(%s) lists %s, which is refused", from, to)
			}
		}
	}
	if n != allowed {
		t.Errorf("Next lists %d transitions, the matrix %d", n, allowed)
	}
}

func TestTransitionReasons(t *testing.T) {
	for _, tt := range []struct {
		from, to State
		reason   string
	}{
		{Reported, Reported, "already reported"},
		{Closed, Reported, "closed case does not change"},
		{Reported, OnManifest, "before putting them on a manifest"},
		{Arrested, OnManifest, "before putting them on a manifest"},
		{Screened, Departed, "on a flight's manifest departs"},
		{OnManifest, Arrived, "only a person who departed arrives"},
		{Departed, HandedOver, "handed over on arrival"},
		{OnManifest, Closed, "off the manifest first"},
		{Arrived, Closed, "hand the person over"},
		{Screened, Rescued, "rescued comes before screened"},
		{Departed, Screened, "does not go back"},
		{Reported, Screened, "out of the compound first"},
		{Located, InDetention, "out of the compound first"},
		{Rescued, Escaped, "from rescued a case goes to arrested, immigration_detention, screened, closed"},
	} {
		err := CanTransition(tt.from, tt.to)
		if err == nil || !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("%s -> %s: %v, want a reason with %q", tt.from, tt.to, err, tt.reason)
		}
	}
	if err := CanTransition("lost", Reported); err == nil {
		t.Error("an unknown state was accepted")
	}
}

func TestParseState(t *testing.T) {
	for _, s := range States {
		got, err := ParseState(" " + strings.ToUpper(string(s)) + " ")
		if err != nil || got != s {
			t.Errorf("ParseState(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseState("missing"); err == nil || !strings.Contains(err.Error(), "reported, located") {
		t.Errorf("ParseState(missing): %v", err)
	}
}
