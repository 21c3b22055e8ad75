package intake

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// ScamTypes is the scam-type vocabulary.
var ScamTypes = []string{
	"romance", "crypto_investment", "gambling", "job_lure", "voice_phishing",
	"impersonation", "sextortion", "loan", "shopping", "other",
}

// scamTypeAliases are other names accepted for a scam type.
var scamTypeAliases = map[string]string{
	"pig_butchering": "crypto_investment",
	"recruitment":    "job_lure",
	"vishing":        "voice_phishing",
}

// NormalizeScamType returns the canonical scam type s stands for: case,
// spaces and hyphens do not matter, and the aliases pig_butchering,
// recruitment and vishing are accepted.
func NormalizeScamType(s string) (string, bool) {
	k := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	if a, ok := scamTypeAliases[k]; ok {
		return a, true
	}
	for _, t := range ScamTypes {
		if t == k {
			return t, true
		}
	}
	return "", false
}

// Channels is the channel vocabulary; imports default to "import".
var Channels = []string{"web", "api", "import", "partner"}

// DefaultTLP is the label of a record that gives none. Imported reports
// carry victims' own words, so they start at AMBER (shared on a need-to-know
// basis within the receiving organisations) rather than GREEN: a label that
// is too strict can be relaxed later, a report shared too widely cannot be
// taken back. A mapping default or a tlp column sets another.
const DefaultTLP = store.TLPAmber

// NormalizeTLP returns the TLP 2.0 label s stands for. A "TLP:" prefix and
// case do not matter; WHITE (TLP 1.0) means CLEAR.
func NormalizeTLP(s string) (string, bool) {
	u := strings.ToUpper(strings.TrimSpace(s))
	u = strings.TrimPrefix(u, "TLP:")
	switch u {
	case store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed:
		return u, true
	case "WHITE":
		return store.TLPClear, true
	}
	return "", false
}

// norm checks and normalises one scalar value, trimmed and not empty. It
// returns the normal form and, when the value is bad, a reason.
func (b *builder) norm(f fieldID, s string) (string, *RowError) {
	switch f {
	case fScamType:
		t, ok := NormalizeScamType(s)
		if !ok {
			return "", &RowError{Code: RowBadScamType, Value: s, Accepted: strings.Join(ScamTypes, ", "),
				Reason: fmt.Sprintf("%s is not a scam type (one of %s; pig_butchering, recruitment and vishing are accepted as aliases)", quote(s), strings.Join(ScamTypes, ", "))}
		}
		return t, nil
	case fVictimCountry:
		c := strings.ToUpper(s)
		if !IsCountry(c) {
			return "", &RowError{Code: RowBadCountry, Value: s,
				Reason: fmt.Sprintf("%s is not an ISO 3166-1 alpha-2 country code (such as KR, KH, TH, VN, CN)", quote(s))}
		}
		return c, nil
	case fTLP:
		t, ok := NormalizeTLP(s)
		if !ok {
			return "", &RowError{Code: RowBadTLP, Value: s, Accepted: "CLEAR, GREEN, AMBER, AMBER+STRICT, RED",
				Reason: fmt.Sprintf("%s is not a TLP label (CLEAR, GREEN, AMBER, AMBER+STRICT or RED)", quote(s))}
		}
		return t, nil
	case fChannel:
		c := strings.ToLower(s)
		for _, k := range Channels {
			if k == c {
				return c, nil
			}
		}
		return "", &RowError{Code: RowBadChannel, Value: s, Accepted: strings.Join(Channels, ", "),
			Reason: fmt.Sprintf("%s is not a channel (one of %s)", quote(s), strings.Join(Channels, ", "))}
	case fReceivedAt, fOccurredAt:
		_, e := b.parseTime(s, f == fOccurredAt)
		return s, e
	case fLossCurrency:
		c := strings.ToUpper(s)
		if _, ok := CurrencyExponent(c); !ok {
			return "", &RowError{Code: RowBadCurrency, Value: s, Accepted: currencyExamples,
				Reason: fmt.Sprintf("%s is not an ISO 4217 currency code (or USDT, USDC, BTC, ETH, TRX)", quote(s))}
		}
		return c, nil
	case fLossAmount:
		_, _, code, reason := splitAmount(s, b.thousands())
		if reason != "" {
			return s, &RowError{Code: code, Value: s, Reason: reason}
		}
		return s, nil
	case fContactEmail:
		return s, coded(RowBadEmail, "", checkEmail(s))
	case fPAP:
		t, ok := NormalizeTLP(strings.TrimPrefix(strings.ToUpper(s), "PAP:"))
		if !ok || t == store.TLPAmberStrict {
			return "", &RowError{Code: RowBadPAP, Value: s, Accepted: "CLEAR, GREEN, AMBER, RED",
				Reason: fmt.Sprintf("%s is not a PAP label (CLEAR, GREEN, AMBER or RED)", quote(s))}
		}
		return t, nil
	case fRecipients:
		var out []string
		for _, e := range strings.Split(s, ";") {
			if e = strings.ToLower(strings.TrimSpace(e)); e == "" {
				continue
			}
			if reason := checkEmail(e); reason != "" {
				return "", coded(RowBadEmail, "", "a recipient "+reason)
			}
			out = append(out, e)
		}
		return strings.Join(out, ";"), nil
	case fContactPhone:
		return s, coded(RowBadPhone, "5–17", checkContactPhone(s))
	case fContactConsent:
		v, ok := parseBool(s)
		if !ok {
			return "", &RowError{Code: RowBadBool, Value: s, Accepted: "true/false, yes/no, y/n, 1/0",
				Reason: fmt.Sprintf("%s is not yes or no (true/false, yes/no, y/n, 1/0)", quote(s))}
		}
		if v {
			return "true", nil
		}
		return "false", nil
	}
	return s, nil
}

