package ui

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// triageData is the consular workspace's start: the intakes waiting for
// triage and the duties past their date.
type triageData struct {
	Queue   []queueRow
	Overdue []overdueRow
	Q       string // the person search box
}

type queueRow struct {
	In     *store.Intake
	Waited message
}

type overdueRow struct {
	D    *store.Deadline
	Case *store.Case
	By   message
}

// waited writes a duration in days and hours, or hours and minutes.
func waited(d time.Duration) message {
	if d < 0 {
		d = 0
	}
	if d >= 24*time.Hour {
		return msg("people.dur.days", int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour))
	}
	return msg("people.dur.hours", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// triagePage lists the triage queue (danger now first, then the longest
// waiting, as the service orders it) and the overdue deadlines.
func (s *Server) triagePage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	q, err := s.cw.TriageQueue(r.Context(), c.principal())
	if err != nil {
		return err
	}
	od, err := s.cw.OverdueDeadlines(r.Context(), c.principal())
	if err != nil {
		return err
	}
	d := &triageData{}
	for _, it := range q {
		d.Queue = append(d.Queue, queueRow{In: it.Intake, Waited: waited(it.Waited)})
	}
	for _, o := range od {
		d.Overdue = append(d.Overdue, overdueRow{D: o.Deadline, Case: o.Case, By: waited(o.By)})
	}
	return s.render(w, r, c, http.StatusOK, "triage", "triage", msg("people.triage.title"), d)
}

// intakeData is one intake's page, with the triage form.
type intakeData struct {
	In         *store.Intake
	CanTriage  bool
	Candidates []candidate // persons it may be, found by name, document and selector
	States     []casework.State
	TLPs       []string
	Form       triageForm
	Refused    *refusal
}

// triageForm is the triage form as sent.
type triageForm struct {
	Person   string // "" or "new": create the person
	OpenCase bool
	State    string
	TLP      string
	Note     string
}

// triageTLPs are the labels a person created at triage may get, the most
// careful first (the default).
var triageTLPs = []string{store.TLPAmberStrict, store.TLPAmber, store.TLPRed}

const candidatesShown = 10

// candidate is a person the intake may be about, with the case of theirs
// still open (the latest, nil when none): a report matched to someone
// already in process does not open a second case unless the officer ticks
// the box.
type candidate struct {
	*store.Person
	Open *store.Case
}

// openCase is the latest of a person's cases that p may read and that is
// not closed, or nil.
func (s *Server) openCase(r *http.Request, c *reqCtx, personID string) (*store.Case, error) {
	cs, err := s.cw.ListCases(r.Context(), c.principal(), store.CaseFilter{PersonID: personID})
	if err != nil {
		return nil, err
	}
	for i := len(cs) - 1; i >= 0; i-- {
		if casework.State(cs[i].State) != casework.Closed {
			return cs[i], nil
		}
	}
	return nil, nil
}

func (s *Server) intakeData(r *http.Request, c *reqCtx, id string) (*intakeData, error) {
	if _, err := ulid.ParseStrict(id); err != nil {
		return nil, errNotFound
	}
	in, err := s.cw.GetIntake(r.Context(), c.principal(), id)
	if err != nil {
		return nil, err
	}
	d := &intakeData{In: in, CanTriage: in.TriagedAt.IsZero() && casework.MayChangeCases(c.principal()),
		States: casework.OpeningStates(), TLPs: triageTLPs,
		Form: triageForm{Person: "new", OpenCase: true, State: string(casework.Reported), TLP: store.TLPAmberStrict}}
	if !d.CanTriage {
		return d, nil
	}
	// Who this may be: the names, the passport number and the selectors
	// the intake gives, each looked up as the person search does.
	var queries []string
	for _, q := range []string{in.Subject.Name, in.Subject.NameLatin, in.Subject.PassportNumber} {
		if q != "" {
			queries = append(queries, q)
		}
	}
	for _, sel := range in.Selectors {
		queries = append(queries, sel.Value)
	}
	for _, q := range queries {
		ps, err := s.cw.FindPersons(r.Context(), c.principal(), q, candidatesShown)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if len(d.Candidates) < candidatesShown && !slices.ContainsFunc(d.Candidates, func(x candidate) bool { return x.ID == p.ID }) {
				open, err := s.openCase(r, c, p.ID)
				if err != nil {
					return nil, err
				}
				d.Candidates = append(d.Candidates, candidate{Person: p, Open: open})
			}
		}
	}
	// ?person=ID chooses a candidate; the box to open a case is then
	// unticked where that person's case is still open.
	if want := r.URL.Query().Get("person"); want != "" {
		if i := slices.IndexFunc(d.Candidates, func(x candidate) bool { return x.ID == want }); i >= 0 {
			d.Form.Person, d.Form.OpenCase = want, d.Candidates[i].Open == nil
		}
	}
	return d, nil
}

func (s *Server) intakePage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.intakeData(r, c, r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, r, c, http.StatusOK, "intake", "triage", msg("people.intake.title"), d)
}

// intakeTriage links an intake to a new or known person and may open a
// case; then the case (or the person) opens.
func (s *Server) intakeTriage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	f := triageForm{Person: r.PostFormValue("person"), OpenCase: r.PostFormValue("open_case") == "yes",
		State: r.PostFormValue("state"), TLP: r.PostFormValue("tlp"), Note: strings.TrimSpace(r.PostFormValue("note"))}
	in := &casework.TriageInput{TLP: f.TLP, OpenCase: f.OpenCase, State: casework.State(f.State), Note: f.Note}
	if f.Person != "new" {
		in.PersonID = f.Person
	}
	t, err := s.cw.TriageIntake(r.Context(), c.principal(), id, in)
	if err != nil {
		ref, code, err := caseworkRefusal(err, c.lang)
		if err != nil {
			return err
		}
		d, err := s.intakeData(r, c, id)
		if err != nil {
			return err
		}
		d.Form, d.Refused = f, ref
		return s.render(w, r, c, code, "intake", "triage", msg("people.intake.title"), d)
	}
	if t.Case != nil {
		http.Redirect(w, r, "/cases/"+t.Case.ID, http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/persons/"+t.Person.ID, http.StatusSeeOther)
	return nil
}
