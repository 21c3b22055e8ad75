package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"counterscam/internal/store"
)

// RunCasework runs the casework part of the suite (persons, roles, match
// decisions, cases, intakes, places, screenings, charge evidence, flights,
// referrals). open must return a fresh, empty store for each test.
func RunCasework(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PersonRoundTrip", testPersonRoundTrip},
		{"PersonRefConflict", testPersonRefConflict},
		{"ListPersons", testListPersons},
		{"PersonKeys", testPersonKeys},
		{"PersonIndex", testPersonIndex},
		{"Roles", testRoles},
		{"MatchDecisions", testMatchDecisions},
		{"CaseStates", testCaseStates},
		{"Deadlines", testDeadlines},
		{"TriageQueue", testTriageQueue},
		{"Places", testPlaces},
		{"Screenings", testScreenings},
		{"ChargeEvidence", testChargeEvidence},
		{"Manifest", testManifest},
		{"Referrals", testReferrals},
		{"CaseworkRollback", testCaseworkRollback},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

// at is base plus h hours, to the microsecond (what both drivers keep).
func at(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }

// pid is the n-th person ID.
func pid(n int) string { return rid(1000 + n) }

func person(n int, ref string) *store.Person {
	return &store.Person{
		ID: pid(n), Origin: "kr-embassy-kh", ExternalRef: ref, TLP: store.TLPAmberStrict,
		LegalBasis: "consular assistance act", Purpose: "consular protection", CreatedBy: "u1",
		Names: []store.PersonName{
			{Kind: "primary", Script: "Hang", Text: "박민호"},
			{Kind: "passport", Script: "Latn", Text: "PARK MINHO", Family: "PARK", Given: "MINHO"},
			{Kind: "nickname", Script: "Hani", Text: "胜利"},
		},
		DOB: "1998-03", Sex: "M", Nationalities: []string{"KR"},
		Documents: []store.IdentityDocument{{Type: "passport", Number: "M12345678", Country: "KR",
			Status: "held_by_captors", ChangedAt: at(1)}},
		Selectors: []store.PersonSelector{{SelectorID: selID("phone", "+85512000001"), Kind: "phone",
			Value: "+85512000001", Display: "+855 12 000 001", Role: "own"}},
		Languages: []string{"ko", "en"},
		NextOfKin: []store.Kin{{Name: "김영숙", Relation: "mother", Phone: "+821000000001", MayContact: true}},
		CreatedAt: at(0), UpdatedAt: at(n),
	}
}

func putPerson(t *testing.T, s store.Store, p *store.Person, keys ...string) {
	t.Helper()
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.PutPerson(ctx, p, keys) })
}

func listPersons(t *testing.T, s store.Reader, f store.PersonFilter) []string {
	t.Helper()
	var ids []string
	if err := s.ListPersons(t.Context(), f, func(p *store.Person) error { ids = append(ids, p.ID); return nil }); err != nil {
		t.Fatalf("ListPersons(%+v): %v", f, err)
	}
	return ids
}

func testPersonRoundTrip(t *testing.T, s store.Store) {
	ctx := t.Context()
	p := person(1, "EMB-1")
	putPerson(t, s, p, "name:#박|MiNHo", "doc:M12345678")
	got, err := s.GetPerson(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "person read back", got, p)
	wantTime(t, "UpdatedAt", got.UpdatedAt, p.UpdatedAt)
	byRef, err := s.GetPersonByRef(ctx, "kr-embassy-kh", "EMB-1")
	if err != nil || byRef.ID != p.ID {
		t.Errorf("GetPersonByRef = %v, %v", byRef, err)
	}
	_, err = s.GetPersonByRef(ctx, "kh-police", "EMB-1")
	wantNotFound(t, "GetPersonByRef under another origin", err)
	_, err = s.GetPersonByRef(ctx, "kr-embassy-kh", "")
	wantNotFound(t, "GetPersonByRef of an empty reference", err)
	_, err = s.GetPerson(ctx, pid(99))
	wantNotFound(t, "GetPerson of a missing person", err)

	// Replacing keeps one row and the new content.
	p2 := *p
	p2.DOB, p2.Documents[0].Status, p2.UpdatedAt = "1998-03-07", "invalidated", at(5)
	putPerson(t, s, &p2)
	got, _ = s.GetPerson(ctx, p.ID)
	if got.DOB != "1998-03-07" || got.Documents[0].Status != "invalidated" {
		t.Errorf("after replace: %+v", got)
	}
	if st, err := s.PersonStamp(ctx); err != nil || st.Count != 1 {
		t.Errorf("PersonStamp = %+v, %v; want one person", st, err)
	} else {
		wantTime(t, "PersonStamp.LastUpdated", st.LastUpdated, at(5))
	}
}

