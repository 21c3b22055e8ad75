package demo

import (
	"fmt"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// story is the three weeks of the scene, day by day.
func (l *consularLoader) story() error {
	steps := []struct {
		what string
		fn   func() error
	}{
		{"places", l.places},
		{"records", l.records},
		{"families' reports", l.familyReports},
		{"two escape and fly home", l.escapees},
		{"the raid and the arrest list", l.raid},
		{"visits and detention", l.visits},
		{"screenings", l.screenings},
		{"travel documents and the charter", l.charter},
		{"late reports", l.lateReports},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return fmt.Errorf("demo: consular scene, %s: %w", s.what, err)
		}
	}
	return nil
}

func (l *consularLoader) places() error {
	l.at(0, 2)
	for i := range consularCompounds {
		c, err := l.cw.PutCompound(l.ctx, l.consul, "", &consularCompounds[i])
		if err != nil {
			return err
		}
		l.compounds = append(l.compounds, c.ID)
	}
	for i := range consularZones {
		if _, err := l.cw.PutAdvisoryZone(l.ctx, l.consul, "", &consularZones[i]); err != nil {
			return err
		}
	}
	return nil
}

// personInput is a national as the embassy's records hold them.
func (p cPerson) personInput() *casework.PersonInput {
	in := &casework.PersonInput{ExternalRef: p.ref, TLP: store.TLPAmber,
		LegalBasis: "Consular Assistance Act (protection of nationals abroad)", Purpose: "consular protection and repatriation",
		Names: []store.PersonName{{Kind: "primary", Text: p.hangul()}, {Kind: "passport", Script: "Latn", Text: p.latin}},
		DOB:   p.dob, Sex: p.sex, Nationalities: []string{"KR"},
		Documents: []store.IdentityDocument{{Type: "passport", Number: p.passport, Country: "KR", Status: "held"}},
		Selectors: []casework.SelectorInput{{Value: p.phoneKH, Role: "own"}},
		Languages: []string{"ko"},
		NextOfKin: []store.Kin{{Name: p.kinName, Relation: p.kinRel, Phone: p.kinPhone, MayContact: true}},
	}
	return in
}

// records are the embassy's persons before the scene: passport records of
// nationals known to be in Cambodia.
func (l *consularLoader) records() error {
	l.at(0, 3)
	var recs []*casework.PersonRecord
	for i, p := range l.pl.registry {
		recs = append(recs, &casework.PersonRecord{File: "registry", Line: i + 2, Input: *p.personInput()})
	}
	res, err := l.cw.ImportPersons(l.ctx, l.consul, recs, casework.ImportOptions{TLP: store.TLPAmber,
		LegalBasis: "Consular Assistance Act (protection of nationals abroad)", Purpose: "consular protection and repatriation"})
	if err != nil {
		return err
	}
	if len(res.Rejects) > 0 {
		return res.Rejects[0]
	}
	for _, p := range l.pl.registry {
		rec, err := l.st.GetPersonByRef(l.ctx, "MOFA-KH", p.ref)
		if err != nil {
			return err
		}
		l.persons[p.ref] = rec
	}
	l.scene.Persons = len(l.pl.registry)
	return nil
}

