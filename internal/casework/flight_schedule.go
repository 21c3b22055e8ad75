package casework

import (
	"context"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// FlightRescheduled is the kind of the event a rescheduled flight adds to
// the timeline of each passenger's case.
const FlightRescheduled = "flight_rescheduled"

// flightClock is how the service writes a flight's times in its words.
const flightClock = "2006-01-02 15:04 UTC"

// RescheduleFlight moves a planned flight to a new departure time, and
// arrival time (zero: none known), for a reason such as "delayed by the
// airline". The passengers stay on it; with its departure ahead again it
// takes passengers again. The change is kept in the flight's
// Reschedules, audited as an update of the flight, and added to the
// timeline of each passenger's case. Refused, as a *FieldError: a flight
// that is not planned (departed, arrived, cancelled), a departure time
// not ahead of the service's clock, an arrival before the departure, an
// empty reason, or times that are the flight's already.
func (s *Service) RescheduleFlight(ctx context.Context, p trust.Principal, flightID string, departAt, arriveAt time.Time, reason string) (*store.Flight, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	reason, err := checkText("reason", reason, maxText, true)
	if err != nil {
		return nil, err
	}
	now := s.now()
	departAt, arriveAt = departAt.UTC().Truncate(time.Microsecond), arriveAt.UTC().Truncate(time.Microsecond)
	switch {
	case departAt.IsZero():
		return nil, fieldErr("depart_at", "missing")
	case !departAt.After(now):
		return nil, fieldErr("depart_at", "%s has passed: a flight moves to a time still to come", departAt.Format(flightClock))
	case !arriveAt.IsZero() && arriveAt.Before(departAt):
		return nil, fieldErr("arrive_at", "before departure")
	}
	var out *store.Flight
	err = s.update(ctx, p, "update", "flight", flightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, flightID)
		if err != nil {
			return err
		}
		if f.Status != "planned" {
			return fieldErr("flight", "the flight is %s: only a planned flight moves to a new time", f.Status)
		}
		if f.DepartAt.Equal(departAt) && f.ArriveAt.Equal(arriveAt) {
			return fieldErr("depart_at", "the flight is already due at these times")
		}
		change := store.FlightReschedule{At: now, By: p.UserID, Org: p.Org, DepartWas: f.DepartAt, DepartAt: departAt,
			ArriveWas: f.ArriveAt, ArriveAt: arriveAt, Reason: reason}
		f.DepartAt, f.ArriveAt = departAt, arriveAt
		f.Reschedules = append(f.Reschedules, change)
		rows, err := w.ListPassengers(ctx, flightID)
		if err != nil {
			return err
		}
		note := "flight " + f.Number + " moved from " + change.DepartWas.Format(flightClock) + " to " + departAt.Format(flightClock) + ": " + reason
		for _, r := range rows {
			if r.CaseID == "" {
				continue
			}
			ev := &store.CaseEvent{CaseID: r.CaseID, At: now, By: p.UserID, Org: p.Org, Kind: FlightRescheduled, Note: note}
			if err := w.AddCaseEvent(ctx, ev); err != nil {
				return err
			}
		}
		out = f
		return w.PutFlight(ctx, f)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
