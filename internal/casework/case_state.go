package casework

import (
	"fmt"
	"slices"
	"strings"
)

// State is where a consular case stands.
type State string

// The states of a consular case, in the order a case usually passes them.
const (
	Reported       State = "reported"               // someone reported the national missing or confined
	Located        State = "located"                // where they are is known
	Contacted      State = "contacted"              // consular contact with them while still held
	Rescued        State = "rescued"                // freed by the police or an NGO
	Escaped        State = "escaped"                // got out by themselves
	Arrested       State = "arrested"               // arrested (in a raid or after); an arrest notice came
	InDetention    State = "immigration_detention"  // held by immigration, awaiting deportation
	Screened       State = "screened"               // a screening interview has been recorded
	DocumentIssued State = "travel_document_issued" // an emergency travel document was issued
	OnManifest     State = "on_manifest"            // booked on a repatriation flight
	Departed       State = "departed"
	Arrived        State = "arrived"
	HandedOver     State = "handed_over" // to the police, a shelter or the family
	Closed         State = "closed"
)

// States lists every state in order.
var States = []State{Reported, Located, Contacted, Rescued, Escaped, Arrested, InDetention,
	Screened, DocumentIssued, OnManifest, Departed, Arrived, HandedOver, Closed}

// transitions is the whole state machine: from each state, the states a
// case may go to. Anything not listed is refused.
var transitions = map[State][]State{
	Reported:       {Located, Contacted, Rescued, Escaped, Arrested, Closed},
	Located:        {Contacted, Rescued, Escaped, Arrested, Closed},
	Contacted:      {Located, Rescued, Escaped, Arrested, Closed},
	Rescued:        {Arrested, InDetention, Screened, Closed},
	Escaped:        {Arrested, InDetention, Screened, Closed},
	Arrested:       {InDetention, Screened, Closed},
	InDetention:    {Screened, DocumentIssued, Closed},
	Screened:       {InDetention, DocumentIssued, OnManifest, Closed},
	DocumentIssued: {InDetention, Screened, OnManifest, Closed},
	OnManifest:     {Screened, DocumentIssued, Departed},
	Departed:       {Arrived},
	Arrived:        {HandedOver},
	HandedOver:     {Closed},
	Closed:         {},
}

// ParseState reads a state's name.
func ParseState(s string) (State, error) {
	st := State(strings.TrimSpace(strings.ToLower(s)))
	if slices.Contains(States, st) {
		return st, nil
	}
	names := make([]string, len(States))
	for i, x := range States {
		names[i] = string(x)
	}
	return "", fmt.Errorf("unknown case state %q (one of %s)", s, strings.Join(names, ", "))
}

// Next lists the states a case in from may go to.
func Next(from State) []State { return slices.Clone(transitions[from]) }

// TransitionError is a refused change of state, with the reason an officer
// reads.
type TransitionError struct {
	From, To State
	Reason   string
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("a case cannot go from %s to %s: %s", e.From, e.To, e.Reason)
}

// CanTransition says whether a case may go from one state to another, and
// if not, why.
func CanTransition(from, to State) error {
	if !slices.Contains(States, from) || !slices.Contains(States, to) {
		return &TransitionError{from, to, "unknown state"}
	}
	if slices.Contains(transitions[from], to) {
		return nil
	}
	return &TransitionError{from, to, refusal(from, to)}
}

// refusal explains why the table refuses from -> to.
func refusal(from, to State) string {
	pos := func(s State) int { return slices.Index(States, s) }
	switch {
	case from == to:
		return "the case is already " + string(from)
	case from == Closed:
		return "a closed case does not change; open a new case"
	case to == Closed && from == OnManifest:
		return "take the person off the manifest first"
	case to == Closed:
		return "hand the person over before closing the case"
	case to == OnManifest:
		return "screen the person or issue a travel document before putting them on a manifest"
	case to == Departed:
		return "only a person on a flight's manifest departs"
	case to == Arrived:
		return "only a person who departed arrives"
	case to == HandedOver:
		return "a person is handed over on arrival"
	case pos(to) < pos(from):
		return fmt.Sprintf("%s comes before %s: a case does not go back", to, from)
	case to == Screened || to == DocumentIssued || to == InDetention:
		return "the person must be out of the compound first (rescued, escaped or arrested)"
	}
	return "from " + string(from) + " a case goes to " + joinStates(transitions[from])
}

func joinStates(ss []State) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
