package storetest

import (
	"context"
	"testing"

	"counterscam/internal/store"
)

func putAll(t *testing.T, s store.Store, fns ...func(ctx context.Context, w store.Writer) error) {
	t.Helper()
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, fn := range fns {
			if err := fn(ctx, w); err != nil {
				return err
			}
		}
		return nil
	})
}

func openCase(t *testing.T, s store.Store, n int, personN int) *store.Case {
	t.Helper()
	c := &store.Case{ID: rid(50 + n), PersonID: pid(personN), Kind: "consular", State: "arrested", OpenedAt: at(0), UpdatedAt: at(0)}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertCase(ctx, c) })
	return c
}

func testDeadlines(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	c := openCase(t, s, 0, 1)
	d1 := &store.Deadline{ID: rid(61), CaseID: c.ID, Kind: "first_consular_visit", DueAt: at(72), CreatedAt: at(0)}
	d2 := &store.Deadline{ID: rid(62), CaseID: c.ID, Kind: "hand_over", DueAt: at(48), CreatedAt: at(0)}
	putAll(t, s,
		func(ctx context.Context, w store.Writer) error { return w.PutDeadline(ctx, d1) },
		func(ctx context.Context, w store.Writer) error { return w.PutDeadline(ctx, d2) })
	ids := func(f store.DeadlineFilter) []string {
		ds, err := s.ListDeadlines(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	wantEqual(t, "by due date", ids(store.DeadlineFilter{CaseID: c.ID}), []string{rid(62), rid(61)})
	wantEqual(t, "overdue at 50h", ids(store.DeadlineFilter{Open: true, DueBefore: at(50)}), []string{rid(62)})
	met := *d2
	met.MetAt, met.MetBy = at(40), "u1"
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.PutDeadline(ctx, &met) })
	wantEqual(t, "open after one is met", ids(store.DeadlineFilter{Open: true}), []string{rid(61)})
	wantEqual(t, "overdue after one is met", ids(store.DeadlineFilter{Open: true, DueBefore: at(50)}), []string(nil))
	ds, _ := s.ListDeadlines(ctx, store.DeadlineFilter{CaseID: c.ID})
	wantEqual(t, "met deadline", ds[0], &met)
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutDeadline(ctx, &store.Deadline{ID: rid(63), CaseID: rid(99), DueAt: at(1)})
	})
	wantNotFound(t, "a deadline of a missing case", err)
}

func testTriageQueue(t *testing.T, s store.Store) {
	ctx := t.Context()
	mk := func(n, received int, danger bool) *store.Intake {
		return &store.Intake{ID: rid(70 + n), Origin: "public", TLP: store.TLPGreen, Channel: "family",
			ReceivedAt: at(received), DangerNow: danger,
			Reporter:    store.IntakeReporter{Name: "이순자", Relation: "mother", Phone: "+821000000002", Language: "ko"},
			Subject:     store.IntakeSubject{Name: "이준호", DOB: "2001", Phones: []string{"+85590000001"}},
			Coordinates: &store.Coordinates{Lat: 10.6104, Lon: 103.5220},
			Ransom:      &store.Ransom{AmountMinor: 2000000, Currency: "USD", PayeeAccount: "TQ..."},
			Selectors:   []store.PersonSelector{{SelectorID: selID("phone", "+85590000001"), Kind: "phone", Value: "+85590000001"}},
		}
	}
	ins := []*store.Intake{mk(1, 1, false), mk(2, 5, true), mk(3, 0, false), mk(4, 3, true), mk(5, 2, false)}
	putAll(t, s, func(ctx context.Context, w store.Writer) error {
		for _, in := range ins {
			if err := w.PutIntake(ctx, in); err != nil {
				return err
			}
		}
		return nil
	})
	queue := func() []string {
		q, err := s.ListIntakes(ctx, store.IntakeFilter{Untriaged: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, in := range q {
			out = append(out, in.ID)
		}
		return out
	}
	wantEqual(t, "queue: danger now first, then the longest waiting", queue(), []string{rid(74), rid(72), rid(73), rid(71), rid(75)})
	done := *ins[1]
	done.TriagedAt, done.TriagedBy, done.CaseID = at(6), "u1", rid(50)
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.PutIntake(ctx, &done) })
	wantEqual(t, "queue after triage", queue(), []string{rid(74), rid(73), rid(71), rid(75)})
	got, err := s.GetIntake(ctx, done.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "triaged intake", got, &done)
	all, err := s.ListIntakes(ctx, store.IntakeFilter{After: rid(73), Limit: 1})
	if err != nil || len(all) != 1 || all[0].ID != rid(74) {
		t.Errorf("ListIntakes in ID order after 73 = %v, %v", all, err)
	}
}