func testPersonRefConflict(t *testing.T, s store.Store) {
	putPerson(t, s, person(1, "EMB-1"))
	putPerson(t, s, person(2, ""))
	putPerson(t, s, person(3, "")) // an empty reference is never unique
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.PutPerson(ctx, person(4, "EMB-1"), nil) })
	wantConflict(t, "a second person under a taken (origin, external_ref)", err)
	other := person(5, "EMB-1")
	other.Origin = "kh-police"
	putPerson(t, s, other) // the same reference of another origin is another person
	if st, _ := s.PersonStamp(t.Context()); st.Count != 4 {
		t.Errorf("persons = %d, want 4", st.Count)
	}
}

func testListPersons(t *testing.T, s store.Store) {
	if st, err := s.PersonStamp(t.Context()); err != nil || st.Count != 0 || !st.LastUpdated.IsZero() {
		t.Errorf("PersonStamp of an empty store = %+v, %v", st, err)
	}
	for _, n := range []int{3, 1, 2, 5, 4} {
		p := person(n, "")
		p.UpdatedAt = at(10 - n) // 5 updated first, 1 last
		if n == 4 {
			p.Origin = "kh-police"
		}
		putPerson(t, s, p)
	}
	wantEqual(t, "all", listPersons(t, s, store.PersonFilter{}), []string{pid(1), pid(2), pid(3), pid(4), pid(5)})
	wantEqual(t, "after 2, limit 2", listPersons(t, s, store.PersonFilter{After: pid(2), Limit: 2}), []string{pid(3), pid(4)})
	wantEqual(t, "origin", listPersons(t, s, store.PersonFilter{Origin: "kh-police"}), []string{pid(4)})
	wantEqual(t, "updated since", listPersons(t, s, store.PersonFilter{UpdatedSince: at(7)}), []string{pid(3), pid(2), pid(1)})
	stop := errors.New("stop")
	n := 0
	err := s.ListPersons(t.Context(), store.PersonFilter{}, func(*store.Person) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("an error from fn: err %v after %d persons, want it back after 1", err, n)
	}
}

