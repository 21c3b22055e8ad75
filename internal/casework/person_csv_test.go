package casework

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

const personsCSV = "\ufeffexternal_ref,name,name_latin,date_of_birth,sex,nationality,passport_number,passport_status,aliases,phones,languages\n" +
	"EMB-1,박민호,PARK MINHO,1998-03-07,M,KR,M12345678,held_by_captors,승리;Victory,+855 12 345 678,ko;en\n" +
	"EMB-2,이서연,,1995-11,F,kr,,,,,\n" +
	"EMB-3,សុខ ដារា,SOK DARA,1992,m,KH,N0123456,,,,km\n"

func readPersons(t *testing.T, in string) ([]*PersonRecord, []*RowError) {
	t.Helper()
	pr, err := NewPersonReader("persons.csv", strings.NewReader(in))
	var re *RowError
	if errors.As(err, &re) {
		return nil, []*RowError{re}
	}
	if err != nil {
		t.Fatal(err)
	}
	var recs []*PersonRecord
	var rejects []*RowError
	for {
		rec, err := pr.Next()
		if errors.Is(err, io.EOF) {
			return recs, rejects
		}
		if errors.As(err, &re) {
			rejects = append(rejects, re)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
}

func TestPersonReader(t *testing.T) {
	recs, rejects := readPersons(t, personsCSV)
	if len(rejects) != 0 || len(recs) != 3 {
		t.Fatalf("%d records, rejects %v", len(recs), rejects)
	}
	first := recs[0].Input
	if recs[0].Line != 2 || first.ExternalRef != "EMB-1" || first.DOB != "1998-03-07" || first.Sex != "M" {
		t.Errorf("first = line %d %+v", recs[0].Line, first)
	}
	wantNames := []store.PersonName{{Kind: "primary", Text: "박민호"}, {Kind: "passport", Script: "Latn", Text: "PARK MINHO"},
		{Kind: "alias", Text: "승리"}, {Kind: "alias", Text: "Victory"}}
	if !reflect.DeepEqual(first.Names, wantNames) {
		t.Errorf("names = %+v", first.Names)
	}
	if len(first.Documents) != 1 || first.Documents[0] != (store.IdentityDocument{Type: "passport", Number: "M12345678", Country: "KR", Status: "held_by_captors"}) {
		t.Errorf("documents = %+v", first.Documents)
	}
	if len(first.Selectors) != 1 || first.Selectors[0].Kind != "phone" || !reflect.DeepEqual(first.Languages, []string{"ko", "en"}) {
		t.Errorf("selectors %+v, languages %v", first.Selectors, first.Languages)
	}
	if second := recs[1].Input; len(second.Names) != 1 || second.Nationalities[0] != "KR" || second.Documents != nil {
		t.Errorf("second = %+v", second)
	}
}

func TestPersonReaderRejects(t *testing.T) {
	in := "external_ref,name,date_of_birth,sex,nationality,passport_number,passport_status\n" +
		",박민호,1998,M,KR,,\n" +
		"R2,,1998,M,KR,,\n" +
		"R3,이서연,98-11-20,F,KR,,\n" +
		"R4,이서연,1998-02-30,F,KR,,\n" +
		"R5,이서연,1998,woman?,KR,,\n" +
		"R6,이서연,1998,F,Koreana,,\n" +
		"R7,이서연,1998,F,KR,M1,\n" +
		"R8,이서연,1998,F,KR,M12345678,burnt\n" +
		"R9,이서연,1998,F,KR,,lost\n" +
		"R10,이서연,1998,F,KR\n" +
		"R11,\"이서\"연,1998,F,KR,,\n" +
		"R12,최준영,1990,M,KR,,\n"
	recs, rejects := readPersons(t, in)
	if len(recs) != 1 || recs[0].Input.ExternalRef != "R12" || recs[0].Line != 13 {
		t.Errorf("records = %+v", recs)
	}
	var got []string
	for _, r := range rejects {
		got = append(got, r.Error())
	}
	want := []string{
		"persons.csv:2: external_ref: missing",
		"persons.csv:3: name: missing",
		"persons.csv:4: date_of_birth: not YYYY-MM-DD, YYYY-MM or YYYY",
		"persons.csv:5: date_of_birth: day out of range for the month",
		"persons.csv:6: sex: not M, F or X",
		"persons.csv:7: nationality: \"Koreana\" is not a country: write an ISO 3166-1 code (KR, KOR) or the country's name in English, Korean or Khmer",
		"persons.csv:8: passport_number: fewer than 5 letters and digits",
		"persons.csv:9: passport_status: \"burnt\" is not one of held, held_by_captors, lost, invalidated, replaced, seized, expired",
		"persons.csv:10: passport_status: given without a passport_number",
		"persons.csv:11: wrong number of fields (not as many as the header's columns)",
		"persons.csv:12: a quote out of place (a field with quotes, commas or line breaks must be quoted whole)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejects:\n got  %q\n want %q", got, want)
	}
	for _, h := range []string{"", "name\n", "external_ref,name,surname\n", "external_ref,name,name\n"} {
		if _, rejects := readPersons(t, h); len(rejects) != 1 || rejects[0].Line != 1 {
			t.Errorf("header %q: rejects %v", h, rejects)
		}
	}
}

func TestImportIsIdempotent(t *testing.T) {
	f := newFixture(t)
	recs, _ := readPersons(t, personsCSV)
	opts := ImportOptions{Origin: orgEmbassy, LegalBasis: "consular assistance", Purpose: "protection"}
	res, err := f.svc.ImportPersons(f.ctx, f.op, recs, opts)
	if err != nil || res.Inserted != 3 || res.Unchanged != 0 || len(res.Rejects) != 0 {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	first, err := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")
	if err != nil {
		t.Fatal(err)
	}
	f.advance(3600e9)
	res, err = f.svc.ImportPersons(f.ctx, f.op, recs, opts)
	if err != nil || res.Inserted != 0 || res.Unchanged != 3 {
		t.Fatalf("second import = %+v, %v", res, err)
	}
	if st, _ := f.st.PersonStamp(f.ctx); st.Count != 3 {
		t.Errorf("%d persons after importing twice", st.Count)
	}
	again, _ := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")
	if !reflect.DeepEqual(again, first) {
		t.Error("importing again changed a person")
	}
	// With Update, a corrected row replaces the person and keeps its ID.
	recs[0].Input.DOB = "1998-03-08"
	res, err = f.svc.ImportPersons(f.ctx, f.op, recs[:1], ImportOptions{Origin: orgEmbassy, LegalBasis: "x", Purpose: "y", Update: true})
	if err != nil || res.Updated != 1 {
		t.Fatalf("update = %+v, %v", res, err)
	}
	updated, _ := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")
	if updated.ID != first.ID || updated.DOB != "1998-03-08" || !updated.CreatedAt.Equal(first.CreatedAt) {
		t.Errorf("updated = %+v", updated)
	}
	// The same references under another origin are other persons.
	res, err = f.svc.ImportPersons(f.ctx, f.officer, recs, ImportOptions{LegalBasis: "x", Purpose: "y"})
	if err != nil || res.Inserted != 0 || res.Unchanged != 3 {
		t.Errorf("the embassy's officer importing the embassy's file = %+v, %v", res, err)
	}
	res, err = f.svc.ImportPersons(f.ctx, f.otherOfficer, recs, ImportOptions{LegalBasis: "x", Purpose: "y"})
	if err != nil || res.Inserted != 3 {
		t.Errorf("another organisation's import = %+v, %v", res, err)
	}
	// Without a legal basis every row is refused, naming its line.
	res, err = f.svc.ImportPersons(f.ctx, f.op, recs, ImportOptions{Origin: orgEmbassy})
	if err != nil || len(res.Rejects) != 3 || res.Rejects[0].Line != 2 || res.Rejects[0].Field != "legal_basis" {
		t.Errorf("import without a legal basis = %+v, %v", res, err)
	}
}

// TestImportRefusesAnUnknownOrigin: the console importing under a name
// that is no organisation here (a typo of the embassy's) stores nothing
// and says so, since no member could ever read those persons; the
// console's own origin stays allowed.
func TestImportRefusesAnUnknownOrigin(t *testing.T) {
	f := newFixture(t)
	recs, _ := readPersons(t, personsCSV)
	res, err := f.svc.ImportPersons(f.ctx, f.op, recs, ImportOptions{Origin: "kr-embasy-kh", LegalBasis: "x", Purpose: "y"})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "origin" || fe.Reason != `no organisation named "kr-embasy-kh" (add it with counterscam org add)` || res != nil {
		t.Errorf("import under an unknown origin = %+v, %v", res, err)
	}
	if st, _ := f.st.PersonStamp(f.ctx); st.Count != 0 {
		t.Errorf("%d persons stored under an unknown origin", st.Count)
	}
	res, err = f.svc.ImportPersons(f.ctx, f.op, recs, ImportOptions{LegalBasis: "x", Purpose: "y"})
	if err != nil || res.Inserted != 3 {
		t.Errorf("import under the console's origin = %+v, %v", res, err)
	}
}

// FuzzPersonReader feeds arbitrary files to the persons reader: it must
// never panic, and every row it accepts must name a reference and a name
// and be accepted by the service's checks.
func FuzzPersonReader(f *testing.F) {
	f.Add(personsCSV)
	f.Add("external_ref,name\nA,\"multi\nline\"\n")
	f.Add("external_ref,name,date_of_birth\nA,B,2000-02-29\nC,D,0000\n")
	f.Add("external_ref,name,passport_number,phones\nA,B,\"M 1234-5678\",;;+82 10;\n")
	f.Add("\"external_ref\",\"na\"\"me\"\n")
	svc := New(nil, nil, Config{})
	f.Fuzz(func(t *testing.T, in string) {
		pr, err := NewPersonReader("f.csv", strings.NewReader(in))
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("header error is not a RowError: %v", err)
			}
			return
		}
		for range 10000 {
			rec, err := pr.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RowError
			if errors.As(err, &re) {
				if re.Line < 1 || re.Reason == "" {
					t.Fatalf("row error without line or reason: %+v", re)
				}
				continue
			}
			if err != nil {
				return // a read error of the underlying reader; none here, but not a panic
			}
			if rec.Input.ExternalRef == "" || len(rec.Input.Names) == 0 || rec.Line < 2 {
				t.Fatalf("accepted row without reference or name: %+v", rec)
			}
			in := rec.Input
			in.LegalBasis, in.Purpose = "x", "y"
			in.Selectors = nil // phones are checked by the selector package's own fuzz tests
			if _, err := svc.buildPerson(&in); err != nil {
				var fe *FieldError
				if !errors.As(err, &fe) {
					t.Fatalf("buildPerson: %v", err)
				}
				// The reader checks dates, sex, nationality and documents;
				// the service may still refuse names (length, UTF-8) and the rest.
				switch fe.Field {
				case "date_of_birth", "sex", "nationality", "passport_number", "document_status":
					t.Fatalf("the reader passed a row the service refuses on %s: %s", fe.Field, fe.Reason)
				}
			}
		}
	})
}

