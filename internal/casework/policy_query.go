package casework

import (
	"slices"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// MayChangeCases says whether p may triage intakes, create persons and
// move cases (the pages offer those forms only to who may use them; the
// methods check again).
func MayChangeCases(p trust.Principal) bool { return canWrite(p, writeCase) }

// MayReadPersons says whether p's role reads persons, cases and intakes at
// all (each record's label still applies).
func MayReadPersons(p trust.Principal) bool { return mayReadAny(p, auth.ActionReadPerson) }

// OpeningStates lists the states a case may open in.
func OpeningStates() []State { return slices.Clone(openingStates) }
