package ui

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/casework"
	"counterscam/internal/intake"
	"counterscam/internal/match"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// Limits of the missing person form's fields.
const (
	maxMissingLine  = 200      // a name, a handle, an account
	maxMissingText  = 4 << 10  // the job ad
	maxMissingPlace = 1000     // the last known place, as casework keeps it
	maxMissingStory = 16 << 10 // what happened
	maxMissingIDs   = 10       // phones and handles of the person
)

// reporterRelations are the relations the form offers for who reports.
var reporterRelations = []string{"mother", "father", "parent", "spouse", "partner", "sibling", "child", "relative", "friend", "self", "other"}

// missingForm is the missing person form as typed, so that a form with a
// mistake comes back with everything the family wrote.
type missingForm struct {
	DangerNow   bool
	Name        string
	NameLatin   string
	DOB         string
	Sex         string
	Nationality string
	Passport    string
	Contacts    string // the person's phones and messenger handles, one a line
	Location    string
	LastContact string // YYYY-MM-DD
	Amount      string
	Currency    string
	Payee       string
	Recruiter   string
	JobAd       string
	Narrative   string
	RepName     string
	RepRelation string
	RepPhone    string
	RepEmail    string
	Errors      map[string][]message // field -> what to fix
}

func readMissingForm(v url.Values) *missingForm {
	tr := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return &missingForm{
		DangerNow: v.Get("danger_now") == "yes", Name: tr("name"), NameLatin: tr("name_latin"), DOB: tr("dob"),
		Sex: tr("sex"), Nationality: tr("nationality"), Passport: tr("passport"), Contacts: v.Get("contacts"),
		Location: tr("location"), LastContact: tr("last_contact"), Amount: tr("amount"), Currency: tr("currency"),
		Payee: tr("payee"), Recruiter: tr("recruiter"), JobAd: strings.TrimSpace(v.Get("job_ad")),
		Narrative: strings.TrimSpace(v.Get("narrative")), RepName: tr("rep_name"), RepRelation: tr("rep_relation"),
		RepPhone: tr("rep_phone"), RepEmail: tr("rep_email"),
	}
}

func (f *missingForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	f.Errors[field] = append(f.Errors[field], msg(key, args...))
}

// input checks the form and turns it into an intake, or fills f.Errors.
func (f *missingForm) input(today time.Time, lang string) *casework.IntakeInput {
	in := &casework.IntakeInput{Channel: "web", DangerNow: f.DangerNow}
	for _, x := range []struct {
		field string
		v     string
		max   int
	}{
		{"name", f.Name, maxMissingLine}, {"name_latin", f.NameLatin, maxMissingLine}, {"passport", f.Passport, 40},
		{"payee", f.Payee, maxMissingLine}, {"recruiter", f.Recruiter, maxMissingLine}, {"rep_name", f.RepName, maxMissingLine},
		{"location", f.Location, maxMissingPlace}, {"job_ad", f.JobAd, maxMissingText}, {"narrative", f.Narrative, maxMissingStory},
	} {
		if len(x.v) > x.max || !utf8.ValidString(x.v) {
			f.fail(x.field, "missing.err.long", fittingChars(x.v, x.max))
		}
	}
	if f.Name == "" && f.NameLatin == "" {
		f.fail("name", "missing.err.name")
	}
	in.Subject = store.IntakeSubject{Name: f.Name, NameLatin: f.NameLatin, PassportNumber: f.Passport}
	if f.DOB != "" {
		d, err := match.ParseDate(f.DOB)
		switch {
		case err != nil:
			f.fail("dob", "missing.err.dob")
		case d.Year < 1900 || d.Year > today.Year():
			f.fail("dob", "missing.err.dob")
		default:
			in.Subject.DOB = d.String()
		}
	}
	if oneOfStr(f.Sex, []string{"M", "F", "X"}) {
		in.Subject.Sex = f.Sex
	} else {
		f.Sex = ""
	}
	if !knownRegion(f.Nationality) {
		f.Nationality = ""
	}
	in.Subject.Nationality = f.Nationality
	f.contacts(in)
	in.LastLocation = f.Location
	if f.LastContact != "" {
		t, err := time.Parse("2006-01-02", f.LastContact)
		switch {
		case err != nil:
			f.fail("last_contact", "report.err.when")
		case t.After(today.Add(24*time.Hour)) || t.Year() < 2000:
			f.fail("last_contact", "report.err.when_range")
		default:
			in.LastContactAt = t
		}
	}
	f.ransom(in)
	in.RecruiterHandle, in.JobAd, in.Narrative = f.Recruiter, f.JobAd, f.Narrative
	f.reporter(in, lang)
	return in
}

