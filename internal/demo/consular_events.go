package demo

import (
	"fmt"
	"strings"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// endRole ends the open role of a person, if held.
func (l *consularLoader) endRole(personID, role, note string) error {
	roles, err := l.cw.PersonRoles(l.ctx, l.consul, personID)
	if err != nil {
		return err
	}
	for _, r := range roles {
		if r.Role == role && r.Until.IsZero() {
			_, err := l.cw.EndRole(l.ctx, l.consul, personID, r.ID, l.clock, note)
			return err
		}
	}
	return nil
}

func (l *consularLoader) role(ref, role string) error {
	_, err := l.cw.AssignRole(l.ctx, l.consul, &casework.RoleInput{PersonID: l.persons[ref].ID, CaseID: l.cases[ref].ID, Role: role})
	return err
}

// escapees: the first two reported escape, are screened as victims, get
// emergency travel documents and fly home on a scheduled flight; one is
// referred to a shelter.
func (l *consularLoader) escapees() error {
	var refs []string
	for n, k := range l.pl.families[:2] {
		ref := l.pl.registry[k].ref
		refs = append(refs, ref)
		p, c := l.persons[ref], l.cases[ref]
		l.at(4, 6+n)
		if _, err := l.cw.Transition(l.ctx, l.consul, c.ID, casework.Escaped, "escaped during a move between buildings; called the embassy's hotline"); err != nil {
			return err
		}
		l.at(5, 3+n)
		in := screening(p.ID, c.ID, l.compounds[0], "actual", l.clock, n)
		in.ExitMode, in.Setting = "escaped", "embassy, interview room"
		if _, err := l.cw.RecordScreening(l.ctx, l.consul, in); err != nil {
			return err
		}
		if err := l.role(ref, "identified_victim"); err != nil {
			return err
		}
		if err := l.endRole(p.ID, "possible_victim", "identified"); err != nil {
			return err
		}
		if _, err := l.cw.Transition(l.ctx, l.consul, c.ID, casework.Screened, "screened at the embassy"); err != nil {
			return err
		}
		l.at(6, 2+n)
		if _, err := l.cw.IssueTravelDocument(l.ctx, l.consul, c.ID, store.IdentityDocument{Type: "emergency_travel_document",
			Number: fmt.Sprintf("ETD-KH-%06d", 4100+n), Country: "KR", IssuedBy: "Embassy in Phnom Penh"}, "passport held by the compound"); err != nil {
			return err
		}
	}
	l.at(6, 6)
	depart := l.start.Add(7*24*time.Hour + 14*time.Hour + 30*time.Minute)
	f, err := l.cw.CreateFlight(l.ctx, l.consul, &casework.FlightInput{TLP: store.TLPAmber, Number: "KE690", Carrier: "Korean Air",
		From: "PNH", To: "ICN", DepartAt: depart, ArriveAt: depart.Add(5*time.Hour + 20*time.Minute)})
	if err != nil {
		return err
	}
	l.scene.EarlierID = f.ID
	for n, ref := range refs {
		if _, err := l.cw.AddPassenger(l.ctx, l.consul, &casework.PassengerInput{FlightID: f.ID, CaseID: l.cases[ref].ID,
			Seat: fmt.Sprintf("4%dC", n+1), LegalStatus: "victim", FitToFly: "fit", Escort: "consular officer",
			ReceivingAgency: "Incheon Airport Police Unit"}); err != nil {
			return err
		}
	}
	l.at(7, 15)
	if err := l.cw.FlightDeparted(l.ctx, l.consul, f.ID, l.clock); err != nil {
		return err
	}
	l.at(7, 21)
	if err := l.cw.FlightArrived(l.ctx, l.consul, f.ID, l.clock); err != nil {
		return err
	}
	for n, outcome := range []string{"handed_to_family", "referred_to_shelter"} {
		if _, err := l.cw.SetArrivalOutcome(l.ctx, l.consul, f.ID, l.persons[refs[n]].ID, outcome, ""); err != nil {
			return err
		}
	}
	l.at(8, 10)
	if _, err := l.cw.ReferToSupport(l.ctx, l.consul, &casework.ReferralInput{PersonID: l.persons[refs[1]].ID,
		CaseID: l.cases[refs[1]].ID, ToOrg: "SHELTER-KR", Fields: []string{"name", "languages", "needs", "phone"},
		Needs: "medical check, trauma counselling, help with debts to the broker", ConsentNote: "signed consent form, read aloud in Korean"}); err != nil {
		return err
	}
	r, err := l.cw.ReferToSupport(l.ctx, l.consul, &casework.ReferralInput{PersonID: l.persons[refs[0]].ID,
		CaseID: l.cases[refs[0]].ID, ToOrg: "SHELTER-KR", Fields: []string{"name", "needs"}, Needs: "counselling",
		ConsentNote: "oral consent by phone, noted by the consul"})
	if err != nil {
		return err
	}
	l.at(9, 9)
	if _, err := l.cw.WithdrawConsent(l.ctx, l.worker, r.ID, "the survivor chose to stay with the family"); err != nil {
		return err
	}
	l.at(10, 9)
	_, err = l.cw.Transition(l.ctx, l.consul, l.cases[refs[0]].ID, casework.Closed, "home with the family; no further assistance asked")
	return err
}

// raid: the partner police raid the compound and send their arrest list;
// the consul reconciles it, decides what the engine leaves open, and opens
// or moves the detainees' cases.
func (l *consularLoader) raid() error {
	l.at(9, 4)
	if _, err := l.cw.AddRaid(l.ctx, l.consul, l.compounds[0], store.Raid{Date: l.clock.Format(time.DateOnly), Agency: "CNP",
		Result: "raided at dawn: 58 foreigners detained, 13 of them Korean"}, true); err != nil {
		return err
	}
	l.at(10, 2)
	rows, rejects, err := casework.ReadPartnerList("CNP-arrests.csv", strings.NewReader(l.pl.arrestCSV))
	if err != nil {
		return err
	}
	if len(rejects) > 0 {
		return rejects[0]
	}
	truth := map[string]string{} // row_ref -> person ID, for the registry's people
	for i, k := range l.pl.detained {
		truth[l.pl.rowRefs[i]] = l.persons[l.pl.registry[k].ref].ID
	}
	first, err := l.cw.Reconcile(l.ctx, l.consul, "CNP", rows)
	if err != nil {
		return err
	}
	l.at(10, 5)
	for _, r := range first.Rows {
		key, want := casework.PartnerRowKey("CNP", r.RowRef), truth[r.RowRef]
		if r.Person != nil && r.Person.PersonID == want {
			continue
		}
		var others []string
		if r.Person != nil {
			others = append(others, r.Person.PersonID)
		}
		for _, c := range r.Candidates {
			if c.PersonID != want {
				others = append(others, c.PersonID)
			}
		}
		for _, id := range others {
			if err := l.cw.DecideMatch(l.ctx, l.consul, key, id, false, "not the person: checked with the family's photos"); err != nil {
				return err
			}
		}
		if want != "" {
			if err := l.cw.DecideMatch(l.ctx, l.consul, key, want, true, "confirmed by a video call from the holding cell"); err != nil {
				return err
			}
		}
	}
	rec, err := l.cw.Reconcile(l.ctx, l.consul, "CNP", rows)
	if err != nil {
		return err
	}
	l.scene.Reconciliation = rec
	l.at(10, 7)
	for i, r := range rec.Rows {
		var ref string
		if r.Person != nil {
			ref = r.Person.PersonRef
		} else {
			p := l.pl.unknown[i-len(l.pl.detained)]
			row := rows[i]
			person, err := l.cw.CreatePerson(l.ctx, l.consul, &casework.PersonInput{ExternalRef: p.ref, TLP: store.TLPAmber,
				LegalBasis: "Consular Assistance Act (protection of nationals abroad)", Purpose: "consular protection and repatriation",
				Names: []store.PersonName{{Kind: "passport", Script: "Latn", Text: row.NameLatin}}, DOB: row.DOB.String(),
				Nationalities: []string{"KR"}, Notes: "known only from the partner's arrest list (row " + row.RowRef + ")"})
			if err != nil {
				return err
			}
			ref = p.ref
			l.persons[ref] = person
			l.scene.Persons++
		}
		note := "on CNP's arrest list, row " + r.RowRef
		if c, ok := l.cases[ref]; ok {
			if _, err := l.cw.Transition(l.ctx, l.consul, c.ID, casework.Arrested, note); err != nil {
				return err
			}
		} else {
			c, err := l.cw.OpenCase(l.ctx, l.consul, &casework.CaseInput{PersonID: l.persons[ref].ID, State: casework.Arrested,
				TLP: store.TLPAmber, CompoundID: l.compounds[0], Location: "CNP holding cell, Kampot", Note: note})
			if err != nil {
				return err
			}
			l.cases[ref] = c
		}
		if err := l.role(ref, "possible_victim"); err != nil {
			return err
		}
		if err := l.role(ref, "suspect"); err != nil {
			return err
		}
		l.detained = append(l.detained, ref)
	}
	return nil
}

// visits: the consul visits all but the last two detainees (their first
// visits will be overdue), then they move to immigration detention.
func (l *consularLoader) visits() error {
	for i, ref := range l.detained {
		l.at(10, 9+i/3)
		if i < len(l.detained)-2 {
			if _, err := l.cw.RecordAction(l.ctx, l.consul2, l.cases[ref].ID, "visit", "first consular visit; lawyer and interpreter lists given", l.clock); err != nil {
				return err
			}
			if _, err := l.cw.RecordAction(l.ctx, l.consul2, l.cases[ref].ID, "family_notice", "family told of the arrest", l.clock); err != nil {
				return err
			}
		}
	}
	for _, ref := range l.detained {
		l.at(12, 5)
		if _, err := l.cw.Transition(l.ctx, l.consul, l.cases[ref].ID, casework.InDetention, "transferred to the immigration detention centre"); err != nil {
			return err
		}
	}
	return nil
}

// screeningOutcomes are the outcomes of the first eight detainees' screenings.
var screeningOutcomes = []string{"actual", "possible", "actual", "not", "possible", "actual", "possible", "actual"}

// screenings: eight detainees are screened with mixed outcomes; the
// prosecutors file charge evidence against the team leader and a caller.
func (l *consularLoader) screenings() error {
	for i, outcome := range screeningOutcomes {
		ref := l.detained[i]
		p, c := l.persons[ref], l.cases[ref]
		l.at(12+i/3, 7+2*(i%3)) // after the move to detention at 05:00 on day 12
		officer := []trust.Principal{l.consul, l.consul2}[i%2]
		if _, err := l.cw.RecordScreening(l.ctx, officer, screening(p.ID, c.ID, l.compounds[0], outcome, l.clock, i)); err != nil {
			return err
		}
		if _, err := l.cw.Transition(l.ctx, officer, c.ID, casework.Screened, "screening interview recorded"); err != nil {
			return err
		}
		switch outcome {
		case "actual":
			if err := l.role(ref, "identified_victim"); err != nil {
				return err
			}
			if err := l.endRole(p.ID, "possible_victim", "identified as a victim"); err != nil {
				return err
			}
		case "not":
			for _, r := range []string{"manager", "recruiter"} {
				if err := l.role(ref, r); err != nil {
					return err
				}
			}
			if err := l.endRole(p.ID, "possible_victim", "screened: not a victim"); err != nil {
				return err
			}
		}
	}
	evidence := []casework.EvidenceInput{
		{Charge: "fraud (organised)", Kind: "device", Description: "two work phones seized in the raid, with the team's victim lists", Ref: "CNP exhibit 14, sha256:9f1c…"},
		{Charge: "criminal group", Kind: "chat", Description: "team chat export: scripts, quotas and punishments set by the team leader", Ref: "exhibit 15"},
		{Charge: "money laundering", Kind: "financial", Description: "USDT wallet receiving the team's bonuses", Ref: l.pl.wallets[0]},
	}
	for i := range evidence {
		l.at(14+i, 6)
		evidence[i].PersonID, evidence[i].CaseID, evidence[i].TLP = l.persons[l.detained[3]].ID, l.cases[l.detained[3]].ID, store.TLPAmber
		if _, err := l.cw.AddChargeEvidence(l.ctx, l.prosecutor, &evidence[i]); err != nil {
			return err
		}
	}
	l.at(16, 2)
	_, err := l.cw.AddChargeEvidence(l.ctx, l.prosecutor, &casework.EvidenceInput{PersonID: l.persons[l.detained[1]].ID,
		CaseID: l.cases[l.detained[1]].ID, TLP: store.TLPAmber, Charge: "fraud", Kind: "statement",
		Description: "a co-worker's statement naming the person as a caller in the loan-fraud team"})
	return err
}
