package casework

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// familyReport is a mother's report in Korean: her son went for a job
// advertised on Telegram, is held in Sihanoukville, and a ransom is asked
// to a USDT wallet.
func familyReport() *IntakeInput {
	return &IntakeInput{
		Channel:  "family",
		Reporter: store.IntakeReporter{Name: "정미경", Relation: "mother", Phone: "+82 10-2222-3333", Language: "ko"},
		Subject: store.IntakeSubject{Name: "정우진", NameLatin: "JEONG WOOJIN", DOB: "2001년 5월 3일", Sex: "남", Nationality: "kr",
			PassportNumber: "M98765432", Phones: []string{"+855 96 555 0101"}, Handles: []string{"t.me/woojin_j"}},
		LastLocation:    "시아누크빌 프린스 베이 근처 건물 7층",
		Coordinates:     &store.Coordinates{Lat: 10.6255, Lon: 103.5230},
		LastContactAt:   time.Date(2025, 10, 12, 22, 0, 0, 0, time.UTC),
		DangerNow:       true,
		Ransom:          &store.Ransom{AmountMinor: 2000000, Currency: "usd", PayeeAccount: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"},
		RecruiterHandle: "@goldjob_kh",
		JobAd:           "캄보디아 고수익 CS 알바, 월 800만원, 항공권 제공. 문의 텔레그램 @goldjob_kh 또는 https://goldjob-kh.example.com/apply",
		Narrative:       "아들이 10월 1일 출국 후 연락이 끊겼다가 어제 밤 감금되어 있다고 연락이 왔습니다.",
	}
}

func TestIntakeJoinsTheGraph(t *testing.T) {
	f := newFixture(t)
	in, err := f.svc.CreateIntake(f.ctx, f.public, familyReport())
	if err != nil {
		t.Fatal(err)
	}
	if in.Origin != intel.PublicOrigin || in.TLP != store.TLPGreen || in.LegalBasis != IntakeLegalBasis {
		t.Errorf("a public intake's marking = %s %s %q", in.Origin, in.TLP, in.LegalBasis)
	}
	if in.Subject.DOB != "2001-05-03" || in.Subject.Sex != "M" || in.Subject.Nationality != "KR" || in.Ransom.Currency != "USD" {
		t.Errorf("subject = %+v, ransom %+v", in.Subject, in.Ransom)
	}
	if in.ReportID == "" {
		t.Fatal("no intelligence report")
	}
	r, err := f.st.GetReport(f.ctx, in.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if r.ExternalRef != "intake:"+in.ID || r.ScamType != "job_lure" || r.Origin != intel.PublicOrigin {
		t.Errorf("report = %s %s %s", r.ExternalRef, r.ScamType, r.Origin)
	}
	if strings.Contains(r.Narrative, "정우진") || strings.Contains(r.Narrative, "정미경") {
		t.Error("the report's narrative names the person or the reporter")
	}
	if !strings.Contains(r.Narrative, "Ransom demanded: 20,000.00 USD.") {
		t.Errorf("the ransom is not in the narrative in dollars: %q", r.Narrative)
	}
	roles := map[string][]string{}
	for _, s := range r.Selectors {
		roles[s.Kind+" "+s.Value] = append(roles[s.Kind+" "+s.Value], s.Role)
	}
	for key, role := range map[string]string{
		"crypto TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9": "paid_to",
		"handle telegram:goldjob_kh":                "recruited_via",
		"phone +855965550101":                       "mentioned",
		"url https://goldjob-kh.example.com/apply":  "recruited_via",
	} {
		if got := roles[key]; !slices.Contains(got, role) {
			t.Errorf("report selector %s: role %q (have %v)", key, got, roles)
		}
	}
	// The intake names the same selector IDs as the report.
	for _, sel := range in.Selectors {
		if !slices.ContainsFunc(r.Selectors, func(rs store.ReportSelector) bool { return rs.SelectorID == sel.SelectorID }) {
			t.Errorf("intake selector %s %s is not in the report", sel.Kind, sel.Value)
		}
	}
	// A second report naming the recruiter's handle links to it.
	second, _, err := f.intel.CreateReport(f.ctx, f.op, &intel.ReportInput{Origin: orgPolice, ExternalRef: "KH-1", ScamType: "job_lure",
		TLP: "GREEN", Selectors: []intel.SelectorInput{{Value: "@goldjob_kh", Kind: "handle"}}})
	if err != nil {
		t.Fatal(err)
	}
	first, _ := f.st.GetReport(f.ctx, in.ReportID)
	second, _ = f.st.GetReport(f.ctx, second.ID)
	if first.NetworkID == "" || first.NetworkID != second.NetworkID {
		t.Errorf("intake report in network %q, the recruiter's other report in %q", first.NetworkID, second.NetworkID)
	}
}

func TestTriageQueueOrder(t *testing.T) {
	f := newFixture(t)
	mk := func(name string, danger bool, ago time.Duration) *store.Intake {
		in := familyReport()
		in.Subject = store.IntakeSubject{Name: name}
		in.Ransom, in.JobAd, in.RecruiterHandle = nil, "", ""
		in.DangerNow, in.ReceivedAt = danger, f.clock.Add(-ago)
		rec, err := f.svc.CreateIntake(f.ctx, f.officer, in)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	old := mk("김하나", false, 5*time.Hour)
	urgentNew := mk("이둘", true, 1*time.Hour)
	urgentOld := mk("박셋", true, 3*time.Hour)
	newest := mk("최넷", false, 0)
	q, err := f.svc.TriageQueue(f.ctx, f.officer2)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	var waited []time.Duration
	for _, it := range q {
		order = append(order, it.Intake.ID)
		waited = append(waited, it.Waited)
	}
	if want := []string{urgentOld.ID, urgentNew.ID, old.ID, newest.ID}; !reflect.DeepEqual(order, want) {
		t.Errorf("queue = %v, want %v", order, want)
	}
	if want := []time.Duration{3 * time.Hour, time.Hour, 5 * time.Hour, 0}; !reflect.DeepEqual(waited, want) {
		t.Errorf("waited = %v, want %v", waited, want)
	}
	if q, _ := f.svc.TriageQueue(f.ctx, f.otherOfficer); len(q) != 0 {
		t.Errorf("another organisation sees %d AMBER intakes", len(q))
	}
	if _, err := f.svc.TriageQueue(f.ctx, f.worker); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a support worker reads the queue: %v", err)
	}
	if _, err := f.svc.CreateIntake(f.ctx, f.partner, familyReport()); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a partner filed an intake: %v", err)
	}
}

func TestTriageMakesPersonAndCase(t *testing.T) {
	f := newFixture(t)
	in, err := f.svc.CreateIntake(f.ctx, f.public, familyReport())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := f.svc.TriageIntake(f.ctx, f.officer, in.ID, &TriageInput{OpenCase: true, Note: "called the mother back"})
	if err != nil {
		t.Fatal(err)
	}
	p := tr.Person
	if p.Origin != orgEmbassy || p.TLP != store.TLPAmberStrict || len(p.Names) != 2 || p.Names[0].Text != "정우진" ||
		p.DOB != "2001-05-03" || len(p.Documents) != 1 || len(p.NextOfKin) != 1 || p.NextOfKin[0].Relation != "mother" {
		t.Errorf("person from the intake = %+v", p)
	}
	phone, _ := selector.Parse("+855 96 555 0101", selector.Options{})
	if !slices.ContainsFunc(p.Selectors, func(s store.PersonSelector) bool { return s.SelectorID == phone.ID().String() }) {
		t.Errorf("the person's phone is not linked: %+v", p.Selectors)
	}
	if tr.Case == nil || tr.Case.State != string(Reported) || tr.Case.IntakeID != in.ID || tr.Intake.CaseID != tr.Case.ID {
		t.Errorf("case = %+v, intake %+v", tr.Case, tr.Intake)
	}
	if q, _ := f.svc.TriageQueue(f.ctx, f.officer); len(q) != 0 {
		t.Errorf("the triaged intake is still queued")
	}
	if _, err := f.svc.TriageIntake(f.ctx, f.officer, in.ID, &TriageInput{}); err == nil {
		t.Error("an intake was triaged twice")
	}
}

func TestIntakeRefusesBadFields(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		name  string
		edit  func(*IntakeInput)
		field string
	}{
		{"no one", func(in *IntakeInput) { in.Subject.Name, in.Subject.NameLatin = "", "" }, "name"},
		{"channel", func(in *IntakeInput) { in.Channel = "pigeon" }, "channel"},
		{"coordinates", func(in *IntakeInput) { in.Coordinates = &store.Coordinates{Lat: 100} }, "coordinates"},
		{"ransom", func(in *IntakeInput) { in.Ransom.AmountMinor = -1 }, "ransom"},
		{"dob", func(in *IntakeInput) { in.Subject.DOB = "yesterday" }, "date_of_birth"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := familyReport()
			tt.edit(in)
			_, err := f.svc.CreateIntake(f.ctx, f.officer, in)
			wantField(t, err, tt.field)
		})
	}
}