func testPlaces(t *testing.T, s store.Store) {
	ctx := t.Context()
	c := &store.Compound{ID: rid(80), Names: []string{"Golden Crane Park", "금학 단지"}, Country: "KH", Province: "Kampot",
		Coordinates: &store.Coordinates{Lat: 10.62, Lon: 104.05}, Operators: []string{"Crane Holdings"},
		Raids:          []store.Raid{{Date: "2025-07-16", Agency: "CNP", Result: "213 detained"}},
		StillOperating: true, Origin: "kr-knpa", TLP: store.TLPAmber, CreatedAt: at(0), UpdatedAt: at(1)}
	zones := []*store.AdvisoryZone{
		{ID: rid(82), Name: "Sihanoukville", Country: "KH", Level: "2.5", From: "2025-10-16", UpdatedAt: at(1)},
		{ID: rid(81), Name: "Bokor Mountain", Country: "KH", Level: "4", From: "2025-10-16", UpdatedAt: at(1)},
		{ID: rid(83), Name: "Bokor Mountain", Country: "KH", Level: "3", From: "2025-08-01", Until: "2025-10-15", UpdatedAt: at(1)},
	}
	putAll(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.PutCompound(ctx, c); err != nil {
			return err
		}
		for _, z := range zones {
			if err := w.PutAdvisoryZone(ctx, z); err != nil {
				return err
			}
		}
		return nil
	})
	got, err := s.GetCompound(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "compound", got, c)
	closed := *c
	closed.StillOperating = false
	closed.Raids = append(closed.Raids, store.Raid{Date: "2025-10-20", Agency: "CNP", Result: "closed"})
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.PutCompound(ctx, &closed) })
	list, err := s.ListCompounds(ctx)
	if err != nil || len(list) != 1 || list[0].StillOperating || len(list[0].Raids) != 2 {
		t.Errorf("compounds after a raid = %+v, %v", list, err)
	}
	zs, err := s.ListAdvisoryZones(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "zones by country, name, from", zs, []*store.AdvisoryZone{zones[2], zones[1], zones[0]})
	_, err = s.GetCompound(ctx, rid(89))
	wantNotFound(t, "a missing compound", err)
}

func screening(n, personN int, supersedes string) *store.Screening {
	return &store.Screening{ID: rid(90 + n), PersonID: pid(personN), Origin: "kr-embassy-kh", TLP: store.TLPAmberStrict,
		CreatedBy: "u1", CreatedAt: at(n), Kind: "both", InterviewedAt: at(n), Interviewer: "officer",
		Recruitment: store.Recruitment{Channel: "online_ad", PromisedJob: "customer service", KnewIllegal: "no",
			PromisedPay: &store.Money{AmountMinor: 300000, Currency: "USD"}},
		Indicators: []store.IndicatorFinding{{Code: "deception", Present: true,
			Evidence: []store.Evidence{{Kind: "testimony", Ref: "interview 1"}}}},
		Control:        []store.ControlFinding{{Code: "MethodsOfControlWithholdsDocuments"}},
		DaysInCompound: 120, Status: "possible", DecidedBy: "officer", DecidedAt: at(n),
		NonPunishment: store.NonPunishment{Recommendation: "recommend_no_prosecution", Rationale: "compelled"},
		Supersedes:    supersedes,
	}
}

