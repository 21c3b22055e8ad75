package ui

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// Currencies the public report form offers.
var formCurrencies = []string{"KRW", "USD", "KHR", "USDT", "THB", "VND", "CNY", "EUR"}

// Limits of the public form's fields.
const (
	minNarrative   = 10
	maxIdentifiers = 50
	maxNameLen     = 200
)

// reportForm is the public report form as typed, so that a form with a
// mistake comes back with everything the person wrote.
type reportForm struct {
	ScamType    string
	Narrative   string
	Identifiers string
	Country     string
	When        string
	Amount      string
	Currency    string
	Name        string
	Email       string
	Phone       string
	Consent     bool
	Errors      map[string][]message // field -> what to fix
}

func readReportForm(v url.Values) *reportForm {
	return &reportForm{
		ScamType: v.Get("scam_type"), Narrative: v.Get("narrative"), Identifiers: v.Get("identifiers"),
		Country: v.Get("country"), When: v.Get("when"), Amount: strings.TrimSpace(v.Get("amount")),
		Currency: v.Get("currency"), Name: strings.TrimSpace(v.Get("name")), Email: strings.TrimSpace(v.Get("email")),
		Phone: strings.TrimSpace(v.Get("phone")), Consent: v.Get("consent") == "yes",
	}
}

func (f *reportForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	f.Errors[field] = append(f.Errors[field], msg(key, args...))
}

// input checks the form and turns it into a report, or fills f.Errors.
// Identifiers are checked one a line with the selector parser, so each
// mistake is named with its line.
func (f *reportForm) input(today time.Time) *intel.ReportInput {
	in := &intel.ReportInput{Channel: "web"}
	if !oneOfStr(f.ScamType, intel.ScamTypes) {
		f.fail("scam_type", "report.err.scam_type")
	}
	in.ScamType = f.ScamType
	switch n := utf8.RuneCountInString(strings.TrimSpace(f.Narrative)); {
	case n < minNarrative:
		f.fail("narrative", "report.err.narrative_short")
	case len(f.Narrative) > intel.MaxNarrative, !utf8.ValidString(f.Narrative):
		f.fail("narrative", "report.err.narrative_long", fittingChars(f.Narrative, intel.MaxNarrative))
	}
	in.Narrative = strings.TrimSpace(f.Narrative)
	if f.Country != "" && !knownRegion(f.Country) {
		f.Country = ""
	}
	in.VictimCountry = f.Country
	f.identifiers(in)
	if f.When != "" {
		t, err := time.Parse("2006-01-02", f.When)
		switch {
		case err != nil:
			f.fail("when", "report.err.when")
		case t.After(today.Add(24*time.Hour)) || t.Year() < 2000:
			f.fail("when", "report.err.when_range")
		default:
			in.OccurredAt = t
		}
	}
	f.loss(in)
	f.contact(in)
	return in
}

func (f *reportForm) identifiers(in *intel.ReportInput) {
	n := 0
	for i, line := range strings.Split(f.Identifiers, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > maxIdentifiers {
			f.fail("identifiers", "report.err.too_many", maxIdentifiers)
			return
		}
		sel, err := selector.Parse(line, selector.Options{Region: f.Country})
		if err != nil {
			f.fail("identifiers", "report.err.identifier", i+1, line)
			continue
		}
		in.Selectors = append(in.Selectors, intel.SelectorInput{Value: line, Kind: string(sel.Kind)})
	}
}

func (f *reportForm) loss(in *intel.ReportInput) {
	if f.Amount == "" {
		return
	}
	if !oneOfStr(f.Currency, formCurrencies) {
		f.fail("amount", "report.err.currency")
		return
	}
	exp, _ := intake.CurrencyExponent(f.Currency)
	minor, ok := parseMinor(f.Amount, exp)
	if !ok {
		key, arg := amountProblem(f.Currency, exp)
		f.fail("amount", key, arg)
		return
	}
	if minor > 0 {
		in.Losses = []store.Loss{{AmountMinor: minor, Currency: f.Currency}}
	}
}

func (f *reportForm) contact(in *intel.ReportInput) {
	given := f.Name != "" || f.Email != "" || f.Phone != ""
	if !given && !f.Consent {
		return
	}
	if !f.Consent {
		// Said at once with any mistake in the details, not one round
		// after the other.
		f.fail("consent", "report.err.consent")
	} else if f.Email == "" && f.Phone == "" {
		f.fail("email", "report.err.contact_missing")
		return
	}
	c := &store.Contact{Consent: true}
	if len(f.Name) > maxNameLen {
		f.fail("name", "report.err.name_long")
	}
	c.Name = f.Name
	if f.Email != "" {
		sel, err := selector.ParseAs(selector.Email, f.Email, selector.Options{})
		if err != nil {
			f.fail("email", "report.err.email")
		}
		c.Email = sel.Value
	}
	if f.Phone != "" {
		sel, err := selector.ParseAs(selector.Phone, f.Phone, selector.Options{Region: f.Country})
		if err != nil {
			f.fail("phone", "report.err.phone")
		}
		c.Phone = sel.Value
	}
	if f.Consent {
		in.Contact = c
	}
}

// amountProblem is the message key and its argument for an amount that
// could not be read: a currency without decimals (KRW, VND) is not shown
// an example with decimals and told "at most 0 decimals".
func amountProblem(currency string, exp int) (string, any) {
	if exp == 0 {
		return "report.err.amount_whole", currency
	}
	return "report.err.amount", exp
}

// parseMinor reads a non-negative decimal amount ("1,500.50", "1 000 000")
// into minor units of a currency with exp decimals.
func parseMinor(s string, exp int) (int64, bool) {
	s = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "_", "").Replace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > exp || !digitsOnly(whole) || (frac != "" && !digitsOnly(frac)) {
		return 0, false
	}
	frac += strings.Repeat("0", exp-len(frac))
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	fr := int64(0)
	if frac != "" {
		fr, _ = strconv.ParseInt(frac, 10, 64)
	}
	unit := int64(1)
	for range exp {
		unit *= 10
	}
	if w > (math.MaxInt64-fr)/unit {
		return 0, false
	}
	return w*unit + fr, true
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func oneOfStr(v string, set []string) bool {
	for _, x := range set {
		if x == v {
			return true
		}
	}
	return false
}
