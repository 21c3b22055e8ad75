package casework

import (
	"errors"
	"testing"

	"counterscam/internal/store"
)

// TestOnManifestMovesWithTheFlight: a case on a flight's manifest does not
// change state by hand (which would leave the person's row on the
// manifest); taking the person off the flight moves it back.
func TestOnManifestMovesWithTheFlight(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	c := cases[0]
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	for _, to := range []State{Screened, DocumentIssued} {
		_, err := f.svc.Transition(f.ctx, f.officer, c.ID, to, "by hand")
		if to == DocumentIssued {
			_, err = f.svc.IssueTravelDocument(f.ctx, f.officer, c.ID, store.IdentityDocument{Number: "ETD-2025-0001"}, "by hand")
		}
		var te *TransitionError
		if !errors.As(err, &te) || te.From != OnManifest || te.To != to || te.Reason != "the person is on a flight's manifest: take them off the flight first" {
			t.Errorf("on_manifest to %s by hand: %v", to, err)
		}
	}
	got, _ := f.st.GetCase(f.ctx, c.ID)
	m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if err != nil || got.State != string(OnManifest) || len(m.Rows) != 1 || len(m.Rows[0].Person.Documents) != 1 {
		t.Fatalf("after the refusals: case %s, %d passengers, %v", got.State, len(m.Rows), err)
	}
	if err := f.svc.RemovePassenger(f.ctx, f.officer, fl.ID, c.PersonID, "not fit yet"); err != nil {
		t.Fatal(err)
	}
	got, _ = f.st.GetCase(f.ctx, c.ID)
	m, err = f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if err != nil || got.State != string(Screened) || len(m.Rows) != 0 {
		t.Errorf("off the flight: case %s, %d passengers, %v", got.State, len(m.Rows), err)
	}
}
