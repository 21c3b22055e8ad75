package ui

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// flightForm is the new-flight form as typed.
type flightForm struct {
	Number, Carrier, From, To, Depart, Arrive, Note, TLP string
	Charter                                              bool
	Errors                                               map[string][]message
}

// flightTime is how the form's date-and-time fields are written (UTC).
const flightTime = "2006-01-02T15:04"

func readFlightForm(v url.Values) *flightForm {
	tr := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return &flightForm{Number: strings.ToUpper(tr("number")), Carrier: tr("carrier"), From: strings.ToUpper(tr("from")),
		To: strings.ToUpper(tr("to")), Depart: tr("depart_at"), Arrive: tr("arrive_at"), Note: tr("note"), TLP: tr("tlp"),
		Charter: v.Get("charter") == "yes"}
}

func (f *flightForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	f.Errors[field] = append(f.Errors[field], msg(key, args...))
}

func iata(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// input checks the form and turns it into a flight, or fills f.Errors.
func (f *flightForm) input() *casework.FlightInput {
	in := &casework.FlightInput{Number: f.Number, Carrier: f.Carrier, Charter: f.Charter, From: f.From, To: f.To, Note: f.Note, TLP: f.TLP}
	switch {
	case f.Number == "":
		f.fail("number", "repat.err.required")
	case len(f.Number) > 20:
		f.fail("number", "repat.err.too_long", fittingChars(f.Number, 20))
	}
	if len(f.Carrier) > scrMaxText {
		f.fail("carrier", "repat.err.too_long", fittingChars(f.Carrier, scrMaxText))
	}
	if len(f.Note) > scrMaxNotes {
		f.fail("note", "repat.err.too_long", fittingChars(f.Note, scrMaxNotes))
	}
	for field, v := range map[string]string{"from": f.From, "to": f.To} {
		if !iata(v) {
			f.fail(field, "repat.fl.err.iata")
		}
	}
	if !slices.Contains(casework.TLPs, f.TLP) {
		f.fail("tlp", "repat.err.choose")
	}
	if t, err := time.Parse(flightTime, f.Depart); err != nil {
		f.fail("depart_at", "repat.fl.err.time")
	} else {
		in.DepartAt = t
	}
	if f.Arrive != "" {
		t, err := time.Parse(flightTime, f.Arrive)
		switch {
		case err != nil:
			f.fail("arrive_at", "repat.fl.err.time")
		case !in.DepartAt.IsZero() && t.Before(in.DepartAt):
			f.fail("arrive_at", "repat.fl.err.before")
		default:
			in.ArriveAt = t
		}
	}
	return in
}

func newFlightForm() *flightForm {
	return &flightForm{TLP: store.TLPAmber, Charter: true, From: "PNH", To: "ICN"}
}

// rescheduleForm is the form that moves a planned flight to new times, as
// typed (or, before anything is typed, the flight's times).
type rescheduleForm struct {
	Depart, Arrive, Reason string
	Errors                 map[string][]message
}

func rescheduleFormOf(f *store.Flight) *rescheduleForm {
	m := &rescheduleForm{Depart: f.DepartAt.UTC().Format(flightTime)}
	if !f.ArriveAt.IsZero() {
		m.Arrive = f.ArriveAt.UTC().Format(flightTime)
	}
	return m
}

func readRescheduleForm(v url.Values) *rescheduleForm {
	tr := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return &rescheduleForm{Depart: tr("depart_at"), Arrive: tr("arrive_at"), Reason: tr("reason")}
}

func (f *rescheduleForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	f.Errors[field] = append(f.Errors[field], msg(key, args...))
}

// times checks the form against the clock at now, and returns the new
// departure and arrival (zero: none), or fills f.Errors.
func (f *rescheduleForm) times(at time.Time) (depart, arrive time.Time) {
	if f.Reason == "" {
		f.fail("reason", "repat.rs.err.reason")
	} else if len(f.Reason) > scrMaxText {
		f.fail("reason", "repat.err.too_long", fittingChars(f.Reason, scrMaxText))
	}
	depart, err := time.Parse(flightTime, f.Depart)
	switch {
	case err != nil:
		f.fail("depart_at", "repat.fl.err.time")
	case !depart.After(at):
		f.fail("depart_at", "repat.rs.err.past")
	}
	if f.Arrive != "" {
		t, err := time.Parse(flightTime, f.Arrive)
		switch {
		case err != nil:
			f.fail("arrive_at", "repat.fl.err.time")
		case t.Before(depart):
			f.fail("arrive_at", "repat.fl.err.before")
		default:
			arrive = t
		}
	}
	return depart, arrive
}
