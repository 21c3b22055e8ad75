package ui

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// FuzzScreeningForm: any screening form, however malformed, gives either
// errors or a screening whose choices are in their vocabularies, whose
// present indicators carry evidence and whose numbers are sound; never a
// panic.
func FuzzScreeningForm(f *testing.F) {
	f.Add("both", "2025-10-20", "Consul Han", "messenger", "1,500", "USD", "no", "yes", "testimony", "promised an office job", "94", "200", "actual", "grounds", "recommend_no_prosecution", "rationale", "yes")
	f.Add("", "9999-99-99", "", "fax", "-1", "XXX", "maybe", "perhaps", "", "", "-3", "1e9", "", "", "", "\xff", "")
	f.Fuzz(func(t *testing.T, kind, date, who, channel, pay, cur, knew, present, evKind, evNote, days, received, status, reason, rec, rationale, moc string) {
		v := url.Values{"kind": {kind}, "interviewed_at": {date}, "interviewer": {who}, "tlp": {"AMBER+STRICT"}, "channel": {channel},
			"promised_pay": {pay}, "promised_currency": {cur}, "knew_illegal": {knew}, "ind.deception.present": {present},
			"ind.deception.kind": {evKind}, "ind.deception.note": {evNote}, "moc.MethodsOfControlThreats.present": {moc},
			"moc.MethodsOfControlThreats.kind": {evKind}, "days_in_compound": {days}, "pay_received": {received},
			"received_currency": {cur}, "status": {status}, "decision_reason": {reason}, "decided_by": {who},
			"recommendation": {rec}, "rationale": {rationale}}
		// A second row of evidence, its fields the other way round.
		v.Add("ind.deception.kind", evNote)
		v.Add("ind.deception.note", evKind)
		fm := readScreeningForm(v)
		in := fm.input("01K000000000000000000000PX", time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC))
		if len(fm.Errors) > 0 {
			return
		}
		if !slices.Contains(casework.ScreeningKinds, in.Kind) || !slices.Contains(casework.TraffickingStatuses, in.Status) ||
			!slices.Contains(casework.Recommendations, in.NonPunishment.Recommendation) || in.InterviewedAt.IsZero() {
			t.Errorf("accepted kind %q, status %q, recommendation %q, date %v", in.Kind, in.Status, in.NonPunishment.Recommendation, in.InterviewedAt)
		}
		for _, ind := range in.Indicators {
			if ind.Present && len(ind.Evidence) == 0 {
				t.Errorf("indicator %s present without evidence", ind.Code)
			}
			for _, e := range ind.Evidence {
				if !slices.Contains(casework.EvidenceKinds, e.Kind) || !utf8.ValidString(e.Note) {
					t.Errorf("evidence %+v", e)
				}
			}
		}
		if in.DaysInCompound < 0 || (in.Recruitment.PromisedPay != nil && in.Recruitment.PromisedPay.AmountMinor < 0) {
			t.Errorf("days %d, pay %+v", in.DaysInCompound, in.Recruitment.PromisedPay)
		}
		for _, s := range []string{in.Interviewer, in.DecisionReason, in.NonPunishment.Rationale, in.DecidedBy} {
			if s == "" || !utf8.ValidString(s) {
				t.Errorf("accepted text %q", s)
			}
		}
	})
}

// TestScreeningFormMapsServiceFields: a refusal of the service lands on
// the form's field.
func TestScreeningFormMapsServiceFields(t *testing.T) {
	for svc, form := range map[string]string{"recruitment_channel": "channel", "non_punishment_rationale": "rationale",
		"indicator_evidence": "indicators", "interviewer": "interviewer", "method_of_control": "control",
		"state": "form", "": "form"} {
		if got := screeningField(svc); got != form {
			t.Errorf("screeningField(%q) = %q, want %q", svc, got, form)
		}
	}
}

// FuzzFlightForm: any new-flight form gives errors or a flight with IATA
// codes, a departure, and an arrival not before it; never a panic.
func FuzzFlightForm(f *testing.F) {
	f.Add("KE9680", "pnh", "ICN", "2025-11-07T15:00", "2025-11-07T20:30", "AMBER")
	f.Add("", "Phnom Penh", "I", "tomorrow", "2025-11-07T14:00", "PINK")
	f.Fuzz(func(t *testing.T, number, from, to, depart, arrive, tlp string) {
		fm := readFlightForm(url.Values{"number": {number}, "from": {from}, "to": {to}, "depart_at": {depart}, "arrive_at": {arrive}, "tlp": {tlp}})
		in := fm.input()
		if len(fm.Errors) > 0 {
			return
		}
		if !iata(in.From) || !iata(in.To) || in.Number == "" || len(in.Number) > 20 || in.DepartAt.IsZero() ||
			(!in.ArriveAt.IsZero() && in.ArriveAt.Before(in.DepartAt)) || !slices.Contains(casework.TLPs, in.TLP) {
			t.Errorf("accepted %+v", in)
		}
	})
}

