package ui

import (
	"errors"
	"net/http"

	"counterscam/internal/casework"
)

// refusal is why casework refused a change, for the page that asked: the
// service's own reason (in English, as the service words it) under a
// translated heading, and on a Korean or Khmer page the reason in that
// language where the pages know it.
type refusal struct {
	Heading   message
	From, To  string // a refused change of state
	Reason    string
	Why       string   // the translated reason's key, or ""
	WhyStates []string // the states it names
}

// caseworkRefusal turns the refusals a form can cause (bad input, a
// change of state the case may not make, a record changed meanwhile) into
// what the page shows with the status to answer; any other error is
// returned as it is, for the error page.
func caseworkRefusal(err error, lang string) (*refusal, int, error) {
	var fe *casework.FieldError
	var te *casework.TransitionError
	switch {
	case errors.As(err, &te):
		ref := &refusal{Heading: msg("people.refused.transition"), From: string(te.From), To: string(te.To), Reason: te.Reason}
		if key, states, ok := reasonKey(te); ok && lang != "en" {
			ref.Why, ref.WhyStates = key, states
		}
		return ref, http.StatusConflict, nil
	case errors.As(err, &fe):
		return &refusal{Heading: msg("people.refused.input"), Reason: fe.Field + ": " + fe.Reason}, http.StatusUnprocessableEntity, nil
	case errors.Is(err, casework.ErrConflict):
		return &refusal{Heading: msg("people.refused.conflict"), Reason: casework.ErrConflict.Error()}, http.StatusConflict, nil
	}
	return nil, 0, err
}