// parseTime reads an RFC 3339 time, or one in the mapping's time format,
// or (where dateOK) a date alone.
func (b *builder) parseTime(s string, dateOK bool) (time.Time, *RowError) {
	loc := time.UTC
	if b.m != nil && b.m.loc != nil {
		loc = b.m.loc
	}
	var t time.Time
	var err error = errNoTime
	if b.m != nil && b.m.TimeFormat != "" {
		t, err = time.ParseInLocation(b.m.TimeFormat, s, loc)
	}
	if err != nil {
		t, err = time.Parse(time.RFC3339, s)
	}
	if err != nil && dateOK {
		t, err = time.ParseInLocation(time.DateOnly, s, loc)
	}
	if err != nil {
		f := fReceivedAt
		if dateOK {
			f = fOccurredAt
		}
		m := b.m
		if m == nil {
			m = &Mapping{}
		}
		e := &RowError{Code: RowBadTime, Value: s, Accepted: acceptedDefault(f, m)}
		if b.m != nil && b.m.TimeFormat != "" {
			e.Reason = fmt.Sprintf("%s matches neither time_format %s nor RFC 3339", quote(s), quote(b.m.TimeFormat))
			return time.Time{}, e
		}
		what := "an RFC 3339 time (such as 2025-03-01T14:30:00+09:00)"
		if dateOK {
			what = "an RFC 3339 time or date (such as 2025-03-01T14:30:00+09:00 or 2025-03-01)"
		}
		e.Reason = fmt.Sprintf("%s is not %s", quote(s), what)
		return time.Time{}, e
	}
	t = t.UTC()
	if y := t.Year(); y < 1970 || y > 2100 {
		return time.Time{}, &RowError{Code: RowTimeRange, Value: s, Reason: fmt.Sprintf("%s is not between 1970 and 2100", quote(s))}
	}
	return t, nil
}

var errNoTime = fmt.Errorf("no time")

func (b *builder) thousands() string {
	if b.m == nil {
		return ""
	}
	return b.m.ThousandsSeparator
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "1":
		return true, true
	case "false", "no", "n", "0":
		return false, true
	}
	return false, false
}

func checkEmail(s string) string {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") ||
		!strings.Contains(domain, ".") || strings.ContainsAny(s, " \t,;<>") {
		return "is not an e-mail address"
	}
	return ""
}

func checkContactPhone(s string) string {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-() ./", r):
		default:
			return "is not a phone number (digits, spaces and + - ( ) . / only)"
		}
	}
	if digits < 5 || digits > 17 {
		return "is not a phone number (it needs 5 to 17 digits)"
	}
	return ""
}

// checkText says what is wrong with a value's encoding or characters, if
// anything. Only multi-line fields may hold line breaks and tabs.
func checkText(s string, multiline bool) string {
	if e := checkTextCode(s, multiline); e != nil {
		return e.Reason
	}
	return ""
}

// checkTextCode is checkText with the problem's code and, for a control
// character, its name (U+0009) as the value; nil when the text is good.
func checkTextCode(s string, multiline bool) *RowError {
	if !utf8.ValidString(s) {
		return &RowError{Code: RowBadUTF8, Reason: "is not valid UTF-8 (save the file as UTF-8; spreadsheet programs call it \"CSV UTF-8\")"}
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			if multiline && (r == '\n' || r == '\r' || r == '\t') {
				continue
			}
			u := fmt.Sprintf("U+%04X", r)
			return &RowError{Code: RowControlChar, Value: u, Reason: "holds the control character " + u}
		}
	}
	return nil
}

// roleExamples are the roles a bad one is answered with.
const roleExamples = "contacted_by, paid_to, recruited_via, website, mentioned"

// maxRoleLen is the longest role, in bytes.
const maxRoleLen = 32

// kindNames lists the selector kinds, as a bad one is answered with.
func kindNames() string {
	kinds := make([]string, len(selector.Kinds))
	for i, k := range selector.Kinds {
		kinds[i] = string(k)
	}
	return strings.Join(kinds, ", ")
}

// checkKindRole checks a selector's kind and role names (lower case): nil
// when both are good, else the problem with the kind (RowSelectorKind) or
// the role (RowSelectorRole), Value the name as given.
func checkKindRole(kind, role string) *RowError {
	if kind != "" {
		if _, err := selector.ParseKindName(kind); err != nil {
			return &RowError{Code: RowSelectorKind, Value: kind, Accepted: kindNames(), Reason: err.Error()}
		}
	}
	if role == "" {
		return nil
	}
	bad := &RowError{Code: RowSelectorRole, Value: role, Accepted: roleExamples}
	if len(role) > maxRoleLen {
		bad.Reason = fmt.Sprintf("a role is at most %d characters", maxRoleLen)
		return bad
	}
	for i := 0; i < len(role); i++ {
		c := role[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			bad.Reason = fmt.Sprintf("role %s: use lower-case letters, digits and _ (%s)", quote(role), roleExamples)
			return bad
		}
	}
	return nil
}