func testPersonKeys(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""), "name:#박|MiNHo", "doc:M1", "name:#박|MiNHo", "")
	putPerson(t, s, person(2, ""), "name:#박|MiNHo", "doc:M2")
	hits := func(keys ...string) []store.PersonKeyHit {
		var out []store.PersonKeyHit
		if err := s.PersonsByKeys(ctx, keys, func(h store.PersonKeyHit) error { out = append(out, h); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	wantEqual(t, "hits", hits("name:#박|MiNHo", "doc:M2", "doc:M9", "doc:M2"), []store.PersonKeyHit{
		{Key: "doc:M2", PersonID: pid(2)}, {Key: "name:#박|MiNHo", PersonID: pid(1)}, {Key: "name:#박|MiNHo", PersonID: pid(2)}})
	// Putting the person again replaces its keys.
	putPerson(t, s, person(1, ""), "doc:M1-NEW")
	wantEqual(t, "after replacing the keys", hits("name:#박|MiNHo", "doc:M1", "doc:M1-NEW"), []store.PersonKeyHit{
		{Key: "doc:M1-NEW", PersonID: pid(1)}, {Key: "name:#박|MiNHo", PersonID: pid(2)}})
	if got := hits(); got != nil {
		t.Errorf("no keys: %v", got)
	}
}

func testRoles(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	roles := []*store.PersonRole{
		{ID: rid(2), PersonID: pid(1), CaseID: rid(50), Role: "suspect", From: at(3), Org: "kr-knpa", By: "u2"},
		{ID: rid(1), PersonID: pid(1), CaseID: rid(50), Role: "possible_victim", From: at(1), Org: "kr-embassy-kh", By: "u1"},
		{ID: rid(3), PersonID: pid(1), Role: "witness", From: at(3), Org: "kr-knpa", By: "u2", Note: "no case"},
	}
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, r := range roles {
			if err := w.PutRole(ctx, r); err != nil {
				return err
			}
		}
		return nil
	})
	got, err := s.ListRoles(ctx, pid(1))
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "roles", got, []*store.PersonRole{roles[1], roles[0], roles[2]})
	// Ending a role keeps it, with its end.
	ended := *roles[1]
	ended.Until = at(4)
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.PutRole(ctx, &ended) })
	inCase, err := s.CaseRoles(ctx, rid(50))
	if err != nil || len(inCase) != 2 || !inCase[0].Until.Equal(at(4)) || inCase[1].Role != "suspect" {
		t.Errorf("CaseRoles = %+v, %v", inCase, err)
	}
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutRole(ctx, &store.PersonRole{ID: rid(9), PersonID: pid(9), Role: "witness", From: at(1)})
	})
	wantNotFound(t, "a role of a missing person", err)
}

func testMatchDecisions(t *testing.T, s store.Store) {
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, d := range []*store.MatchDecision{
			{A: "P2", B: "P1", Same: true, By: "u1", DecidedAt: at(1)},
			{A: "partner:KH:7", B: "P3", Same: false, By: "u1", DecidedAt: at(2)},
			{A: "P1", B: "P2", Same: false, By: "u2", Note: "twins", DecidedAt: at(3)}, // replaces the first
		} {
			if err := w.PutMatchDecision(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	var got []store.MatchDecision
	if err := s.MatchDecisions(t.Context(), func(d *store.MatchDecision) error { got = append(got, *d); return nil }); err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "decisions", got, []store.MatchDecision{
		{A: "P1", B: "P2", Same: false, By: "u2", Note: "twins", DecidedAt: at(3)},
		{A: "P3", B: "partner:KH:7", Same: false, By: "u1", DecidedAt: at(2)},
	})
}

func testCaseStates(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	c := &store.Case{ID: rid(50), PersonID: pid(1), Kind: "consular", Origin: "kr-embassy-kh", TLP: store.TLPAmber,
		State: "reported", OpenedBy: "u1", OpenedAt: at(1), UpdatedAt: at(1)}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertCase(ctx, c) })
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertCase(ctx, c) })
	wantConflict(t, "a case under a taken ID", err)

	next := *c
	next.State, next.UpdatedAt = "arrested", at(2)
	ev := &store.CaseEvent{CaseID: c.ID, At: at(2), By: "u1", Org: "kr-embassy-kh", Kind: "transition", From: "reported", To: "arrested", Note: "arrest notice"}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.UpdateCase(ctx, &next, "reported", ev) })
	if ev.Seq != 1 {
		t.Errorf("first event's Seq = %d, want 1", ev.Seq)
	}
	// A writer that read the old state loses.
	stale := next
	stale.State = "located"
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.UpdateCase(ctx, &stale, "reported", &store.CaseEvent{CaseID: c.ID, Kind: "transition"})
	})
	wantConflict(t, "UpdateCase from a state the case has left", err)
	missing := next
	missing.ID = rid(51)
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.UpdateCase(ctx, &missing, "reported", nil) })
	wantNotFound(t, "UpdateCase of a missing case", err)
	note := &store.CaseEvent{CaseID: c.ID, At: at(3), By: "u1", Kind: "visit", Note: "first consular visit"}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.AddCaseEvent(ctx, note) })
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.AddCaseEvent(ctx, &store.CaseEvent{CaseID: rid(51), Kind: "note"})
	})
	wantNotFound(t, "an event of a missing case", err)

	got, err := s.GetCase(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "case", got, &next)
	evs, err := s.CaseEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "events", evs, []*store.CaseEvent{ev, note})
	if note.Seq != 2 {
		t.Errorf("second event's Seq = %d", note.Seq)
	}
	// Filters.
	putPerson(t, s, person(2, ""))
	c2 := &store.Case{ID: rid(52), PersonID: pid(2), Kind: "consular", State: "reported", OpenedAt: at(1), UpdatedAt: at(1)}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertCase(ctx, c2) })
	for _, tt := range []struct {
		f    store.CaseFilter
		want []string
	}{
		{store.CaseFilter{}, []string{rid(50), rid(52)}},
		{store.CaseFilter{State: "arrested"}, []string{rid(50)}},
		{store.CaseFilter{PersonID: pid(2)}, []string{rid(52)}},
		{store.CaseFilter{After: rid(50)}, []string{rid(52)}},
		{store.CaseFilter{Limit: 1}, []string{rid(50)}},
	} {
		cs, err := s.ListCases(ctx, tt.f)
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		wantEqual(t, "ListCases", ids, tt.want)
	}
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.InsertCase(ctx, &store.Case{ID: rid(53), PersonID: pid(9), State: "reported", UpdatedAt: at(1)})
	})
	wantNotFound(t, "a case of a missing person", err)
}

