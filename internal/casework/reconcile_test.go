package casework

import (
	"reflect"
	"strings"
	"testing"

	"counterscam/internal/match"
	"counterscam/internal/store"
)

// herePerson is a person as the embassy holds them.
type herePerson struct {
	ref, hangul, latin, dob, sex, passport string
}

var embassyPersons = []herePerson{
	{"EMB-0001", "박민호", "PARK MINHO", "1998-03-07", "M", "M12345678"},
	{"EMB-0002", "이서연", "LEE SEOYEON", "1995-11-20", "F", "M23456789"},
	{"EMB-0003", "최준영", "CHOI JUNYOUNG", "1990", "M", ""},
	{"EMB-0004", "김지훈", "KIM JIHUN", "2000-01-15", "M", "M34567890"},
	{"EMB-0005", "정하늘", "JUNG HANEUL", "1999-07-01", "F", ""},
	{"EMB-0006", "윤도현", "YOON DOHYUN", "1988-04-04", "M", ""},
	{"EMB-0007", "강민서", "KANG MINSEO", "1997-09-09", "F", ""},
	{"EMB-0008", "김민준", "KIM MINJUN", "1996-06-06", "M", ""},
	{"EMB-0009", "김민준", "KIM MINJUN", "1996-06-06", "M", ""},
}

// partnerList is the Cambodian side's arrest list: Latin spellings as
// they wrote them, dates of birth day first or partial, passports when
// they had them.
const partnerList = `row_ref,name_latin,date_of_birth,nationality,passport_number,place_of_arrest
KH-01,PAK MIN HO,07/03/1998,KR,,Kampot
KH-02,Seo Yeon Lee,1995-11,KR,M 2345 6789,Sihanoukville
KH-03,CHOE JUN YEONG,1990-05-05,KR,,Bavet
KH-04,HAN SEUNG WOO,1993-02-02,KR,M34567890,Poipet
KH-05,YUN DO HYUN,1988-04-04,KR,,Kampot
KH-06,KANG MIN SU,1997,KR,,Kampot
KH-07,KIM MIN JUN,1996-06-06,KR,,Phnom Penh
KH-08,SOK DARA,1992-01-01,KH,,Phnom Penh
`

func reconcileFixture(t *testing.T) (*fixture, map[string]*store.Person) {
	f := newFixture(t)
	byRef := map[string]*store.Person{}
	for _, h := range embassyPersons {
		in := &PersonInput{ExternalRef: h.ref, LegalBasis: "consular assistance", Purpose: "protection",
			Names: []store.PersonName{{Kind: "primary", Text: h.hangul}, {Kind: "passport", Text: h.latin}},
			DOB:   h.dob, Sex: h.sex, Nationalities: []string{"KR"}}
		if h.passport != "" {
			in.Documents = []store.IdentityDocument{{Number: h.passport, Country: "KR", Status: "seized"}}
		}
		byRef[h.ref] = f.person(f.officer, in)
	}
	for _, ref := range []string{"EMB-0001", "EMB-0005"} {
		f.openCase(f.officer, byRef[ref].ID, Arrested)
	}
	return f, byRef
}

