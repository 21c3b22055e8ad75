package casework

import (
	"context"
	"reflect"
	"testing"
	"time"

	"counterscam/internal/store"
)

// userReads counts the reads of users made through a store.
type userReads struct {
	store.Store
	byID, one int
}

func (u *userReads) UsersByID(ctx context.Context, ids []string) ([]*store.User, error) {
	u.byID++
	return u.Store.UsersByID(ctx, ids)
}

func (u *userReads) GetUser(ctx context.Context, id string) (*store.User, error) {
	u.one++
	return u.Store.GetUser(ctx, id)
}

// TestCaseFileActors: the case file names who made each event by the
// user's name, by the e-mail address of a user without one, and leaves
// out a user the store does not hold; the users are read once for the
// whole timeline, however many events they made.
func TestCaseFileActors(t *testing.T) {
	f := newFixture(t)
	err := f.st.Update(f.ctx, func(w store.Writer) error {
		for _, u := range []*store.User{
			{ID: "u-officer", Org: orgEmbassy, Email: "officer@embassy.example", Name: "Yoon Seo-yeon", Role: "case_officer"},
			{ID: "u-officer2", Org: orgEmbassy, Email: "officer2@embassy.example", Role: "case_officer"},
		} {
			u.CreatedAt = f.clock
			if err := w.PutUser(f.ctx, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := f.openCase(f.officer, f.person(f.officer, minho()).ID, Reported)
	for _, p := range []struct {
		by   string
		note string
	}{{"u-officer", "first call"}, {"u-officer2", "second call"}, {"u-officer", "third call"}} {
		actor := f.officer
		if p.by == "u-officer2" {
			actor = f.officer2
		}
		if _, err := f.svc.RecordAction(f.ctx, actor, c.ID, "note", p.note, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.RecordAction(f.ctx, who("u-gone", orgEmbassy, f.officer.Role), c.ID, "note", "by a user gone since", time.Time{}); err != nil {
		t.Fatal(err)
	}
	reads := &userReads{Store: f.st}
	svc := New(reads, f.intel, Config{Now: func() time.Time { return f.clock }})
	file, err := svc.GetCaseFile(f.ctx, f.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Events) != 5 {
		t.Fatalf("%d events, want 5", len(file.Events))
	}
	want := map[string]Actor{
		"u-officer":  {Name: "Yoon Seo-yeon", Org: orgEmbassy},
		"u-officer2": {Name: "officer2@embassy.example", Org: orgEmbassy},
	}
	if !reflect.DeepEqual(file.Actors, want) {
		t.Errorf("actors = %+v, want %+v", file.Actors, want)
	}
	if reads.byID != 1 || reads.one != 0 {
		t.Errorf("users read %d times in one batch and %d one by one, want once in one batch", reads.byID, reads.one)
	}
}