func testPersonIndex(t *testing.T, s store.Store) {
	p := person(1, "EMB-1")
	p.Names = append(p.Names, store.PersonName{Kind: "alias", Text: "tab\there\nand line"})
	p.Nationalities = []string{"KR", "KH"}
	p.Documents = append(p.Documents, store.IdentityDocument{Type: "emergency_travel_document", Number: "ETD1", Country: "KR", Status: "held"})
	putPerson(t, s, p)
	q := person(2, "")
	q.Names, q.Documents, q.Nationalities, q.DOB, q.Sex = nil, nil, nil, "", ""
	q.UpdatedAt = at(0)
	putPerson(t, s, q)
	var got []*store.PersonIndexEntry
	collect := func(f store.PersonFilter) []*store.PersonIndexEntry {
		got = nil
		if err := s.ListPersonIndex(t.Context(), f, func(e *store.PersonIndexEntry) error { got = append(got, e); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	es := collect(store.PersonFilter{})
	if len(es) != 2 {
		t.Fatalf("%d entries", len(es))
	}
	names := append([]store.PersonName(nil), p.Names...)
	names[3].Text = "tab here and line"
	wantEqual(t, "index entry", es[0], &store.PersonIndexEntry{ID: p.ID, Origin: p.Origin, ExternalRef: "EMB-1", TLP: p.TLP,
		CreatedBy: "u1", UpdatedAt: p.UpdatedAt, Names: names, DOB: "1998-03", Sex: "M", Nationality: "KR",
		Documents: []store.IdentityDocument{{Type: "passport", Number: "M12345678", Country: "KR"},
			{Type: "emergency_travel_document", Number: "ETD1", Country: "KR"}}})
	wantEqual(t, "bare entry", es[1], &store.PersonIndexEntry{ID: q.ID, Origin: q.Origin, TLP: q.TLP, CreatedBy: "u1", UpdatedAt: at(0)})
	wantTime(t, "UpdatedAt", es[0].UpdatedAt, p.UpdatedAt)
	if es := collect(store.PersonFilter{UpdatedSince: at(1)}); len(es) != 1 || es[0].ID != p.ID {
		t.Errorf("updated since: %+v", es)
	}
}
