package ui

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var formDay = time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC)

// TestMissingFormInput reads sound and faulty forms into intakes.
func TestMissingFormInput(t *testing.T) {
	f := readMissingForm(url.Values{
		"name": {" 김민수 "}, "dob": {"1998년 3월 5일"}, "sex": {"M"}, "nationality": {"KR"},
		"contacts": {"010-4821-7730\n\n@minsu_kh99\n"}, "payee": {"TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"}, "currency": {"USDT"},
		"rep_phone": {"010 2233 4455"}, "rep_relation": {"aunt"}, "danger_now": {"yes"},
	})
	in := f.input(formDay, "ko")
	if len(f.Errors) > 0 {
		t.Fatalf("a sound form has errors: %v", f.Errors)
	}
	s := in.Subject
	if s.Name != "김민수" || s.DOB != "1998-03-05" || s.Sex != "M" || s.Nationality != "KR" || !in.DangerNow {
		t.Errorf("subject %+v, danger %v", s, in.DangerNow)
	}
	if strings.Join(s.Phones, "|") != "010-4821-7730" || strings.Join(s.Handles, "|") != "@minsu_kh99" {
		t.Errorf("phones %q, handles %q", s.Phones, s.Handles)
	}
	if in.Ransom == nil || in.Ransom.AmountMinor != 0 || in.Ransom.Currency != "USDT" || in.Ransom.PayeeAccount == "" {
		t.Errorf("a payee without an amount: ransom %+v", in.Ransom)
	}
	if in.Reporter.Phone != "+821022334455" || in.Reporter.Relation != "" || in.Reporter.Language != "ko" || in.Channel != "web" {
		t.Errorf("reporter %+v (an unknown relation is dropped), channel %q", in.Reporter, in.Channel)
	}

	for name, tc := range map[string]struct {
		form  url.Values
		field string
	}{
		"no name":           {url.Values{"rep_email": {"a@b.org"}}, "name"},
		"a future birth":    {url.Values{"name": {"x"}, "dob": {"2031"}, "rep_email": {"a@b.org"}}, "dob"},
		"no way to call":    {url.Values{"name": {"x"}}, "rep_phone"},
		"a bad e-mail":      {url.Values{"name": {"x"}, "rep_email": {"not mail"}}, "rep_email"},
		"a future contact":  {url.Values{"name": {"x"}, "last_contact": {"2025-12-01"}, "rep_email": {"a@b.org"}}, "last_contact"},
		"an unknown money":  {url.Values{"name": {"x"}, "amount": {"100"}, "currency": {"XYZ"}, "rep_email": {"a@b.org"}}, "amount"},
		"too many contacts": {url.Values{"name": {"x"}, "contacts": {strings.Repeat("@someone_abc\n", maxMissingIDs+1)}, "rep_email": {"a@b.org"}}, "contacts"},
		"a long job ad":     {url.Values{"name": {"x"}, "job_ad": {strings.Repeat("a", maxMissingText+1)}, "rep_email": {"a@b.org"}}, "job_ad"},
		"a national number": {url.Values{"name": {"x"}, "rep_phone": {"010 2233 4455"}}, "rep_phone"}, // an English page and no nationality: no region
	} {
		f := readMissingForm(tc.form)
		f.input(formDay, "en")
		if len(f.Errors[tc.field]) == 0 {
			t.Errorf("%s: no error on %s (errors %v)", name, tc.field, f.Errors)
		}
	}
}

func TestWaited(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Minute:                  "people.dur.hours [0 0]",
		90 * time.Minute:              "people.dur.hours [1 30]",
		50*time.Hour + 10*time.Minute: "people.dur.days [2 2]",
		24 * time.Hour:                "people.dur.days [1 0]",
	} {
		m := waited(d)
		if got := m.Key + " " + fmt.Sprint(m.Args); got != want {
			t.Errorf("waited(%v) = %s, want %s", d, got, want)
		}
	}
}

// FuzzMissingForm: whatever a visitor sends, reading the form neither
// panics nor lets through an intake without a name, with a negative
// ransom, a date of birth it did not check, or invalid text.
func FuzzMissingForm(f *testing.F) {
	f.Add("김민수", "1998년 3월 5일", "010-4821-7730\n@minsu", "1,500.50", "USD", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", "010 2233 4455", "2025-10-01")
	f.Add("", "31/12/1999", "not a thing ???", "-5", "KRW", "", "", "tomorrow")
	f.Add("x", "1899", "+855 95 756 407", "99999999999999999999", "KHR", "acc", "+82 10 1234 5678", "1999-02-30")
	f.Fuzz(func(t *testing.T, name, dob, contacts, amount, currency, payee, phone, last string) {
		fm := readMissingForm(url.Values{"name": {name}, "dob": {dob}, "contacts": {contacts}, "amount": {amount},
			"currency": {currency}, "payee": {payee}, "rep_phone": {phone}, "rep_email": {"a@b.org"}, "last_contact": {last}, "nationality": {"KR"}})
		in := fm.input(formDay, "ko")
		if len(fm.Errors) > 0 {
			return
		}
		if in.Subject.Name == "" && in.Subject.NameLatin == "" {
			t.Fatal("an intake without a name got through")
		}
		if !utf8.ValidString(in.Subject.Name) || len(in.Subject.Name) > maxMissingLine {
			t.Fatalf("name %q got through", in.Subject.Name)
		}
		if r := in.Ransom; r != nil && (r.AmountMinor < 0 || r.Currency == "") {
			t.Fatalf("ransom %+v got through", r)
		}
		if in.Subject.DOB != "" && (len(in.Subject.DOB) < 4 || in.Subject.DOB[:4] > "2025" || in.Subject.DOB[:4] < "1900") {
			t.Fatalf("date of birth %q got through", in.Subject.DOB)
		}
		if !in.LastContactAt.IsZero() && in.LastContactAt.After(formDay.Add(24*time.Hour)) {
			t.Fatalf("last contact %v got through", in.LastContactAt)
		}
	})
}