func TestReconcilePartnerList(t *testing.T) {
	f, byRef := reconcileFixture(t)
	rows, rejects, err := ReadPartnerList("kh-arrests.csv", strings.NewReader(partnerList))
	if err != nil || len(rejects) != 0 || len(rows) != 8 {
		t.Fatalf("ReadPartnerList: %d rows, rejects %v, %v", len(rows), rejects, err)
	}
	const partner = "kh-gdi"
	// Officers decided two rows before: KH-05 is not 윤도현 (another man
	// of that name and birthday), KH-06 is 강민서 (the list has her year
	// of birth only and a misheard given name).
	if err := f.svc.DecideMatch(f.ctx, f.officer, PartnerRowKey(partner, "KH-05"), byRef["EMB-0006"].ID, false, "different father's name"); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DecideMatch(f.ctx, f.officer, byRef["EMB-0007"].ID, PartnerRowKey(partner, "KH-06"), true, "confirmed by video call"); err != nil {
		t.Fatal(err)
	}
	rec, err := f.svc.Reconcile(f.ctx, f.officer2, partner, rows)
	if err != nil {
		t.Fatal(err)
	}
	type outcome struct{ status, reason, person string }
	var got []outcome
	for _, r := range rec.Rows {
		o := outcome{r.Status, r.Reason, ""}
		switch {
		case r.Person != nil:
			o.person = r.Person.PersonRef
		case len(r.Candidates) > 0:
			var refs []string
			for _, c := range r.Candidates {
				refs = append(refs, c.PersonRef)
			}
			o.person = strings.Join(refs, "+")
		}
		got = append(got, o)
	}
	want := []outcome{
		{StatusMatched, ReasonNameAndBirth, "EMB-0001"},        // Park/Pak, day-first date
		{StatusMatched, ReasonDocument, "EMB-0002"},            // swapped order, partial date, spaced passport number
		{StatusConflict, ReasonPossible, "EMB-0003"},           // Choi/Choe, year of birth only here
		{StatusConflict, ReasonDocumentName, "EMB-0004"},       // same passport, another name
		{StatusUnmatched, "", ""},                              // decided different
		{StatusMatched, ReasonDecision, "EMB-0007"},            // decided same
		{StatusConflict, ReasonAmbiguous, "EMB-0008+EMB-0009"}, // two persons here fit
		{StatusUnmatched, "", ""},                              // nobody here
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || got[i] != want[i] {
				t.Errorf("row %d: got %+v, want %+v", i, at(got, i), at(want, i))
			}
		}
	}
	// Every match is explained feature by feature.
	m := rec.Rows[0].Person
	if m.Class != "match" || m.Score < match.MatchThreshold || !hasFeature(m.Features, "family name") || !hasFeature(m.Features, "date of birth") {
		t.Errorf("KH-01's match = %+v", m)
	}
	if c := rec.Rows[3].Candidates[0]; !hasFeature(c.Features, "passport") {
		t.Errorf("KH-04's conflict does not show the passport: %+v", c.Features)
	}
	// The arrested person no row named is listed from our side.
	if len(rec.Unmatched) != 1 || rec.Unmatched[0].PersonRef != "EMB-0005" {
		t.Errorf("unmatched here = %+v", rec.Unmatched)
	}
	if want := map[string]int{StatusMatched: 3, StatusConflict: 3, StatusUnmatched: 2}; !reflect.DeepEqual(rec.Counts, want) {
		t.Errorf("counts = %v", rec.Counts)
	}
	// Another organisation's officer finds none of the embassy's persons.
	other, err := f.svc.Reconcile(f.ctx, f.otherOfficer, partner, rows)
	if err != nil || other.Counts[StatusUnmatched] != len(rows) || len(other.Unmatched) != 0 {
		t.Errorf("another organisation's reconciliation = %+v, %v", other.Counts, err)
	}
}

func at[T any](xs []T, i int) any {
	if i < len(xs) {
		return xs[i]
	}
	return nil
}