func testScreenings(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	putPerson(t, s, person(2, ""))
	first := screening(1, 1, "")
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertScreening(ctx, first) })
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertScreening(ctx, screening(2, 1, "")) })
	wantConflict(t, "a second current screening", err)
	second := screening(3, 1, first.ID)
	second.Status = "actual"
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertScreening(ctx, second) })
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.InsertScreening(ctx, screening(4, 1, first.ID))
	})
	wantConflict(t, "superseding a superseded screening", err)
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.InsertScreening(ctx, screening(5, 2, second.ID))
	})
	wantNotFound(t, "superseding another person's screening", err)
	other := screening(6, 2, "")
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertScreening(ctx, other) })

	hist, err := s.ListScreenings(ctx, pid(1))
	if err != nil {
		t.Fatal(err)
	}
	oldRead := *first
	oldRead.SupersededBy = second.ID
	wantEqual(t, "history, newest first", hist, []*store.Screening{second, &oldRead})
	got, err := s.GetScreening(ctx, first.ID)
	if err != nil || got.SupersededBy != second.ID {
		t.Errorf("GetScreening of the superseded one = %+v, %v", got, err)
	}
	var cur []string
	if err := s.CurrentScreenings(ctx, func(sc *store.Screening) error { cur = append(cur, sc.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "current screenings", cur, []string{second.ID, other.ID})
	_, err = s.GetScreening(ctx, rid(99))
	wantNotFound(t, "a missing screening", err)
}

func testChargeEvidence(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	e1 := &store.ChargeEvidence{ID: rid(101), PersonID: pid(1), Origin: "kr-knpa", TLP: store.TLPAmberStrict,
		CreatedBy: "u2", CreatedAt: at(1), Charge: "fraud", Kind: "device", Description: "phone seized in raid",
		Ref: "sha256:00ff", CollectedAt: at(0), CollectedBy: "CNP"}
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertChargeEvidence(ctx, e1) })
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.InsertChargeEvidence(ctx, e1) })
	wantConflict(t, "evidence under a taken ID", err)
	got, err := s.ListChargeEvidence(ctx, pid(1))
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "evidence", got, []*store.ChargeEvidence{e1})
	// The screening tables hold none of it.
	if hist, _ := s.ListScreenings(ctx, pid(1)); hist != nil {
		t.Errorf("screenings of a person with evidence only: %v", hist)
	}
}

func testManifest(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	putPerson(t, s, person(2, ""))
	f := &store.Flight{ID: rid(110), Number: "KE9688", Carrier: "Korean Air", Charter: true, From: "PNH", To: "ICN",
		DepartAt: at(24), Status: "planned", Origin: "kr-embassy-kh", TLP: store.TLPAmber, CreatedAt: at(0)}
	p1 := &store.Passenger{FlightID: f.ID, PersonID: pid(2), LegalStatus: "warrant_to_execute", FitToFly: "fit",
		Escort: "team 1", ReceivingAgency: "Chungnam PPA", AddedAt: at(1), Outcome: "pending"}
	p2 := &store.Passenger{FlightID: f.ID, PersonID: pid(1), LegalStatus: "victim", FitToFly: "pending", AddedAt: at(2), Outcome: "pending"}
	putAll(t, s,
		func(ctx context.Context, w store.Writer) error { return w.PutFlight(ctx, f) },
		func(ctx context.Context, w store.Writer) error { return w.PutPassenger(ctx, p1) },
		func(ctx context.Context, w store.Writer) error { return w.PutPassenger(ctx, p2) })
	got, err := s.ListPassengers(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "manifest in the order added", got, []*store.Passenger{p1, p2})
	p1b := *p1
	p1b.Outcome, p1b.OutcomeAt = "warrant_executed", at(30)
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.PutPassenger(ctx, &p1b) })
	mine, err := s.PersonFlights(ctx, pid(2))
	if err != nil || len(mine) != 1 || mine[0].Outcome != "warrant_executed" {
		t.Errorf("PersonFlights = %+v, %v", mine, err)
	}
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.DeletePassenger(ctx, f.ID, pid(1)) })
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error { return w.DeletePassenger(ctx, f.ID, pid(1)) })
	wantNotFound(t, "taking off a person not on the manifest", err)
	got, _ = s.ListPassengers(ctx, f.ID)
	if len(got) != 1 || got[0].PersonID != pid(2) {
		t.Errorf("manifest after taking one off = %+v", got)
	}
	err = tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutPassenger(ctx, &store.Passenger{FlightID: rid(119), PersonID: pid(1), AddedAt: at(1)})
	})
	wantNotFound(t, "a passenger of a missing flight", err)
	fl, err := s.ListFlights(ctx)
	if err != nil || len(fl) != 1 {
		t.Fatalf("flights = %v, %v", fl, err)
	}
	wantEqual(t, "flight", fl[0], f)

	// A flight moved to new times keeps the moves, and lists by its new
	// departure.
	early := &store.Flight{ID: rid(111), Number: "ZE5301", From: "PNH", To: "ICN", DepartAt: at(30), Status: "planned",
		Origin: "kr-embassy-kh", TLP: store.TLPAmber, CreatedAt: at(0)}
	moved := *f
	moved.DepartAt, moved.ArriveAt = at(40), at(45)
	moved.Reschedules = []store.FlightReschedule{
		{At: at(25), By: "u1", Org: "kr-embassy-kh", DepartWas: at(24), DepartAt: at(28), Reason: "delayed by the airline"},
		{At: at(26), By: "u1", Org: "kr-embassy-kh", DepartWas: at(28), DepartAt: at(40), ArriveAt: at(45), Reason: "crew rest"}}
	putAll(t, s,
		func(ctx context.Context, w store.Writer) error { return w.PutFlight(ctx, early) },
		func(ctx context.Context, w store.Writer) error { return w.PutFlight(ctx, &moved) })
	fl, err = s.ListFlights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "flights by departure after a move", fl, []*store.Flight{early, &moved})
	got1, err := s.GetFlight(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "moved flight", got1, &moved)
}