// FuzzPartnerList feeds arbitrary files to the partner-list reader: it
// must never panic, and every row it returns has a unique reference and a name.
func FuzzPartnerList(f *testing.F) {
	f.Add(partnerList)
	f.Add("row_ref,name_latin,date_of_birth\n1,A,05/03/1990\n2,B,1990년 3월 5일\n3,C,5 Mar 1990\n")
	f.Add("row_ref,name_latin\n1,\"x\ny\"\n1,z\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, rejects, err := ReadPartnerList("f.csv", strings.NewReader(in))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.RowRef == "" || r.NameLatin == "" || seen[r.RowRef] || r.Line < 2 {
				t.Fatalf("bad row accepted: %+v", r)
			}
			seen[r.RowRef] = true
			if r.DOB.Month > 12 || r.DOB.Day > 31 {
				t.Fatalf("impossible date: %+v", r.DOB)
			}
		}
		for _, re := range rejects {
			if re.Line < 1 || re.Reason == "" {
				t.Fatalf("reject without line or reason: %+v", re)
			}
		}
	})
}

// TestImportUpdateKeepsWhatCaseworkRecorded: importing a corrected list
// again with Update takes the file's fields (here a date of birth and a
// label), and loses nothing casework recorded of the person since that
// the file does not carry: a nickname, a handle, the next of kin, the
// passport's status set since, the emergency travel document issued.
func TestImportUpdateKeepsWhatCaseworkRecorded(t *testing.T) {
	f := newFixture(t)
	recs, _ := readPersons(t, personsCSV)
	opts := ImportOptions{Origin: orgEmbassy, LegalBasis: "consular assistance", Purpose: "protection"}
	if _, err := f.svc.ImportPersons(f.ctx, f.op, recs, opts); err != nil {
		t.Fatal(err)
	}
	p, err := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")
	if err != nil {
		t.Fatal(err)
	}
	in := recs[0].Input
	in.TLP, in.LegalBasis, in.Purpose = p.TLP, p.LegalBasis, p.Purpose
	in.Names = append(in.Names, store.PersonName{Kind: "nickname", Text: "승리짱"})
	in.Selectors = append(in.Selectors, SelectorInput{Value: "@minho_kh", Kind: "handle", Role: "used_in_compound"})
	in.NextOfKin = []store.Kin{{Name: "김영숙", Relation: "mother", Phone: "+82 10-1234-5678", MayContact: true}}
	if _, err := f.svc.ReplacePerson(f.ctx, f.officer, p.ID, &in); err != nil {
		t.Fatal(err)
	}
	f.advance(time.Hour)
	if _, err := f.svc.SetDocumentStatus(f.ctx, f.officer, p.ID, "M12345678", "seized", "kept by the IDC"); err != nil {
		t.Fatal(err)
	}
	c := f.openCase(f.officer, p.ID, InDetention)
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, c.ID, store.IdentityDocument{Number: "ETD-2025-0042"}, ""); err != nil {
		t.Fatal(err)
	}
	before, _ := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")

	recs[0].Input.DOB = "1998-03-08"
	opts.Update, opts.TLP = true, store.TLPAmber
	res, err := f.svc.ImportPersons(f.ctx, f.op, recs[:1], opts)
	if err != nil || res.Updated != 1 {
		t.Fatalf("update = %+v, %v", res, err)
	}
	got, _ := f.st.GetPersonByRef(f.ctx, orgEmbassy, "EMB-1")
	if got.ID != p.ID || got.DOB != "1998-03-08" || got.TLP != store.TLPAmber {
		t.Errorf("the file's fields were not taken: id %s, dob %s, tlp %s", got.ID, got.DOB, got.TLP)
	}
	if !reflect.DeepEqual(got.Documents, before.Documents) {
		t.Errorf("documents after the update:\n got  %+v\n want %+v", got.Documents, before.Documents)
	}
	if !reflect.DeepEqual(got.Names, before.Names) || !reflect.DeepEqual(got.Selectors, before.Selectors) || !reflect.DeepEqual(got.NextOfKin, before.NextOfKin) {
		t.Errorf("after the update: names %+v, selectors %+v, kin %+v", got.Names, got.Selectors, got.NextOfKin)
	}
	if doc := travelDocument(got); doc.Number != "ETD-2025-0042" {
		t.Errorf("the person's travel document after the update is %+v", doc)
	}
}
