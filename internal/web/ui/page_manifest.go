package ui

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// manifestData is a flight's manifest page.
type manifestData struct {
	M       *casework.Manifest
	Rows    []manifestRow
	Counts  manifestCounts
	Add     *passengerForm
	Done    *message // what was done, after a change
	Problem *message // what the service refused, shown above the manifest
	Vocab   repVocab // the choices the forms offer
	Planned bool
	// Boarding: the flight takes passengers (casework.TakesPassengers),
	// so the add-passenger form shows; a planned flight past its
	// departure time says why it does not.
	Boarding bool
	Arrived  bool
	// NotFit: a passenger of the planned flight is not declared fit to
	// fly, so its departure is refused (casework.DepartureRefusal): the
	// page says so instead of offering to record it.
	NotFit bool
	// TooEarly says from when the departure of the planned flight may be
	// recorded (casework.DepartureOpensAt), while that time is to come.
	TooEarly *message
	// NoBoard says why the person named by ?person= may not board any
	// flight (then the form is not filled with them); Name is theirs.
	NoBoard *message
	Name    string
	// Ready are the persons the flight would take now
	// (casework.Boarders), each with a box to tick; Held are those it
	// would not yet, with why. Both only for a member who may add
	// passengers, on a flight that takes them.
	Ready, Held []boarderRow
	// Refused are the persons the form sent that may not board, with
	// why: nobody was added.
	Refused []boarderRow
	// Move is the form that moves the planned flight to new times, for
	// a member who may change it; nil otherwise.
	Move *rescheduleForm
	// MoveOpen: the move form shows unfolded, for a flight past its
	// departure time (the page's explanation links to it) or a move
	// refused field by field; folded under its heading otherwise.
	MoveOpen bool
	Write    bool // the member may change the flight: the forms show
	Dossier  bool // the member reads dossiers: each row links to one
}

// manifestRow is one passenger as the page shows them.
type manifestRow struct {
	P        *store.Passenger
	PersonID string
	Name     string // in the person's own script
	Latin    string // as in the passport
	Ref      string
	DOB      string
	Document string
	Withheld bool // the member may not read the person: the row counts, nothing of the person shows
}

// manifestCounts are the counts of the rows shown, each vocabulary in its
// order, computed from the rows (casework.CountManifest).
type manifestCounts struct {
	Total   int
	Legal   []count
	Fit     []count
	Outcome []count
}

func countsOf(mc casework.ManifestCounts) manifestCounts {
	pick := func(m map[string]int, order []string) []count {
		var out []count
		for _, k := range order {
			if m[k] > 0 {
				out = append(out, count{k, m[k]})
			}
		}
		return out
	}
	return manifestCounts{Total: mc.Total, Legal: pick(mc.ByLegalStatus, casework.LegalStatuses),
		Fit: pick(mc.ByFitToFly, casework.FitToFly), Outcome: pick(mc.ByOutcome, casework.ArrivalOutcomes)}
}

// repVocab are the vocabularies of the repatriation forms.
type repVocab struct {
	Legal    []string
	Fit      []string
	Outcomes []string
}

var manifestVocab = repVocab{Legal: casework.LegalStatuses, Fit: casework.FitToFly, Outcomes: casework.ArrivalOutcomes}

// passengerForm is the add-passengers form as sent: the persons ticked
// and what goes on each one's row.
type passengerForm struct {
	Persons                                   []string
	Seat, Legal, Fit, FitNote, Escort, Agency string
	Errors                                    map[string][]message
}

func readPassengerForm(v url.Values) *passengerForm {
	tr := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return &passengerForm{Seat: tr("seat"), Legal: tr("legal_status"), Fit: tr("fit_to_fly"),
		FitNote: tr("fit_note"), Escort: tr("escort"), Agency: tr("receiving_agency")}
}

func (f *passengerForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	f.Errors[field] = append(f.Errors[field], msg(key, args...))
}

func (f *passengerForm) input(flightID, caseID string) *casework.PassengerInput {
	return &casework.PassengerInput{FlightID: flightID, CaseID: caseID, Seat: f.Seat, LegalStatus: f.Legal, FitToFly: f.Fit,
		FitNote: f.FitNote, Escort: f.Escort, ReceivingAgency: f.Agency}
}