// fittingChars is how many characters of v fit in max bytes: the limit
// said in the characters of the script the family writes in (a byte limit
// of 1000 holds 1000 Latin letters but 333 Hangul or Khmer ones).
func fittingChars(v string, max int) int {
	n, size := 0, 0
	for _, r := range v {
		if size += utf8.RuneLen(r); size > max {
			break
		}
		n++
	}
	return n
}

// contacts reads the person's phones and handles, one a line: each must
// be a phone number or a handle the selector parser reads.
func (f *missingForm) contacts(in *casework.IntakeInput) {
	n := 0
	for i, line := range strings.Split(f.Contacts, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > maxMissingIDs {
			f.fail("contacts", "missing.err.contacts_many", maxMissingIDs)
			return
		}
		sel, err := selector.Parse(line, selector.Options{Region: f.Nationality})
		if err != nil {
			f.fail("contacts", "missing.err.contact", i+1, line)
			continue
		}
		if sel.Kind == selector.Phone {
			in.Subject.Phones = append(in.Subject.Phones, line)
		} else {
			in.Subject.Handles = append(in.Subject.Handles, line)
		}
	}
}

// ransom reads a demand for money: an amount, a payee account, or both.
func (f *missingForm) ransom(in *casework.IntakeInput) {
	if f.Amount == "" && f.Payee == "" {
		return
	}
	if !oneOfStr(f.Currency, formCurrencies) {
		f.fail("amount", "report.err.currency")
		return
	}
	r := &store.Ransom{Currency: f.Currency, PayeeAccount: f.Payee}
	if f.Amount != "" {
		exp, _ := intake.CurrencyExponent(f.Currency)
		minor, ok := parseMinor(f.Amount, exp)
		if !ok {
			key, arg := amountProblem(f.Currency, exp)
			f.fail("amount", key, arg)
			return
		}
		r.AmountMinor = minor
	}
	in.Ransom = r
}

// reporter reads who reports: a phone or an e-mail address is needed, or
// nobody can call back.
func (f *missingForm) reporter(in *casework.IntakeInput, lang string) {
	if !oneOfStr(f.RepRelation, reporterRelations) {
		f.RepRelation = ""
	}
	rep := store.IntakeReporter{Name: f.RepName, Relation: f.RepRelation, Language: lang}
	if f.RepPhone == "" && f.RepEmail == "" {
		f.fail("rep_phone", "missing.err.reporter")
	}
	if f.RepPhone != "" {
		region := defaultRegion(lang)
		if region == "" {
			region = f.Nationality // the family is often at home
		}
		sel, err := selector.ParseAs(selector.Phone, f.RepPhone, selector.Options{Region: region})
		if err != nil {
			f.fail("rep_phone", "report.err.phone")
		}
		rep.Phone = sel.Value
	}
	if f.RepEmail != "" {
		sel, err := selector.ParseAs(selector.Email, f.RepEmail, selector.Options{})
		if err != nil {
			f.fail("rep_email", "report.err.email")
		}
		rep.Email = sel.Value
	}
	in.Reporter = rep
}
