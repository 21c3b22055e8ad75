package ui

import (
	"strings"

	"counterscam/internal/casework"
)

// transitionReasons translates the reasons casework gives for refusing a
// change of state, by their English text (a test walks every refused
// change, so a reason the service adds or rewords fails it).
var transitionReasons = map[string]string{
	"a closed case does not change; open a new case":                                 "people.why.closed",
	"take the person off the manifest first":                                         "people.why.off_manifest",
	"hand the person over before closing the case":                                   "people.why.hand_over_first",
	"screen the person or issue a travel document before putting them on a manifest": "people.why.manifest",
	"only a person on a flight's manifest departs":                                   "people.why.departs",
	"only a person who departed arrives":                                             "people.why.arrives",
	"a person is handed over on arrival":                                             "people.why.hand_over",
	"the person must be out of the compound first (rescued, escaped or arrested)":    "people.why.out_first",
	"no screening is recorded for this person: record the screening interview first": "people.why.no_screening",
	"unknown state": "people.why.unknown",
}

// reasonKey is the message that says why casework refused from -> to in
// the page's language, and whether there is one: the fixed reasons by
// their text, "already", "does not go back" and "goes only to" by their
// shape. The English reason is shown beside it either way.
func reasonKey(te *casework.TransitionError) (key string, args []string, ok bool) {
	if k, ok := transitionReasons[te.Reason]; ok {
		return k, nil, true
	}
	switch {
	case te.From == te.To && strings.HasPrefix(te.Reason, "the case is already "):
		return "people.why.already", nil, true
	case strings.HasSuffix(te.Reason, ": a case does not go back"):
		return "people.why.backwards", nil, true
	case strings.HasPrefix(te.Reason, "from "+string(te.From)+" a case goes to "):
		var next []string
		for _, s := range casework.Next(te.From) {
			next = append(next, string(s))
		}
		return "people.why.next", next, true
	}
	return "", nil, false
}
