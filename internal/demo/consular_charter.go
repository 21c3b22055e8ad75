package demo

import (
	"fmt"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// charter: emergency travel documents for ten detainees, and a charter
// flight in two days with nine of them on its manifest.
func (l *consularLoader) charter() error {
	for i, ref := range l.detained[:10] {
		l.at(16, 3+i/4)
		if _, err := l.cw.IssueTravelDocument(l.ctx, l.consul, l.cases[ref].ID, store.IdentityDocument{Type: "emergency_travel_document",
			Number: fmt.Sprintf("ETD-KH-%06d", 4200+i), Country: "KR", IssuedBy: "Embassy in Phnom Penh"}, "for the charter"); err != nil {
			return err
		}
	}
	l.at(18, 4)
	depart := l.end.Add(2 * 24 * time.Hour).Truncate(24 * time.Hour).Add(15 * time.Hour)
	f, err := l.cw.CreateFlight(l.ctx, l.consul, &casework.FlightInput{TLP: store.TLPAmber, Number: "KE9680", Carrier: "Korean Air",
		Charter: true, From: "PNH", To: "ICN", DepartAt: depart, ArriveAt: depart.Add(5*time.Hour + 30*time.Minute),
		Note: "charter for detainees with emergency travel documents; police escort teams on board"})
	if err != nil {
		return err
	}
	l.scene.CharterID = f.ID
	for i, ref := range l.detained[:9] {
		l.at(18+i/4, 6+i)
		legal := "voluntary"
		switch {
		case i < len(screeningOutcomes) && screeningOutcomes[i] == "actual":
			legal = "victim"
		case i < len(screeningOutcomes) && screeningOutcomes[i] == "possible":
			legal = "warrant_to_execute"
		case i < len(screeningOutcomes) && screeningOutcomes[i] == "not":
			legal = "red_notice"
		}
		fit, note := "fit", ""
		if i == 4 {
			fit, note = "pending", "awaiting the detention centre's medical check"
		}
		if _, err := l.cw.AddPassenger(l.ctx, l.consul, &casework.PassengerInput{FlightID: f.ID, CaseID: l.cases[ref].ID,
			Seat: fmt.Sprintf("%d%c", 20+i/3, 'A'+rune(i%3)), LegalStatus: legal, FitToFly: fit, FitNote: note,
			Escort: escortTeams[i%len(escortTeams)], ReceivingAgency: receivingAgencies[i%len(receivingAgencies)]}); err != nil {
			return err
		}
		l.passengers = append(l.passengers, ref)
	}
	cases, err := l.cw.ListCases(l.ctx, trust.Operator(), store.CaseFilter{})
	if err != nil {
		return err
	}
	l.scene.Cases = len(cases)
	return nil
}

// lateReports: two more families report, the last one a moment ago with
// a ransom demand and danger now; both wait in the triage queue.
func (l *consularLoader) lateReports() error {
	l.at(20, 5)
	if _, err := l.intake(l.pl.queued[0], 7, false); err != nil {
		return err
	}
	l.clock = l.end.Add(-3 * time.Hour)
	_, err := l.intake(l.pl.queued[1], 8, true)
	return err
}
