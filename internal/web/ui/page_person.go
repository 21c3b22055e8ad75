package ui

import (
	"net/http"
	"strings"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// personsData is the person search.
type personsData struct {
	Q       string
	Persons []*store.Person
	Done    bool
	Limit   int
	// Readings: a phone number typed without its country code, as a
	// number of each country where it is one, each to find with a click
	// (persons are found by a number as written with its country code).
	Readings []selector.Selector
}

const personsShown = 50

// personsPage finds persons by a name in any script, a document number or
// a selector (casework.FindPersons).
func (s *Server) personsPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if !casework.MayReadPersons(c.principal()) {
		return errForbidden
	}
	d := &personsData{Q: strings.TrimSpace(r.URL.Query().Get("q")), Limit: personsShown}
	if len(d.Q) > maxMissingLine {
		d.Q = strings.ToValidUTF8(d.Q[:maxMissingLine], "")
	}
	if d.Q != "" {
		ps, err := s.cw.FindPersons(r.Context(), c.principal(), d.Q, personsShown)
		if err != nil {
			return err
		}
		d.Persons, d.Done = ps, true
		if _, err := selector.Parse(d.Q, selector.Options{}); err != nil {
			d.Readings = s.svc.NationalReadings(d.Q)
		}
	}
	return s.render(w, r, c, http.StatusOK, "persons", "triage", msg("people.persons.title"), d)
}

// personData is one person's page.
type personData struct {
	P         *store.Person
	Roles     []*store.PersonRole
	Cases     []*store.Case
	CanChange bool
	Statuses  []string
	Refused   *refusal
	Done      bool // a document's status was just recorded
	// States are the states a case may open in (for a member who may
	// open one); Open is the opening form as typed.
	States []casework.State
	Open   openCaseForm
	// NoFlight says why no flight would take the person now (see
	// boardingWhy), for a member who may put them on one: the page says
	// so instead of linking to the flights; nil when nothing stands in
	// the way. Name is the person's, for the sentence.
	NoFlight *message
	Name     string
	// Called is who the page is about, for its heading: the name as
	// recorded and its romanised (passport) form.
	Called personCalled
}

// personCalled is a person's name as recorded (in their own script when
// known) and its romanised form, the passport's Latin one, when that is
// another; both empty for a person recorded without a name.
type personCalled struct {
	Name, Latin string
}

// calledBy is the name a person's page is headed with, and its
// romanised form.
func calledBy(p *store.Person) personCalled {
	if len(p.Names) == 0 {
		return personCalled{}
	}
	c := personCalled{Name: personName(p)}
	for _, n := range p.Names {
		if n.Kind == "passport" && n.Text != c.Name {
			c.Latin = n.Text
			break
		}
	}
	return c
}

// personPage shows a person: names in every script, date of birth,
// documents and what became of them, selectors (into the intelligence
// graph), roles per case and cases.
func (s *Server) personPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.personData(r, c, r.PathValue("id"))
	if err != nil {
		return err
	}
	d.Done = r.URL.Query().Get("done") == "document"
	// The heading names the person (d.Called) but the title does not: a
	// title is kept in the browser's history and shown in the tab bar of
	// a screen shared in a meeting, where a trafficked person's name must
	// not travel; the title stays the bare "Person".
	return s.render(w, r, c, http.StatusOK, "person", "triage", msg("people.person.title"), d)
}

func (s *Server) personData(r *http.Request, c *reqCtx, id string) (*personData, error) {
	if !casework.MayReadPersons(c.principal()) {
		return nil, errForbidden
	}
	if _, err := ulid.ParseStrict(id); err != nil {
		return nil, errNotFound
	}
	p, err := s.cw.GetPerson(r.Context(), c.principal(), id)
	if err != nil {
		return nil, err
	}
	d := &personData{P: p, CanChange: casework.MayChangeCases(c.principal()), Statuses: casework.DocumentStatuses,
		States: casework.OpeningStates(), Open: openCaseForm{State: string(casework.Arrested)}, Called: calledBy(p)}
	if d.Roles, err = s.cw.PersonRoles(r.Context(), c.principal(), id); err != nil {
		return nil, err
	}
	if d.Cases, err = s.cw.ListCases(r.Context(), c.principal(), store.CaseFilter{PersonID: id}); err != nil {
		return nil, err
	}
	if c.principal().Can(auth.ActionWriteCase) {
		if d.NoFlight, err = s.boardingWhy(r, c, p); err != nil {
			return nil, err
		}
		d.Name = personName(p)
	}
	return d, nil
}

// personDocument records what became of one of a person's documents
// (held by captors, lost, seized...).
func (s *Server) personDocument(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	number, status, note := r.PostFormValue("number"), r.PostFormValue("status"), strings.TrimSpace(r.PostFormValue("note"))
	if _, err := s.cw.SetDocumentStatus(r.Context(), c.principal(), id, number, status, note); err != nil {
		return s.personRefused(w, r, c, id, err, nil)
	}
	http.Redirect(w, r, "/persons/"+id+"?done=document", http.StatusSeeOther)
	return nil
}

// openCaseForm is the form that opens a consular case for a person.
type openCaseForm struct {
	State, Location, Note string
}

// personOpenCase opens a consular case for a person already known (from
// a partner's list or an import, say) in the state the officer picks,
// and goes to the new case; a refusal comes back on the person's page
// with the form as typed.
func (s *Server) personOpenCase(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	f := openCaseForm{State: r.PostFormValue("state"), Location: strings.TrimSpace(r.PostFormValue("location")),
		Note: strings.TrimSpace(r.PostFormValue("note"))}
	cs, err := s.cw.OpenCase(r.Context(), c.principal(), &casework.CaseInput{PersonID: id,
		State: casework.State(f.State), Location: f.Location, Note: f.Note})
	if err != nil {
		return s.personRefused(w, r, c, id, err, func(d *personData) { d.Open = f })
	}
	http.Redirect(w, r, "/cases/"+cs.ID, http.StatusSeeOther)
	return nil
}

// personRefused shows the person's page again with the service's
// refusal (err) of a change posted from it; keep, when not nil, puts
// back what was typed. An err that is no refusal is returned.
func (s *Server) personRefused(w http.ResponseWriter, r *http.Request, c *reqCtx, id string, err error, keep func(*personData)) error {
	ref, code, err := caseworkRefusal(err, c.lang)
	if err != nil {
		return err
	}
	d, err := s.personData(r, c, id)
	if err != nil {
		return err
	}
	d.Refused = ref
	if keep != nil {
		keep(d)
	}
	return s.render(w, r, c, code, "person", "triage", msg("people.person.title"), d) // no name in the title: see personPage
}

// personName is the name a person is shown under: the primary one.
func personName(p *store.Person) string {
	for _, n := range p.Names {
		if n.Kind == "primary" {
			return n.Text
		}
	}
	if len(p.Names) > 0 {
		return p.Names[0].Text
	}
	return p.ID
}