// TestPartnerListsKeepTheirOwnersAndAge: an upload is the uploader's
// alone, forgotten after reconcileKeep, and the oldest goes when the
// store is full.
func TestPartnerListsKeepTheirOwnersAndAge(t *testing.T) {
	pl := &partnerLists{lists: map[string]*partnerList{}}
	t0 := now()
	first := pl.put(&partnerList{user: "u1", partner: "CNP", at: t0.Add(-time.Hour)})
	if pl.get(first, "u1") == nil || pl.get(first, "u2") != nil || pl.get("nope", "u1") != nil {
		t.Fatal("a list is not its uploader's alone")
	}
	old := pl.put(&partnerList{user: "u1", at: t0.Add(-reconcileKeep - time.Minute)})
	if pl.get(old, "u1") != nil {
		t.Error("an expired list is still served")
	}
	var ids []string
	for i := 0; i < reconcileLists; i++ {
		ids = append(ids, pl.put(&partnerList{user: "u1", at: t0.Add(time.Duration(i) * time.Second)}))
	}
	if len(pl.lists) != reconcileLists || pl.get(first, "u1") != nil || pl.get(ids[len(ids)-1], "u1") == nil {
		t.Errorf("%d lists kept; the oldest still there: %v", len(pl.lists), pl.get(first, "u1") != nil)
	}
}

// TestScreeningFormSeveralEvidence: a finding takes several pieces of
// evidence, the n-th value of each of its fields making the n-th piece;
// rows left blank are dropped, a row with a reference but no kind is
// refused once however many such rows, and more than scrMaxEvidence
// pieces are refused. Rows offers a blank row only while there is room.
func TestScreeningFormSeveralEvidence(t *testing.T) {
	today := time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC)
	base := func() url.Values {
		return url.Values{"kind": {"victim"}, "interviewed_at": {"2025-10-20"}, "interviewer": {"Consul Han"}, "tlp": {"AMBER+STRICT"},
			"status": {"actual"}, "decision_reason": {"grounds"}, "decided_by": {"Consul Han"},
			"recommendation": {"recommend_no_prosecution"}, "rationale": {"compulsion"}}
	}
	v := base()
	v["ind.deception.present"] = []string{"yes"}
	v["ind.deception.kind"] = []string{"testimony", "", "chat_log", ""}
	v["ind.deception.ref"] = []string{"", "", "chat export 12", ""}
	v["ind.deception.note"] = []string{"promised an office job", "", " the ad, saved by his sister ", ""}
	v["moc.MethodsOfControlThreats.present"] = []string{"yes"}
	v["moc.MethodsOfControlThreats.kind"] = []string{"testimony", "medical"}
	v["moc.MethodsOfControlThreats.note"] = []string{"threatened with resale", "bruises on both arms"}
	fm := readScreeningForm(v)
	in := fm.input("01K000000000000000000000PX", today)
	if len(fm.Errors) > 0 {
		t.Fatalf("errors: %v", fm.Errors)
	}
	wantInd := []store.Evidence{{Kind: "testimony", Note: "promised an office job"}, {Kind: "chat_log", Ref: "chat export 12", Note: "the ad, saved by his sister"}}
	if len(in.Indicators) != 1 || in.Indicators[0].Code != "deception" || !reflect.DeepEqual(in.Indicators[0].Evidence, wantInd) {
		t.Errorf("indicators = %+v, want deception with %+v", in.Indicators, wantInd)
	}
	wantMoc := []store.Evidence{{Kind: "testimony", Note: "threatened with resale"}, {Kind: "medical", Note: "bruises on both arms"}}
	if len(in.Control) != 1 || !reflect.DeepEqual(in.Control[0].Evidence, wantMoc) {
		t.Errorf("methods of control = %+v, want %+v", in.Control, wantMoc)
	}
	var deception findingForm
	for _, x := range fm.Indicators {
		if x.Code == "deception" {
			deception = x
		}
	}
	if rows := deception.Rows(); len(rows) != 3 || rows[2] != (evidenceForm{}) || rows[1].Ref != "chat export 12" {
		t.Errorf("the rows shown again = %+v, want the two pieces and a blank row", rows)
	}

	v = base()
	v["ind.deception.present"] = []string{"yes"}
	v["ind.deception.kind"] = []string{"testimony", "", ""}
	v["ind.deception.ref"] = []string{"", "exhibit 3", "exhibit 4"}
	fm = readScreeningForm(v)
	fm.input("01K000000000000000000000PX", today)
	if got := fm.Errors["ind.deception"]; len(got) != 1 || got[0].Key != "repat.err.evidence_kind" {
		t.Errorf("two pieces without a kind: errors %+v, want evidence_kind once", got)
	}

	v = base()
	v["ind.deception.present"] = []string{"yes"}
	for i := range scrMaxEvidence + 1 {
		v.Add("ind.deception.kind", "testimony")
		v.Add("ind.deception.note", fmt.Sprintf("account %d", i+1))
	}
	fm = readScreeningForm(v)
	fm.input("01K000000000000000000000PX", today)
	if got := fm.Errors["ind.deception"]; len(got) != 1 || got[0].Key != "repat.err.evidence_many" {
		t.Errorf("%d pieces: errors %+v, want evidence_many", scrMaxEvidence+1, got)
	}
	full := findingForm{Evidence: make([]evidenceForm, scrMaxEvidence)}
	if len(full.Rows()) != scrMaxEvidence {
		t.Errorf("a full finding offers %d rows, want %d (no blank one)", len(full.Rows()), scrMaxEvidence)
	}
}