// TestTriageQueueReadsAreAudited: the queue shows each waiting intake's
// missing person by name, with where they were last, to every case officer
// and prosecutor who may read it (a family's report is GREEN): each read
// is in the audit trail, by whom, as a read of one intake is; an intake
// the reader may not see leaves no entry of theirs.
func TestTriageQueueReadsAreAudited(t *testing.T) {
	f := newFixture(t)
	public, err := f.svc.CreateIntake(f.ctx, f.public, familyReport())
	if err != nil {
		t.Fatal(err)
	}
	in := familyReport()
	in.TLP = "AMBER+STRICT"
	own, err := f.svc.CreateIntake(f.ctx, f.officer, in)
	if err != nil {
		t.Fatal(err)
	}
	q, err := f.svc.TriageQueue(f.ctx, f.prosecutor)
	if err != nil {
		t.Fatal(err)
	}
	if len(q) != 1 || q[0].Intake.ID != public.ID || q[0].Intake.Subject.Name == "" {
		t.Fatalf("the prosecutor's queue: %+v, want the public intake only", q)
	}
	want := "u-pros read intake allow"
	if got := f.auditOf(public.ID); !slices.Contains(got, want) {
		t.Errorf("audit of the public intake: %q, want %q among them", got, want)
	}
	for _, e := range f.auditOf(own.ID) {
		if strings.HasPrefix(e, "u-pros ") {
			t.Errorf("audit of the embassy's own intake has the prosecutor's %q", e)
		}
	}
}