func hasFeature(fs []Feature, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

func TestReconcileDuplicateRowsAndNewPersons(t *testing.T) {
	f, byRef := reconcileFixture(t)
	rows := []PartnerRow{
		{RowRef: "A", NameLatin: "PARK MIN HO", DOB: match.Date{Year: 1998, Month: 3, Day: 7}, Nationality: "KR"},
		{RowRef: "B", NameLatin: "Bak Minho", DOB: match.Date{Year: 1998, Month: 3, Day: 7}, Nationality: "KR"},
	}
	rec, err := f.svc.Reconcile(f.ctx, f.officer, "kh-gdi", rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rec.Rows {
		if r.Status != StatusConflict || r.Reason != ReasonDuplicateRow || r.Candidates[0].PersonRef != "EMB-0001" {
			t.Errorf("row %s = %+v", r.RowRef, r)
		}
	}
	// A person created after the index was built is found: the index
	// follows the store.
	in := &PersonInput{ExternalRef: "EMB-0100", LegalBasis: "x", Purpose: "y", Names: []store.PersonName{{Text: "한승우"}, {Kind: "passport", Text: "HAN SEUNGWOO"}},
		DOB: "1993-02-02", Sex: "M", Nationalities: []string{"KR"}}
	f.person(f.officer, in)
	rec, err = f.svc.Reconcile(f.ctx, f.officer, "kh-gdi", []PartnerRow{{RowRef: "C", NameLatin: "HAN SEUNG WOO", DOB: match.Date{Year: 1993, Month: 2, Day: 2}, Nationality: "KR"}})
	if err != nil || rec.Rows[0].Status != StatusMatched || rec.Rows[0].Person.PersonRef != "EMB-0100" {
		t.Errorf("a new person: %+v, %v", rec.Rows[0], err)
	}
	// A changed person is found under their new name.
	changed := &PersonInput{ExternalRef: "EMB-0004", LegalBasis: "x", Purpose: "y", Names: []store.PersonName{{Text: "김지호"}, {Kind: "passport", Text: "KIM JIHO"}},
		DOB: "2000-01-15", Sex: "M", Nationalities: []string{"KR"}}
	if _, err := f.svc.ReplacePerson(f.ctx, f.officer, byRef["EMB-0004"].ID, changed); err != nil {
		t.Fatal(err)
	}
	rec, err = f.svc.Reconcile(f.ctx, f.officer, "kh-gdi", []PartnerRow{{RowRef: "D", NameLatin: "KIM JI HO", DOB: match.Date{Year: 2000, Month: 1, Day: 15}, Nationality: "KR"}})
	if err != nil || rec.Rows[0].Status != StatusMatched || rec.Rows[0].Person.PersonRef != "EMB-0004" {
		t.Errorf("a changed person: %+v, %v", rec.Rows[0], err)
	}
}

func TestReadPartnerListRejects(t *testing.T) {
	in := "row_ref,name_latin,date_of_birth,nationality\n" +
		"1,PARK MINHO,1998-03-07,KR\n" +
		",NO REF,1990,KR\n" +
		"3,,1990,KR\n" +
		"1,AGAIN,1990,KR\n" +
		"5,LEE,the day after,KR\n" +
		"6,KIM,1990,Koreana\n" +
		"7,\"CHOI \"JUN\",1990,KR\n" +
		"8,CHOI,1990\n"
	rows, rejects, err := ReadPartnerList("list.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].RowRef != "1" || rows[0].DOB != (match.Date{Year: 1998, Month: 3, Day: 7}) || rows[0].Line != 2 {
		t.Errorf("rows = %+v", rows)
	}
	var got []string
	for _, r := range rejects {
		got = append(got, r.Error())
	}
	want := []string{
		"list.csv:3: row_ref: missing",
		"list.csv:4: name_latin: missing",
		"list.csv:5: row_ref: the same reference is on an earlier row",
		"list.csv:6: date_of_birth: not a date of birth the partner lists use",
		"list.csv:7: nationality: \"Koreana\" is not a country: write an ISO 3166-1 code (KR, KOR) or the country's name in English, Korean or Khmer",
		"list.csv:8: a quote out of place (a field with quotes, commas or line breaks must be quoted whole)",
		"list.csv:9: wrong number of fields (not as many as the header's columns)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejects:\n got  %q\n want %q", got, want)
	}
	for _, bad := range []string{"", "row_ref,surname\n", "name_latin\n", "row_ref,name_latin,row_ref\n"} {
		_, rejects, err := ReadPartnerList("x.csv", strings.NewReader(bad))
		if err != nil || len(rejects) != 1 || rejects[0].Line != 1 {
			t.Errorf("header %q: rejects %v, %v", bad, rejects, err)
		}
	}
}
