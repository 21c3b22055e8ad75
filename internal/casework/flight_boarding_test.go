package casework

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// flightAudits counts the changes of a flight audited as allowed.
func (f *fixture) flightAudits(flightID string) int {
	n := 0
	for _, e := range f.auditOf(flightID) {
		if e == f.officer.UserID+" update flight allow" {
			n++
		}
	}
	return n
}

// readyPerson makes a person of the embassy with a held passport and a
// case opened in st (screened: arrested, then screened).
func (f *fixture) readyPerson(ref string, st State) (*store.Person, *store.Case) {
	f.t.Helper()
	in := minho()
	in.ExternalRef, in.Selectors = ref, nil
	in.Documents[0].Number, in.Documents[0].Status = "M"+ref[len(ref)-4:]+"0000", "held"
	p := f.person(f.officer, in)
	if st != Screened {
		return p, f.openCase(f.officer, p.ID, st)
	}
	c := f.openCase(f.officer, p.ID, Arrested)
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(p.ID, "possible")); err != nil {
		f.t.Fatal(err)
	}
	c, err := f.svc.Transition(f.ctx, f.officer, c.ID, Screened, "")
	if err != nil {
		f.t.Fatal(err)
	}
	return p, c
}

// paperless makes a screened person whose passport is no longer held
// (status).
func (f *fixture) paperless(ref, status string) (*store.Person, *store.Case) {
	f.t.Helper()
	p, c := f.readyPerson(ref, Screened)
	if _, err := f.svc.SetDocumentStatus(f.ctx, f.officer, p.ID, p.Documents[0].Number, status, ""); err != nil {
		f.t.Fatal(err)
	}
	return p, c
}

// TestAddPassengersAllOrNothing: several passengers go on a flight in one
// transaction, or, when any would be refused, none does and the answer
// names each refused one with AddPassenger's reason; on both drivers.
func TestAddPassengersAllOrNothing(t *testing.T) {
	onEachDriver(t, func(t *testing.T, f *fixture) {
		fl, ready := f.manifest(3)
		_, early := f.readyPerson("EMB-0101", Arrested)
		_, noDoc := f.paperless("EMB-0102", "held_by_captors")
		ins := func(cs ...*store.Case) []*PassengerInput {
			var out []*PassengerInput
			for _, c := range cs {
				out = append(out, &PassengerInput{CaseID: c.ID, LegalStatus: "victim", Escort: "KNPA team 2"})
			}
			return out
		}
		audits := f.flightAudits(fl.ID)
		_, err := f.svc.AddPassengers(f.ctx, f.officer, fl.ID, ins(ready[0], early, ready[1], noDoc, ready[2]))
		var re *RefusedError
		if !errors.As(err, &re) || len(re.Refused) != 2 {
			t.Fatalf("a batch with two who may not board: %v", err)
		}
		var te *TransitionError
		var fe *FieldError
		if r := re.Refused[0]; r.CaseID != early.ID || r.PersonID != early.PersonID || !errors.As(r.Err, &te) || te.From != Arrested {
			t.Errorf("first refusal = %+v, want the arrested case's transition", r)
		}
		if r := re.Refused[1]; r.CaseID != noDoc.ID || !errors.As(r.Err, &fe) || fe.Field != "document" {
			t.Errorf("second refusal = %+v, want the paperless person's document", r)
		}
		m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Rows) != 0 {
			t.Fatalf("a refused batch left %d passengers on the manifest", len(m.Rows))
		}
		for _, c := range ready {
			if got, _ := f.st.GetCase(f.ctx, c.ID); got.State != string(Screened) {
				t.Errorf("case %s of a refused batch is %s, want screened", c.ID, got.State)
			}
		}
		if n := f.flightAudits(fl.ID); n != audits {
			t.Errorf("a refused batch audited %d changes of the flight", n-audits)
		}
		rows, err := f.svc.AddPassengers(f.ctx, f.officer, fl.ID, ins(ready...))
		if err != nil || len(rows) != 3 {
			t.Fatalf("AddPassengers = %d rows, %v", len(rows), err)
		}
		for i, c := range ready {
			if rows[i].PersonID != c.PersonID || rows[i].Escort != "KNPA team 2" || rows[i].FitToFly != "pending" {
				t.Errorf("row %d = %+v", i, rows[i])
			}
			if got, _ := f.st.GetCase(f.ctx, c.ID); got.State != string(OnManifest) {
				t.Errorf("case %s is %s, want on_manifest", c.ID, got.State)
			}
		}
		if m, _ = f.svc.GetManifest(f.ctx, f.officer, fl.ID); m.Counts.Total != 3 || m.Counts.ByLegalStatus["victim"] != 3 {
			t.Errorf("manifest counts %+v, want 3 victims", m.Counts)
		}
		if n := f.flightAudits(fl.ID); n != audits+3 {
			t.Errorf("adding 3 audited %d changes of the flight, want 3", n-audits)
		}
		// Again, twice in one batch, for a flight of another number, or
		// with no legal status: each named, nobody added.
		_, twice := f.readyPerson("EMB-0103", Screened)
		bad := ins(ready[0], twice, twice)
		bad = append(bad, &PassengerInput{FlightID: "01OTHERFLIGHT", CaseID: twice.ID, LegalStatus: "victim"}, &PassengerInput{CaseID: twice.ID})
		_, err = f.svc.AddPassengers(f.ctx, f.officer, fl.ID, bad)
		if !errors.As(err, &re) || len(re.Refused) != 3 {
			t.Fatalf("a batch with a case listed twice, another flight's and no legal status: %v", err)
		}
		for i, field := range []string{"case", "flight", "legal_status"} {
			if !errors.As(re.Refused[i].Err, &fe) || fe.Field != field || re.Refused[i].CaseID != twice.ID {
				t.Errorf("refusal %d = %+v, want %s", i, re.Refused[i], field)
			}
		}
		_, err = f.svc.AddPassengers(f.ctx, f.officer, fl.ID, ins(ready[0], twice))
		if !errors.As(err, &re) || len(re.Refused) != 1 || re.Refused[0].CaseID != ready[0].ID || !errors.As(re.Refused[0].Err, &te) || te.From != OnManifest {
			t.Errorf("a passenger already aboard: %v", err)
		}
		if got, _ := f.st.GetCase(f.ctx, twice.ID); got.State != string(Screened) {
			t.Errorf("the case batched with a refused one is %s, want screened", got.State)
		}
		// Who may not change cases changes nothing; a flight past its
		// departure takes nobody.
		if _, err := f.svc.AddPassengers(f.ctx, f.analyst, fl.ID, ins(twice)); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("an analyst adding passengers: %v", err)
		}
		if _, err := f.svc.AddPassengers(f.ctx, f.officer, fl.ID, nil); err == nil {
			t.Error("an empty batch was taken")
		}
		f.advance(49 * time.Hour)
		var de *DepartedError
		if _, err := f.svc.AddPassengers(f.ctx, f.officer, fl.ID, ins(twice)); !errors.As(err, &de) || de.FlightID != fl.ID {
			t.Errorf("a flight past its departure: %v", err)
		}
	})
}

