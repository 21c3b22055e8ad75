package ui

import (
	"net/http"
	"slices"
	"strings"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// caseData is one case's page: the file, the moves it may make next and
// what the last form sent, with the service's refusal if there was one.
type caseData struct {
	F         *casework.CaseFile
	Name      string // the person's primary name
	CanChange bool
	Moves     []caseMove
	Movable   bool            // a move other than by a flight, not held, is next: the form
	Closed    bool            // the case is closed: no action is recorded on it
	Flight    bool            // a move that follows a flight is next: link to the flights
	Planned   []*store.Flight // when on_manifest is next: the flights that take passengers
	NoBoard   *message        // when on_manifest is next: why no flight takes the person yet
	OnFlight  string          // the flight the case is on (on its manifest, or departed): the flight entry leads there
	// NoFlight says why no flight would take the person now (see
	// boardingWhy), for a member who may change cases: the footer says
	// so instead of linking to the flights; only that they cannot board
	// when the flight entry says why (NoBoard).
	NoFlight *message
	Overdue  map[string]bool
	Actions  []string
	Roles    []string
	HandOver []string
	Form     moveForm
	Refused  *refusal
	Done     string // the state just entered, or the action just recorded
	DoneKey  string // the message family that names Done
}

// caseMove is a state the case may go to next, and what the move needs.
type caseMove struct {
	To   string
	Need string // "": a note; "document": a travel document; "handover": to whom; "flight": the flight pages; "held": see Why
	// A move the service still refuses (casework.CaseFile.Held) is not
	// offered; Why is the key of the reason in the page's language, or
	// "" and Reason the service's own words.
	Why, Reason string
}

// moveForm is the move or action form as sent.
type moveForm struct {
	Kind                                                 string // move, action or role: the form sent
	To, Note, HandedTo, DocNumber, DocType, Action, Role string
}

func (s *Server) caseData(r *http.Request, c *reqCtx, id string) (*caseData, error) {
	if !casework.MayReadPersons(c.principal()) {
		return nil, errForbidden
	}
	if _, err := ulid.ParseStrict(id); err != nil {
		return nil, errNotFound
	}
	f, err := s.cw.GetCaseFile(r.Context(), c.principal(), id)
	if err != nil {
		return nil, err
	}
	d := &caseData{F: f, Name: personName(f.Person), CanChange: casework.MayChangeCases(c.principal()),
		Closed: casework.State(f.Case.State) == casework.Closed, Overdue: f.Overdue, Actions: casework.CaseActions, Roles: casework.Roles, HandOver: casework.HandOverTo}
	if d.CanChange {
		if d.NoFlight, err = s.boardingWhy(r, c, f.Person); err != nil {
			return nil, err
		}
	}
	onFlight := casework.State(f.Case.State) == casework.OnManifest // off the flight only through its manifest
	if st := casework.State(f.Case.State); st == casework.OnManifest || st == casework.Departed {
		for _, p := range f.Passengers {
			if p.CaseID == f.Case.ID {
				d.OnFlight = p.FlightID
			}
		}
	}
	for _, st := range f.Next {
		m := caseMove{To: string(st)}
		switch {
		case onFlight || st == casework.OnManifest || st == casework.Departed || st == casework.Arrived:
			m.Need = "flight"
			d.Flight = true
		case f.Held[st] != nil:
			m.Need, m.Reason = "held", f.Held[st].Reason
			if key, _, ok := reasonKey(f.Held[st]); ok {
				m.Why = key
			}
		case st == casework.DocumentIssued:
			m.Need = "document"
		case st == casework.HandedOver:
			m.Need = "handover"
		}
		d.Movable = d.Movable || m.Need != "flight" && m.Need != "held"
		d.Moves = append(d.Moves, m)
		if st == casework.OnManifest && d.CanChange {
			if d.NoBoard = boardingMessage(casework.BoardingRefusal(f.Case, f.Person)); d.NoBoard != nil {
				continue
			}
			fs, err := s.cw.Flights(r.Context(), c.principal())
			if err != nil {
				return nil, err
			}
			for _, fl := range fs {
				if s.cw.TakesPassengers(fl) {
					d.Planned = append(d.Planned, fl)
				}
			}
		}
	}
	return d, nil
}

// casePage shows a case: its person, its state and the moves it may make,
// its timeline, its deadlines (overdue ones marked), the flights.
func (s *Server) casePage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.caseData(r, c, r.PathValue("id"))
	if err != nil {
		return err
	}
	switch done := r.URL.Query().Get("done"); {
	case isState(done):
		d.Done, d.DoneKey = done, "people.state."
	case oneOfStr(done, casework.CaseActions):
		d.Done, d.DoneKey = done, "people.action."
	case oneOfStr(done, casework.Roles):
		d.Done, d.DoneKey = done, "people.role."
	}
	return s.render(w, r, c, http.StatusOK, "case", "triage", msg("people.case.title"), d)
}