// intake is a family's report of p, with a job ad and, now and then, a
// ransom demand.
func (l *consularLoader) intake(p cPerson, i int, danger bool) (*store.Intake, error) {
	in := &casework.IntakeInput{
		Channel:  "family",
		Reporter: store.IntakeReporter{Name: p.kinName, Relation: p.kinRKo, Phone: p.kinPhone, Language: "ko"},
		Subject: store.IntakeSubject{Name: p.hangul(), NameLatin: p.latin, DOB: p.dob, Sex: p.sex, Nationality: "KR",
			PassportNumber: p.passport, Phones: []string{p.phoneKH}, Handles: []string{p.handle}},
		LastLocation:    []string{"보코산 근처 호텔 단지", "시아누크빌 강변 건물 12층", "바벳 국경 근처 공장 같은 건물"}[i%3],
		LastContactAt:   l.clock.Add(-time.Duration(10+i*7) * time.Hour),
		DangerNow:       danger,
		RecruiterHandle: l.pl.handles[i%len(l.pl.handles)],
		JobAd:           fmt.Sprintf(krJobAds[i%len(krJobAds)], []string{l.pl.handles[i%4], l.pl.sites[i%4]}[i%2]),
		Narrative:       fmt.Sprintf(krNarratives[i%len(krNarratives)], withSubjectParticle(p.kinCalls), l.clock.AddDate(0, 0, -20-i).Format("1월 2일")),
		ReceivedAt:      l.clock,
	}
	if i%2 == 0 {
		in.Ransom = &store.Ransom{AmountMinor: int64(10000+5000*i) * 100, Currency: "USD", PayeeAccount: l.pl.wallets[i%len(l.pl.wallets)]}
	}
	in.Coordinates = consularCompounds[i%len(consularCompounds)].Coordinates
	rec, err := l.cw.CreateIntake(l.ctx, l.public, in)
	if err == nil {
		l.scene.Intakes++
	}
	return rec, err
}

// familyReports: families report five nationals from the records and two
// the embassy did not know; the consul triages them within hours.
func (l *consularLoader) familyReports() error {
	reports := 0
	triage := func(in *store.Intake, personID string) (string, error) {
		l.at(1+reports, 9+reports%4)
		tr, err := l.cw.TriageIntake(l.ctx, l.consul, in.ID, &casework.TriageInput{PersonID: personID, OpenCase: true,
			TLP: store.TLPAmber, Note: "called the family back; asked for recent photos and chat screenshots"})
		if err != nil {
			return "", err
		}
		ref := refOf(tr.Person)
		l.cases[ref] = tr.Case
		l.persons[ref] = tr.Person
		_, err = l.cw.AssignRole(l.ctx, l.consul, &casework.RoleInput{PersonID: tr.Person.ID, CaseID: tr.Case.ID, Role: "possible_victim"})
		return ref, err
	}
	for i, k := range l.pl.families {
		l.at(1+i, 1+3*i)
		p := l.pl.registry[k]
		in, err := l.intake(p, i, i == 0)
		if err != nil {
			return err
		}
		found, err := l.cw.FindPersons(l.ctx, l.consul, p.passport, 1)
		if err != nil || len(found) != 1 {
			return fmt.Errorf("finding %s: %v", p.ref, err)
		}
		if _, err := l.cw.SetDocumentStatus(l.ctx, l.consul, found[0].ID, p.passport, "held_by_captors", "taken on arrival, the family says"); err != nil {
			return err
		}
		reports++
		if _, err := triage(in, found[0].ID); err != nil {
			return err
		}
	}
	for i, p := range l.pl.newByFam {
		l.at(4+i, 2)
		in, err := l.intake(p, 5+i, false)
		if err != nil {
			return err
		}
		reports++
		ref, err := triage(in, "")
		if err != nil {
			return err
		}
		l.newRefs = append(l.newRefs, ref)
		l.scene.Persons++
	}
	// Located: the first two from the places their families sent, and
	// the first new one once their case is open (it was triaged on day 7).
	for i, ref := range []string{l.pl.registry[l.pl.families[0]].ref, l.pl.registry[l.pl.families[1]].ref, l.newRefs[0]} {
		l.at([]int{3, 3, 7}[i], 15)
		if _, err := l.cw.Transition(l.ctx, l.consul, l.cases[ref].ID, casework.Located, "Golden Crane Park, block C, from the location the family sent"); err != nil {
			return err
		}
	}
	return nil
}

// refOf is a person's reference, else its ID.
func refOf(p *store.Person) string {
	if p.ExternalRef != "" {
		return p.ExternalRef
	}
	return p.ID
}