// TestBoardersListsWhoMayBoard: the persons a flight could take are those
// the reader may read whose case BoardingCase picks, not on the flight;
// BoardingRefusal says which may board now; roles held now are given.
func TestBoardersListsWhoMayBoard(t *testing.T) {
	onEachDriver(t, func(t *testing.T, f *fixture) {
		fl, ready := f.manifest(2)
		held, _ := f.readyPerson("EMB-0201", Arrested)
		paperless, _ := f.paperless("EMB-0202", "lost")
		closed, closedCase := f.readyPerson("EMB-0203", Arrested)
		if _, err := f.svc.Transition(f.ctx, f.officer, closedCase.ID, Closed, "released"); err != nil {
			t.Fatal(err)
		}
		onBoard, onCase := f.readyPerson("EMB-0204", Screened)
		if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: onCase.ID, LegalStatus: "victim"}); err != nil {
			t.Fatal(err)
		}
		caseless := f.person(f.officer, &PersonInput{LegalBasis: "consular", Purpose: "repatriation",
			Names: []store.PersonName{{Kind: "primary", Text: "무사건"}}, Documents: []store.IdentityDocument{{Number: "M99990000", Country: "KR", Status: "held"}}})
		theirs := minho()
		theirs.ExternalRef, theirs.Selectors = "KH-0001", nil
		theirs.Documents[0].Status = "held"
		foreign := f.person(f.otherOfficer, theirs)
		f.openCase(f.otherOfficer, foreign.ID, Arrested)
		// Roles: one in the case, one outside any, one ended.
		for _, r := range []RoleInput{{PersonID: ready[0].PersonID, CaseID: ready[0].ID, Role: "suspect"},
			{PersonID: ready[0].PersonID, Role: "possible_victim"}} {
			if _, err := f.svc.AssignRole(f.ctx, f.officer, &r); err != nil {
				t.Fatal(err)
			}
		}
		ended, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: ready[0].PersonID, Role: "recruiter", From: f.clock.Add(-time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.EndRole(f.ctx, f.officer, ready[0].PersonID, ended.ID, f.clock.Add(-time.Minute), "cleared"); err != nil {
			t.Fatal(err)
		}
		bs, err := f.svc.Boarders(f.ctx, f.officer, fl.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, b := range bs {
			var fe *FieldError
			var te *TransitionError
			switch {
			case b.Refusal == nil:
				got[b.Person.ID] = "ready"
			case errors.As(b.Refusal, &fe):
				got[b.Person.ID] = fe.Field
			case errors.As(b.Refusal, &te):
				got[b.Person.ID] = string(te.From)
			}
			if b.Case.PersonID != b.Person.ID {
				t.Errorf("boarder %s comes with case %s of %s", b.Person.ID, b.Case.ID, b.Case.PersonID)
			}
		}
		want := map[string]string{ready[0].PersonID: "ready", ready[1].PersonID: "ready", held.ID: "arrested", paperless.ID: "document"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("boarders = %v, want %v (not the closed %s, the one aboard %s, the caseless %s, the foreign %s)",
				got, want, closed.ID, onBoard.ID, caseless.ID, foreign.ID)
		}
		if i := slices.IndexFunc(bs, func(b Boarder) bool { return b.Person.ID == ready[0].PersonID }); i < 0 ||
			fmt.Sprint(bs[i].Roles) != "[possible_victim suspect]" || bs[i].Case.ID != ready[0].ID {
			t.Errorf("the first ready person's roles: %+v", bs)
		}
		if !slices.IsSortedFunc(bs, func(a, b Boarder) int { return strings.Compare(a.Case.ID, b.Case.ID) }) {
			t.Errorf("boarders not in the order their cases were opened")
		}
		if !slices.Contains(f.auditOf(ready[1].PersonID), f.officer.UserID+" read person allow") {
			t.Error("listing the boarders did not audit the read of each")
		}
		// A prosecutor reads no AMBER+STRICT person of the embassy; an
		// analyst reads no person at all.
		if bs, err := f.svc.Boarders(f.ctx, f.prosecutor, fl.ID); err != nil || len(bs) != 0 {
			t.Errorf("the prosecutor lists %d boarders, %v", len(bs), err)
		}
		if _, err := f.svc.Boarders(f.ctx, f.worker, fl.ID); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("a support worker listing boarders: %v", err)
		}
	})
}
