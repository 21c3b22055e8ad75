package casework

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/match"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// PersonInput is a person as an officer or an import gives it, before
// checking and normalising.
type PersonInput struct {
	Origin      string // for the console operator only; others write as their organisation
	ExternalRef string
	TLP         string // empty: AMBER+STRICT (the origin organisation only)
	LegalBasis  string // required: why this personal data may be held
	Purpose     string // required: what it may be used for

	Names         []store.PersonName // at least one; Script detected when empty
	DOB           string             // YYYY-MM-DD, YYYY-MM or YYYY
	Sex           string             // M, F, X (male/female, 남/여 read too)
	Nationalities []string
	Documents     []store.IdentityDocument
	Selectors     []SelectorInput
	Languages     []string
	NextOfKin     []store.Kin
	Notes         string
}

// SelectorInput is a phone, handle, account or other selector as written.
type SelectorInput struct {
	Value  string
	Kind   string // empty: detect
	Role   string // empty: "own"
	Region string // for national phone numbers and accounts; empty: the first nationality
}

// Limits on a person's parts.
const (
	maxText  = 200
	maxNotes = 8 << 10
	maxParts = 50
)

// TLPs are the TLP 2.0 labels.
var TLPs = []string{store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed}

// checkText refuses empty (when required), over-long and invalid text.
func checkText(field, v string, max int, required bool) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		return "", fieldErr(field, "missing")
	case len(v) > max:
		return "", fieldErr(field, "longer than %d bytes", max)
	case !utf8.ValidString(v):
		return "", fieldErr(field, "not valid UTF-8")
	}
	return v, nil
}

// normTLP reads a TLP label, with a default for "".
func normTLP(v, def string) (string, error) {
	if v == "" {
		return def, nil
	}
	v = strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(v), "TLP:")))
	return v, oneOf("tlp", v, TLPs, false)
}

// normCountry reads an ISO 3166-1 alpha-2 code.
func normCountry(field, v string) (string, error) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if len(v) != 2 || strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", fieldErr(field, "%q is not an ISO 3166-1 alpha-2 code", v)
	}
	return v, nil
}

// ParseDOB reads a possibly partial date of birth written YYYY-MM-DD,
// YYYY-MM or YYYY, in 1900 up to the current year.
func ParseDOB(s string) (match.Date, error) {
	s = strings.TrimSpace(s)
	var d match.Date
	if s == "" {
		return d, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d, errors.New("not YYYY-MM-DD, YYYY-MM or YYYY")
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || strings.Trim(p, "0123456789") != "" {
			return d, errors.New("not YYYY-MM-DD, YYYY-MM or YYYY")
		}
		nums[i], _ = strconv.Atoi(p)
	}
	d.Year = nums[0]
	if d.Year < 1900 || d.Year > time.Now().Year() {
		return match.Date{}, errors.New("year out of range")
	}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return match.Date{}, errors.New("month out of range")
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return match.Date{}, errors.New("day out of range for the month")
		}
	}
	return d, nil
}

// normSex reads M, F or X in the usual spellings.
func normSex(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "m", "male", "man", "남", "남성", "남자", "ប្រុស":
		return "M", nil
	case "f", "female", "woman", "여", "여성", "여자", "ស្រី":
		return "F", nil
	case "x", "other", "unknown":
		return "X", nil
	}
	return "", fieldErr("sex", "%q is not M, F or X", s)
}

// scriptOf is the ISO 15924 code of a name's script, detected when not given.
func scriptOf(n store.PersonName) string {
	if n.Script != "" {
		return n.Script
	}
	return string(match.DetectScript(n.Text + n.Family + n.Given))
}

// checkLanguage accepts a BCP 47 tag's shape: letters, digits and hyphens.
func checkLanguage(tag string) (string, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" || len(tag) > 35 || strings.Trim(strings.ToLower(tag), "abcdefghijklmnopqrstuvwxyz0123456789-") != "" ||
		len(strings.SplitN(tag, "-", 2)[0]) < 2 {
		return "", fieldErr("languages", "%q is not a BCP 47 language tag", tag)
	}
	return tag, nil
}

// normSelector parses a selector with the selector package, so that the
// person shares its ID with the intelligence graph.
func (s *Service) normSelector(field string, in SelectorInput, region string) (store.PersonSelector, error) {
	opts := selector.Options{Region: region}
	if in.Region != "" {
		opts.Region = strings.ToUpper(in.Region)
	}
	var (
		sel selector.Selector
		err error
	)
	if in.Kind != "" {
		k, kerr := selector.ParseKindName(in.Kind)
		if kerr != nil {
			return store.PersonSelector{}, fieldErr(field, "%v", kerr)
		}
		sel, err = s.norm.ParseAs(k, in.Value, opts)
	} else {
		sel, err = s.norm.Parse(in.Value, opts)
	}
	if err != nil {
		return store.PersonSelector{}, fieldErr(field, "%v", err)
	}
	role := in.Role
	if role == "" {
		role = "own"
	}
	return store.PersonSelector{SelectorID: sel.ID().String(), Kind: string(sel.Kind), Value: sel.Value,
		Display: sel.Display, Role: role}, nil
}

// normDoc keeps the letters and digits of a document number, upper case.
func normDoc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		}
	}
	return b.String()
}
