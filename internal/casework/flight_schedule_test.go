package casework

import (
	"errors"
	"slices"
	"testing"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestRescheduleFlightPastItsDeparture: a planned flight whose departure
// has passed, with a passenger on it, moves to a new time ahead with a
// reason: it takes passengers again, the passenger stays on it with the
// case still on_manifest, the change (from what, to what, who, why) is
// kept on the flight, audited as its update and written on the
// passenger's case timeline.
func TestRescheduleFlightPastItsDeparture(t *testing.T) {
	f, fl, cases := manifestFixture(t, 2)
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"}); err != nil {
		t.Fatal(err)
	}
	f.advance(50 * time.Hour)
	if f.svc.TakesPassengers(fl) {
		t.Fatal("a flight past its departure takes passengers")
	}
	auditBefore := len(f.auditOf(fl.ID))
	newDepart, newArrive := f.clock.Add(6*time.Hour), f.clock.Add(11*time.Hour)
	got, err := f.svc.RescheduleFlight(f.ctx, f.officer, fl.ID, newDepart, newArrive, "  delayed by the airline ")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := f.st.GetFlight(f.ctx, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := store.FlightReschedule{At: f.clock, By: "u-officer", Org: orgEmbassy, DepartWas: fl.DepartAt, DepartAt: newDepart,
		ArriveAt: newArrive, Reason: "delayed by the airline"}
	if !stored.DepartAt.Equal(newDepart) || !stored.ArriveAt.Equal(newArrive) || stored.Status != "planned" ||
		len(stored.Reschedules) != 1 || stored.Reschedules[0] != want {
		t.Errorf("stored flight: depart %v arrive %v %s, changes %+v; want %+v", stored.DepartAt, stored.ArriveAt, stored.Status, stored.Reschedules, want)
	}
	if !got.DepartAt.Equal(newDepart) || len(got.Reschedules) != 1 {
		t.Errorf("returned flight %+v", got)
	}
	if !f.svc.TakesPassengers(stored) {
		t.Error("the rescheduled flight takes no passengers")
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[1].ID, LegalStatus: "victim"}); err != nil {
		t.Errorf("AddPassenger on the rescheduled flight: %v", err)
	}
	m, _ := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if len(m.Rows) != 2 || m.Rows[0].Passenger.CaseID != cases[0].ID {
		t.Errorf("manifest after the reschedule: %d rows", len(m.Rows))
	}
	c, _ := f.st.GetCase(f.ctx, cases[0].ID)
	if c.State != string(OnManifest) {
		t.Errorf("the passenger's case is %s", c.State)
	}
	evs, _ := f.st.CaseEvents(f.ctx, cases[0].ID)
	last := evs[len(evs)-1]
	wantNote := "flight KE9688 moved from 2025-10-16 09:00 UTC to 2025-10-16 17:00 UTC: delayed by the airline"
	if last.Kind != FlightRescheduled || last.Note != wantNote || last.By != "u-officer" || !last.At.Equal(f.clock) {
		t.Errorf("last event of the passenger's case: %+v, want note %q", last, wantNote)
	}
	if audit := f.auditOf(fl.ID); len(audit) < auditBefore+1 || audit[auditBefore] != "u-officer update flight allow" {
		t.Errorf("audit of the flight after the reschedule: %v (had %d)", audit, auditBefore)
	}

	// A second move keeps both, oldest first; no arrival time clears it.
	later := newDepart.Add(24 * time.Hour)
	if _, err := f.svc.RescheduleFlight(f.ctx, f.officer, fl.ID, later, time.Time{}, "crew rest"); err != nil {
		t.Fatal(err)
	}
	stored, _ = f.st.GetFlight(f.ctx, fl.ID)
	if len(stored.Reschedules) != 2 || stored.Reschedules[1].DepartWas != newDepart || stored.Reschedules[1].ArriveWas != newArrive ||
		!stored.ArriveAt.IsZero() || stored.Reschedules[1].Reason != "crew rest" {
		t.Errorf("after the second move: %+v", stored)
	}
}

// TestRescheduleFlightRefusals: each refusal is a *FieldError on its
// field with its reason, and leaves the flight as it was.
func TestRescheduleFlightRefusals(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	ahead := f.clock.Add(72 * time.Hour)
	for _, tc := range []struct {
		name           string
		depart, arrive time.Time
		reason         string
		field, why     string
	}{
		{"no reason", ahead, time.Time{}, "  ", "reason", "missing"},
		{"no departure", time.Time{}, time.Time{}, "delayed", "depart_at", "missing"},
		{"a departure now", f.clock, time.Time{}, "delayed", "depart_at", "2025-10-14 09:00 UTC has passed: a flight moves to a time still to come"},
		{"a departure past", f.clock.Add(-time.Hour), time.Time{}, "delayed", "depart_at", "2025-10-14 08:00 UTC has passed: a flight moves to a time still to come"},
		{"an arrival before the departure", ahead, ahead.Add(-time.Hour), "delayed", "arrive_at", "before departure"},
		{"the same time", fl.DepartAt, time.Time{}, "delayed", "depart_at", "the flight is already due at these times"},
	} {
		_, err := f.svc.RescheduleFlight(f.ctx, f.officer, fl.ID, tc.depart, tc.arrive, tc.reason)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != tc.why {
			t.Errorf("%s: %v, want %s: %s", tc.name, err, tc.field, tc.why)
		}
	}
	if _, err := f.svc.RescheduleFlight(f.ctx, f.worker, fl.ID, ahead, time.Time{}, "delayed"); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a support worker reschedules: %v", err)
	}
	f.clock = fl.DepartAt
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, fl.DepartAt); err != nil { // on time
		t.Fatal(err)
	}
	for _, status := range []string{"departed", "arrived"} {
		if status == "arrived" {
			if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
				t.Fatal(err)
			}
		}
		_, err := f.svc.RescheduleFlight(f.ctx, f.officer, fl.ID, ahead, time.Time{}, "delayed")
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "flight" || fe.Reason != "the flight is "+status+": only a planned flight moves to a new time" {
			t.Errorf("the %s flight: %v", status, err)
		}
	}
	stored, _ := f.st.GetFlight(f.ctx, fl.ID)
	if !stored.DepartAt.Equal(fl.DepartAt) || len(stored.Reschedules) != 0 {
		t.Errorf("after the refusals the flight departs %v with changes %+v", stored.DepartAt, stored.Reschedules)
	}
	evs, _ := f.st.CaseEvents(f.ctx, cases[0].ID)
	if slices.ContainsFunc(evs, func(e *store.CaseEvent) bool { return e.Kind == FlightRescheduled }) {
		t.Error("a refused reschedule wrote on the passenger's timeline")
	}
}
