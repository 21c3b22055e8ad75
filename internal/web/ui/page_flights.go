package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// flightsData is the list of repatriation flights, with the form to plan
// one for those who may.
type flightsData struct {
	Flights []*store.Flight
	Form    *flightForm // nil: the member may not plan flights
	TLPs    []string
	Person  string // ?person=: the flights that take passengers link to their add-passenger form for this person
	Name    string // the person's name
	// NoBoard says why the person named by ?person= cannot go on any
	// flight now (AddPassenger would refuse them): then no flight links
	// to its form for them.
	NoBoard *message
	// Boarding are the flights that take passengers
	// (casework.TakesPassengers), by ID.
	Boarding map[string]bool
}

func (s *Server) flightsData(r *http.Request, c *reqCtx, f *flightForm) (*flightsData, error) {
	fs, err := s.cw.Flights(r.Context(), c.principal())
	if err != nil {
		return nil, err
	}
	d := &flightsData{Flights: fs, TLPs: casework.TLPs, Boarding: map[string]bool{}}
	for _, f := range fs {
		d.Boarding[f.ID] = s.cw.TakesPassengers(f)
	}
	if c.principal().Can(auth.ActionWriteCase) {
		d.Form = f
	}
	return d, nil
}

// flightsPage lists the flights the member may read, by departure.
func (s *Server) flightsPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.flightsData(r, c, newFlightForm())
	if err != nil {
		return err
	}
	if id := strings.TrimSpace(r.URL.Query().Get("person")); id != "" && d.Form != nil {
		if p, err := s.cw.GetPerson(r.Context(), c.principal(), id); err == nil {
			d.Name = personName(p)
			if d.NoBoard, err = s.boardingWhy(r, c, p); err != nil {
				return err
			}
			if d.NoBoard == nil {
				d.Person = p.ID
			}
		}
	}
	return s.render(w, r, c, http.StatusOK, "flights", "flights", msg("repat.fl.title"), d)
}

// boardingWhy says why no flight would take person now, as AddPassenger
// would refuse them (no case that may board, no travel document, a case
// not yet screened or documented), in the page's words; nil when nothing
// about them stands in the way.
func (s *Server) boardingWhy(r *http.Request, c *reqCtx, person *store.Person) (*message, error) {
	bc, err := s.cw.BoardingCase(r.Context(), c.principal(), person.ID)
	if m := noBoardingCase(err, "repat.fl.err.no_case_yet"); m != nil {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	return boardingMessage(casework.BoardingRefusal(bc, person)), nil
}

// noBoardingCase says in the page's words why BoardingCase found no case
// (err): noCase for a person with none at all. Nil for any other err.
func noBoardingCase(err error, noCase string) *message {
	var m message
	switch {
	case errors.Is(err, casework.ErrNoCase):
		m = msg(noCase)
	case errors.Is(err, casework.ErrNoBoardingCase):
		m = msg("repat.man.err.no_case")
	default:
		return nil
	}
	return &m
}

// boardingMessage is casework.BoardingRefusal's answer in the page's
// words, or nil.
func boardingMessage(err error) *message {
	var fe *casework.FieldError
	var te *casework.TransitionError
	var m message
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fe) && fe.Field == "document":
		m = msg("repat.man.err.no_document")
	case errors.As(err, &te):
		if key, _, ok := reasonKey(te); ok {
			m = msg(key)
		} else {
			m = msg("repat.err.service", te.Reason)
		}
	default:
		m = msg("repat.err.service", err.Error())
	}
	return &m
}

// createFlight plans a flight and opens its manifest.
func (s *Server) createFlight(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := readFlightForm(r.PostForm)
	in := f.input()
	if !in.DepartAt.IsZero() && !in.DepartAt.After(now()) {
		f.fail("depart_at", "repat.rs.err.past")
	}
	if f.Errors == nil {
		fl, err := s.cw.CreateFlight(r.Context(), c.principal(), in)
		if fe := fieldError(err); fe != nil {
			field := fe.Field
			if !slices.Contains([]string{"number", "carrier", "from", "to", "depart_at", "arrive_at", "tlp", "note"}, field) {
				field = "form"
			}
			f.fail(field, "repat.err.service", fe.Reason)
		} else if err != nil {
			return err
		} else {
			http.Redirect(w, r, "/flights/"+fl.ID, http.StatusSeeOther)
			return nil
		}
	}
	d, err := s.flightsData(r, c, f)
	if err != nil {
		return err
	}
	return s.render(w, r, c, http.StatusUnprocessableEntity, "flights", "flights", msg("repat.fl.title"), d)
}