func testReferrals(t *testing.T, s store.Store) {
	ctx := t.Context()
	putPerson(t, s, person(1, ""))
	r1 := &store.Referral{ID: rid(120), PersonID: pid(1), FromOrg: "kr-embassy-kh", ToOrg: "shelter-a",
		Fields: []string{"languages", "name"}, Needs: "medical", ConsentAt: at(1), CreatedBy: "u1", CreatedAt: at(1)}
	r2 := &store.Referral{ID: rid(121), PersonID: pid(1), FromOrg: "kr-embassy-kh", ToOrg: "shelter-b",
		Fields: []string{"name"}, ConsentAt: at(2), CreatedBy: "u1", CreatedAt: at(2)}
	putAll(t, s,
		func(ctx context.Context, w store.Writer) error { return w.PutReferral(ctx, r1) },
		func(ctx context.Context, w store.Writer) error { return w.PutReferral(ctx, r2) })
	gone := *r1
	gone.WithdrawnAt, gone.WithdrawnBy, gone.Reason = at(3), "u1", "survivor withdrew consent"
	putAll(t, s, func(ctx context.Context, w store.Writer) error { return w.PutReferral(ctx, &gone) })
	for _, tt := range []struct {
		f    store.ReferralFilter
		want []string
	}{
		{store.ReferralFilter{}, []string{rid(120), rid(121)}},
		{store.ReferralFilter{Active: true}, []string{rid(121)}},
		{store.ReferralFilter{ToOrg: "shelter-a"}, []string{rid(120)}},
		{store.ReferralFilter{ToOrg: "shelter-a", Active: true}, nil},
		{store.ReferralFilter{PersonID: pid(2)}, nil},
	} {
		rs, err := s.ListReferrals(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
		wantEqual(t, "ListReferrals", ids, tt.want)
	}
	got, err := s.GetReferral(ctx, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "withdrawn referral", got, &gone)
}

// testCaseworkRollback: a failed transaction leaves none of its records.
func testCaseworkRollback(t *testing.T, s store.Store) {
	ctx := t.Context()
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.PutPerson(ctx, person(1, "EMB-1"), []string{"doc:M1"}); err != nil {
			return err
		}
		if err := w.InsertCase(ctx, &store.Case{ID: rid(50), PersonID: pid(1), State: "reported", UpdatedAt: at(0)}); err != nil {
			return err
		}
		return w.PutPassenger(ctx, &store.Passenger{FlightID: rid(119), PersonID: pid(1), AddedAt: at(1)})
	})
	wantNotFound(t, "the failing write", err)
	if _, err := s.GetPerson(ctx, pid(1)); err == nil {
		t.Error("a person of a rolled-back transaction is stored")
	}
	if _, err := s.GetCase(ctx, rid(50)); err == nil {
		t.Error("a case of a rolled-back transaction is stored")
	}
	var n int
	s.PersonsByKeys(ctx, []string{"doc:M1"}, func(store.PersonKeyHit) error { n++; return nil })
	if n != 0 {
		t.Error("keys of a rolled-back person are stored")
	}
}