func isState(s string) bool { return slices.Contains(casework.States, casework.State(s)) }

// caseMove moves a case to another state through the service: a travel
// document goes through IssueTravelDocument, a hand-over through
// HandOver, anything else through Transition. A refused move comes back
// on the case's page with the service's reason and the note as typed.
func (s *Server) caseMove(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	f := moveForm{Kind: "move", To: r.PostFormValue("to"), Note: strings.TrimSpace(r.PostFormValue("note")),
		HandedTo: r.PostFormValue("handed_to"), DocNumber: strings.TrimSpace(r.PostFormValue("doc_number")),
		DocType: r.PostFormValue("doc_type")}
	if f.To == "" {
		d, err := s.caseData(r, c, id)
		if err != nil {
			return err
		}
		d.Form, d.Refused = f, &refusal{Heading: msg("people.refused.choose")}
		return s.render(w, r, c, http.StatusUnprocessableEntity, "case", "triage", msg("people.case.title"), d)
	}
	var err error
	switch casework.State(f.To) {
	case casework.DocumentIssued:
		_, err = s.cw.IssueTravelDocument(r.Context(), c.principal(), id, store.IdentityDocument{Type: f.DocType, Number: f.DocNumber}, f.Note)
	case casework.HandedOver:
		_, err = s.cw.HandOver(r.Context(), c.principal(), id, f.HandedTo, f.Note)
	default:
		_, err = s.cw.Transition(r.Context(), c.principal(), id, casework.State(f.To), f.Note)
	}
	if err != nil {
		return s.caseRefused(w, r, c, id, f, err)
	}
	http.Redirect(w, r, "/cases/"+id+"?done="+f.To, http.StatusSeeOther)
	return nil
}

// caseAction records a consular action (a visit, a notice to the family)
// on the case's timeline; a visit meets the first-visit deadline.
func (s *Server) caseAction(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	f := moveForm{Kind: "action", Action: r.PostFormValue("action"), Note: strings.TrimSpace(r.PostFormValue("note"))}
	if _, err := s.cw.RecordAction(r.Context(), c.principal(), id, f.Action, f.Note, now()); err != nil {
		return s.caseRefused(w, r, c, id, f, err)
	}
	http.Redirect(w, r, "/cases/"+id+"?done="+f.Action, http.StatusSeeOther)
	return nil
}

// caseRole gives the case's person a role in the case (possible victim,
// suspect, witness...); a person may hold several at once.
func (s *Server) caseRole(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	f := moveForm{Kind: "role", Role: r.PostFormValue("role"), Note: strings.TrimSpace(r.PostFormValue("note"))}
	cs, err := s.cw.GetCase(r.Context(), c.principal(), id)
	if err != nil {
		return err
	}
	if _, err := s.cw.AssignRole(r.Context(), c.principal(), &casework.RoleInput{PersonID: cs.PersonID, CaseID: id, Role: f.Role, Note: f.Note}); err != nil {
		return s.caseRefused(w, r, c, id, f, err)
	}
	http.Redirect(w, r, "/cases/"+id+"?done="+f.Role, http.StatusSeeOther)
	return nil
}

func (s *Server) caseRefused(w http.ResponseWriter, r *http.Request, c *reqCtx, id string, f moveForm, err error) error {
	ref, code, err := caseworkRefusal(err, c.lang)
	if err != nil {
		return err
	}
	d, err := s.caseData(r, c, id)
	if err != nil {
		return err
	}
	d.Form, d.Refused = f, ref
	return s.render(w, r, c, code, "case", "triage", msg("people.case.title"), d)
}