// personLabel is how a person is named on the pages.
func personLabel(p *store.Person) (name, latin string) {
	for _, n := range p.Names {
		switch {
		case n.Kind == "primary" && name == "":
			name = n.Text
		case (n.Kind == "passport" || n.Script == "Latn") && latin == "":
			latin = n.Text
		}
	}
	if name == "" && len(p.Names) > 0 {
		name = p.Names[0].Text
	}
	if latin == name {
		latin = ""
	}
	return name, latin
}

func personRef(p *store.Person) string {
	if p.ExternalRef != "" {
		return p.ExternalRef
	}
	return p.ID
}

// travelDoc is the document a passenger travels on, as text.
func travelDoc(p *store.Person) string {
	var best store.IdentityDocument
	for _, d := range p.Documents {
		if d.Status == "held" && (best.Number == "" || d.Type != "passport" || best.Type == "passport") {
			best = d
		}
	}
	if best.Number == "" {
		return ""
	}
	return best.Number
}

func (s *Server) manifestData(r *http.Request, c *reqCtx, id string, add *passengerForm) (*manifestData, error) {
	m, err := s.cw.GetManifest(r.Context(), c.principal(), id)
	if err != nil {
		return nil, err
	}
	d := &manifestData{M: m, Counts: countsOf(m.Counts), Add: add, Vocab: manifestVocab,
		Planned: m.Flight.Status == "planned", Boarding: s.cw.TakesPassengers(m.Flight), Arrived: m.Flight.Status == "arrived", Write: c.principal().Can(auth.ActionWriteCase),
		Dossier: c.principal().Can(auth.ActionReadScreening) && c.principal().Can(auth.ActionReadChargeEvidence)}
	rows := make([]*store.Passenger, len(m.Rows))
	for i, row := range m.Rows {
		rows[i] = row.Passenger
	}
	d.NotFit = d.Planned && casework.DepartureRefusal(rows) != nil
	if opens := casework.DepartureOpensAt(m.Flight); d.Planned && now().Before(opens) {
		m := msg("repat.man.too_early", opens.UTC().Format("2006-01-02 15:04 UTC"), int(casework.EarlyDeparture/time.Hour))
		d.TooEarly = &m
	}
	if d.Planned && d.Write {
		d.Move = rescheduleFormOf(m.Flight)
		d.MoveOpen = !d.Boarding
	}
	for _, row := range m.Rows {
		name, latin := personLabel(row.Person)
		d.Rows = append(d.Rows, manifestRow{P: row.Passenger, PersonID: row.Person.ID, Name: name, Latin: latin, Ref: personRef(row.Person),
			DOB: row.Person.DOB, Document: travelDoc(row.Person), Withheld: row.Withheld})
	}
	if d.Boarding && d.Write {
		if err := s.boarders(r, c, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

var manifestDone = map[string]string{"added": "repat.man.added", "saved": "repat.man.saved", "removed": "repat.man.removed", "departed": "repat.man.done_departed", "arrived": "repat.man.done_arrived",
	"rescheduled": "repat.man.done_rescheduled"}

// flightPage shows a flight's manifest: passengers, counts, the forms.
func (s *Server) flightPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	q := r.URL.Query()
	add := &passengerForm{Fit: "pending"}
	person := strings.TrimSpace(q.Get("person"))
	if person != "" {
		add.Persons = []string{person} // ticked when they may board
	}
	d, err := s.manifestData(r, c, r.PathValue("id"), add)
	if err != nil {
		return err
	}
	if key := manifestDone[q.Get("done")]; key != "" {
		m := msg(key)
		if n, _ := strconv.Atoi(q.Get("n")); q.Get("done") == "added" && n > 1 {
			m = msg("repat.man.added_n", n)
		}
		d.Done = &m
	}
	if d.Boarding && d.Write && person != "" {
		if p, err := s.cw.GetPerson(r.Context(), c.principal(), person); err == nil {
			if d.NoBoard, err = s.boardingWhy(r, c, p); err != nil {
				return err
			}
			if d.NoBoard != nil {
				d.Name = personName(p)
			}
		}
	}
	return s.render(w, r, c, http.StatusOK, "flight", "flights", msg("repat.man.title", d.M.Flight.Number), d)
}

// manifestCSV downloads the manifest as CSV.
func (s *Server) manifestCSV(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	var b bytes.Buffer
	id := r.PathValue("id")
	if err := s.cw.WriteManifestCSV(r.Context(), c.principal(), id, &b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="manifest-`+id+`.csv"`)
	_, err := w.Write(b.Bytes())
	return err
}

func passengerField(f string) string {
	switch f {
	case "seat", "legal_status", "fit_to_fly", "fit_note", "escort", "receiving_agency":
		return f
	}
	return "person"
}

// fieldError is the casework service's refusal of a change, if err is
// one, as a refused field: a field it refused, a change of a case's state
// it refused (field "state"), or a change that lost a race with another
// officer's (no field). The pages show the reason beside the form.
func fieldError(err error) *casework.FieldError {
	var fe *casework.FieldError
	var te *casework.TransitionError
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.As(err, &te):
		return &casework.FieldError{Field: "state", Reason: te.Error()}
	case errors.Is(err, casework.ErrConflict):
		return &casework.FieldError{Reason: err.Error()}
	}
	return nil
}

// manifestChange runs a change of the flight and comes back to the
// manifest; a refusal of the service is shown on it.
func (s *Server) manifestChange(w http.ResponseWriter, r *http.Request, c *reqCtx, done string, fn func() error) error {
	id := r.PathValue("id")
	err := fn()
	if fe := fieldError(err); fe != nil {
		d, err := s.manifestData(r, c, id, &passengerForm{Fit: "pending"})
		if err != nil {
			return err
		}
		p := msg("repat.err.service", fe.Reason)
		d.Problem = &p
		return s.render(w, r, c, http.StatusUnprocessableEntity, "flight", "flights", msg("repat.man.title", d.M.Flight.Number), d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/flights/"+id+"?done="+done, http.StatusSeeOther)
	return nil
}

// updatePassenger changes a passenger's row (fitness to fly, escort...).
func (s *Server) updatePassenger(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := readPassengerForm(r.PostForm)
	return s.manifestChange(w, r, c, "saved", func() error {
		_, err := s.cw.UpdatePassenger(r.Context(), c.principal(), r.PathValue("person"), f.input(r.PathValue("id"), ""))
		return err
	})
}

// removePassenger takes a person off a planned flight; their case goes
// back to where it was.
func (s *Server) removePassenger(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.manifestChange(w, r, c, "removed", func() error {
		return s.cw.RemovePassenger(r.Context(), c.principal(), r.PathValue("id"), r.PathValue("person"), strings.TrimSpace(r.PostFormValue("note")))
	})
}

// passengerOutcome records what became of a passenger on arrival.
func (s *Server) passengerOutcome(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.manifestChange(w, r, c, "saved", func() error {
		_, err := s.cw.SetArrivalOutcome(r.Context(), c.principal(), r.PathValue("id"), r.PathValue("person"),
			r.PostFormValue("outcome"), strings.TrimSpace(r.PostFormValue("note")))
		return err
	})
}

// flightDeparted and flightArrived record the flight's movements.
func (s *Server) flightDeparted(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.manifestChange(w, r, c, "departed", func() error {
		return s.cw.FlightDeparted(r.Context(), c.principal(), r.PathValue("id"), now())
	})
}

func (s *Server) flightArrived(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.manifestChange(w, r, c, "arrived", func() error {
		return s.cw.FlightArrived(r.Context(), c.principal(), r.PathValue("id"), now())
	})
}

// rescheduleFlight moves a planned flight to a new departure (and
// arrival) time, with the reason; its passengers stay on it. What the
// form or the service refuses is shown beside the form, a flight no
// longer planned above the manifest.
func (s *Server) rescheduleFlight(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	f := readRescheduleForm(r.PostForm)
	depart, arrive := f.times(now())
	var problem *message
	if f.Errors == nil {
		_, err := s.cw.RescheduleFlight(r.Context(), c.principal(), id, depart, arrive, f.Reason)
		switch fe := fieldError(err); {
		case fe != nil && fe.Field == "flight":
			m := msg("repat.rs.err.not_planned")
			problem = &m
		case fe != nil && slices.Contains([]string{"depart_at", "arrive_at", "reason"}, fe.Field):
			f.fail(fe.Field, "repat.err.service", fe.Reason)
		case fe != nil:
			m := msg("repat.err.service", fe.Reason)
			problem = &m
		case err != nil:
			return err
		default:
			http.Redirect(w, r, "/flights/"+id+"?done=rescheduled", http.StatusSeeOther)
			return nil
		}
	}
	d, err := s.manifestData(r, c, id, &passengerForm{Fit: "pending"})
	if err != nil {
		return err
	}
	if d.Move != nil {
		d.Move = f
		d.MoveOpen = d.MoveOpen || f.Errors != nil
	}
	d.Problem = problem
	return s.render(w, r, c, http.StatusUnprocessableEntity, "flight", "flights", msg("repat.man.title", d.M.Flight.Number), d)
}
