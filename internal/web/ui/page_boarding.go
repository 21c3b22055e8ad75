package ui

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// boarderRow is a person a flight could take, as the add-passengers form
// lists them: with a box to tick when they may board, with why not
// otherwise.
type boarderRow struct {
	PersonID, CaseID, Name, Latin, Ref, DOB, Document, State string
	Roles                                                    []string
	Ticked                                                   bool
	Why                                                      *message // why they cannot board; nil when they may
}

func boarderRowOf(b casework.Boarder) boarderRow {
	name, latin := personLabel(b.Person)
	return boarderRow{PersonID: b.Person.ID, CaseID: b.Case.ID, Name: name, Latin: latin, Ref: personRef(b.Person),
		DOB: b.Person.DOB, Document: travelDoc(b.Person), State: b.Case.State, Roles: b.Roles, Why: boardingMessage(b.Refusal)}
}

// sortKey orders the list as the officer reads it: by the name in Latin
// letters (the passport's), else the name.
func (b boarderRow) sortKey() string {
	if b.Latin != "" {
		return strings.ToLower(b.Latin)
	}
	return strings.ToLower(b.Name)
}

// boarders fills d.Ready and d.Held from casework.Boarders: those ready
// to board, the ticked ones first (from ?person= or the form sent back),
// then by name; and those who may not board yet, with the reason.
func (s *Server) boarders(r *http.Request, c *reqCtx, d *manifestData) error {
	bs, err := s.cw.Boarders(r.Context(), c.principal(), d.M.Flight.ID)
	if err != nil {
		return err
	}
	for _, b := range bs {
		row := boarderRowOf(b)
		if row.Why != nil {
			d.Held = append(d.Held, row)
			continue
		}
		row.Ticked = slices.Contains(d.Add.Persons, row.PersonID)
		d.Ready = append(d.Ready, row)
	}
	byName := func(a, b boarderRow) int { return strings.Compare(a.sortKey(), b.sortKey()) }
	slices.SortStableFunc(d.Held, byName)
	slices.SortStableFunc(d.Ready, func(a, b boarderRow) int {
		if a.Ticked != b.Ticked {
			if a.Ticked {
				return -1
			}
			return 1
		}
		return byName(a, b)
	})
	return nil
}

// maxBoarders is the most persons one submit of the form adds.
const maxBoarders = 500

// tickedPersons are the person IDs the form sends: the boxes ticked, or
// every person listed when the "add all" button was pressed; trimmed,
// each once, in the order sent.
func tickedPersons(v url.Values) []string {
	ids := v["person"]
	if v.Get("all") == "yes" {
		ids = v["listed"]
	}
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// refusalMessage says in the page's words why AddPassengers refused one
// passenger.
func refusalMessage(err error) *message {
	var fe *casework.FieldError
	var m message
	switch {
	case errors.Is(err, store.ErrNotFound):
		m = msg("repat.man.err.person")
	case errors.As(err, &fe) && fe.Field == "person":
		m = msg("repat.man.err.aboard")
	default:
		return boardingMessage(err)
	}
	return &m
}

// addPassenger puts the ticked persons' open cases on the flight, in one
// change: all of them, or, when any may not board, none, and the page
// names each one refused and why, with the others still ticked to send
// again.
func (s *Server) addPassenger(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if !casework.MayChangeCases(c.principal()) {
		return trust.ErrForbidden // before anything of the persons sent is looked up
	}
	id := r.PathValue("id")
	f := readPassengerForm(r.PostForm)
	f.Persons = tickedPersons(r.PostForm)
	switch {
	case len(f.Persons) == 0:
		f.fail("person", "repat.man.err.none_ticked")
	case len(f.Persons) > maxBoarders:
		f.fail("person", "repat.man.err.too_many", maxBoarders)
	case len(f.Persons) > 1 && f.Seat != "":
		f.fail("seat", "repat.man.err.seat_one")
	}
	if !slices.Contains(casework.LegalStatuses, f.Legal) {
		f.fail("legal_status", "repat.err.choose")
	}
	if f.Fit != "" && !slices.Contains(casework.FitToFly, f.Fit) {
		f.fail("fit_to_fly", "repat.err.choose")
	}
	var refused []boarderRow
	var problem *message
	if f.Errors == nil {
		var ins []*casework.PassengerInput
		personOf := map[string]string{} // case ID -> person ID
		for _, pid := range f.Persons {
			bc, err := s.cw.BoardingCase(r.Context(), c.principal(), pid)
			if why := noBoardingCase(err, "repat.man.err.person"); why != nil {
				refused = append(refused, boarderRow{PersonID: pid, Why: why})
				continue
			}
			if err != nil {
				return err
			}
			ins = append(ins, f.input(id, bc.ID))
			personOf[bc.ID] = pid
		}
		if refused == nil {
			n, err := s.addPassengers(r, c, id, f, ins, personOf)
			switch {
			case err != nil:
				return err
			case n.problem != nil:
				problem = n.problem
			case n.refused != nil:
				refused = n.refused
			case f.Errors == nil:
				loc := "/flights/" + id + "?done=added"
				if len(ins) > 1 {
					loc += "&n=" + strconv.Itoa(len(ins))
				}
				http.Redirect(w, r, loc, http.StatusSeeOther)
				return nil
			}
		}
	}
	// Those refused are unticked: the others can be sent again as they are.
	f.Persons = slices.DeleteFunc(f.Persons, func(pid string) bool {
		return slices.ContainsFunc(refused, func(b boarderRow) bool { return b.PersonID == pid })
	})
	d, err := s.manifestData(r, c, id, f)
	if err != nil {
		return err
	}
	d.Problem = problem
	listed := slices.Concat(d.Ready, d.Held)
	for i, b := range refused {
		if j := slices.IndexFunc(listed, func(x boarderRow) bool { return x.PersonID == b.PersonID }); j >= 0 {
			refused[i] = listed[j]
		} else {
			refused[i].Name = b.PersonID
		}
		refused[i].Why = b.Why
	}
	d.Refused = refused
	return s.render(w, r, c, http.StatusUnprocessableEntity, "flight", "flights", msg("repat.man.title", d.M.Flight.Number), d)
}

// batchAnswer is what AddPassengers said of a batch: a refusal of the
// flight, or of some passengers, by person; a field refused is on the form.
type batchAnswer struct {
	problem *message
	refused []boarderRow
}

// addPassengers sends the batch to the service and sorts its answer.
func (s *Server) addPassengers(r *http.Request, c *reqCtx, flightID string, f *passengerForm, ins []*casework.PassengerInput, personOf map[string]string) (batchAnswer, error) {
	_, err := s.cw.AddPassengers(r.Context(), c.principal(), flightID, ins)
	var a batchAnswer
	var de *casework.DepartedError
	var re *casework.RefusedError
	switch {
	case errors.As(err, &de):
		m := msg("repat.man.err.departed", de.Number, formatDateTime(de.DepartAt))
		a.problem = &m
	case errors.As(err, &re):
		for _, x := range re.Refused {
			var fe *casework.FieldError
			if errors.As(x.Err, &fe) && passengerField(fe.Field) != "person" {
				if len(f.Errors[fe.Field]) == 0 {
					f.fail(fe.Field, "repat.err.service", fe.Reason)
				}
				continue
			}
			a.refused = append(a.refused, boarderRow{PersonID: personOf[x.CaseID], Why: refusalMessage(x.Err)})
		}
	case fieldError(err) != nil:
		m := msg("repat.err.service", fieldError(err).Reason)
		a.problem = &m
	case err != nil:
		return a, err
	}
	return a, nil
}