// screening is a screening interview of a person with one of the scene's
// outcomes.
func screening(personID, caseID, compoundID, outcome string, at time.Time, i int) *casework.ScreeningInput {
	in := &casework.ScreeningInput{
		PersonID: personID, CaseID: caseID, TLP: store.TLPAmber, Kind: "both", InterviewedAt: at,
		Interviewer: "consular officer", Interpreter: "not needed", Language: "ko", CounselPresent: i%2 == 0,
		Setting: "immigration detention centre, private room",
		Recruitment: store.Recruitment{Channel: []string{"online_ad", "messenger", "friend"}[i%3],
			AdText: fmt.Sprintf(krJobAds[i%len(krJobAds)], "(텔레그램)"), PromisedJob: "customer service",
			PromisedPay: &store.Money{AmountMinor: 500000, Currency: "USD"}, KnewIllegal: "no"},
		CompoundID: compoundID, RoleInCompound: compoundRoles[i%len(compoundRoles)], DaysInCompound: 40 + 13*i,
		PayReceived: []store.Money{{AmountMinor: int64(30000 * (i%3 + 1)), Currency: "USD"}}, ExitMode: "raid_arrest",
		DecidedBy: "consular officer", DecidedAt: at,
	}
	present := func(code, kind, note string) store.IndicatorFinding {
		return store.IndicatorFinding{Code: code, Present: true, Evidence: []store.Evidence{{Kind: kind, Note: note}}}
	}
	switch outcome {
	case "actual":
		in.Kind = "victim"
		in.Indicators = []store.IndicatorFinding{
			present("deception", "document_record", "job ad screenshot: customer service, 5,000 USD a month"),
			present("retention_of_identity_documents", "testimony", "passport taken at the airport by the driver"),
			present("restriction_of_movement", "co_worker_statement", "guards at the gate; no outing without permission"),
			present("physical_sexual_violence", "medical", "bruises consistent with beatings; electric baton marks"),
			present("debt_bondage", "testimony", "told to pay a 20,000 USD exit fine"),
			{Code: "excessive_overtime", Present: true, Evidence: []store.Evidence{{Kind: "testimony", Note: "14-hour shifts"}}},
		}
		in.Control = []store.ControlFinding{{Code: "MethodsOfControlWithholdsDocuments"}, {Code: "MethodsOfControlPhysicalAbuse"},
			{Code: "MethodsOfControlDebtBondage"}, {Code: "MethodsOfControlRestrictsMovement"}, {Code: "MethodsOfControlFalsePromises"}}
		in.Status, in.DecisionReason = "actual", "deceived, confined and beaten; documents withheld; exit fine"
		in.NonPunishment = store.NonPunishment{Recommendation: "recommend_no_prosecution", Rationale: "the fraud was compelled by confinement and violence"}
	case "possible":
		in.Indicators = []store.IndicatorFinding{
			present("deception", "testimony", "the job was not as advertised"),
			present("retention_of_identity_documents", "testimony", "passport kept by the team leader"),
			{Code: "physical_sexual_violence", Present: false},
		}
		in.Control = []store.ControlFinding{{Code: "MethodsOfControlWithholdsDocuments"}, {Code: "MethodsOfControlThreatOfLawEnforcement"}}
		in.Status, in.DecisionReason = "possible", "indicators present, to be confirmed by co-workers' statements"
		in.NonPunishment = store.NonPunishment{Recommendation: "partial", Rationale: "deceived and held, but stayed on after being offered a way out"}
	case "not":
		in.Kind, in.RoleInCompound = "suspect", "team leader"
		in.RecruitedOthers, in.PromotedToManager, in.DaysInCompound = true, true, 310
		in.Recruitment.KnewIllegal = "yes"
		in.Indicators = []store.IndicatorFinding{{Code: "deception", Present: false}, {Code: "restriction_of_movement", Present: false}}
		in.Status, in.DecisionReason = "not", "came back after a home visit, recruited two others, ran a team of twelve and kept their passports"
		in.NonPunishment = store.NonPunishment{Recommendation: "not_applicable", Rationale: "not a victim: free to leave and profited from the fraud"}
	}
	return in
}
