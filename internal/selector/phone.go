package selector

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Phone numbers.
//
// Numbers are read with libphonenumber's metadata (github.com/nyaruka/
// phonenumbers) and must be valid, not merely possible. The input may use
// any common punctuation (spaces, hyphens, dots, brackets, slashes), a
// leading "+" or "tel:", and digits in ASCII, full width, Khmer, Thai, Lao,
// Myanmar, Arabic-Indic, Devanagari or Bengali script; letters are refused
// (vanity numbers are not worth the confusion with handles and accounts).
//
// How the digits are read, in order, taking the first reading that gives a
// valid number:
//  1. "+CC..." is international.
//  2. "00CC..." is read with Options.Region (whose own international prefix
//     it may be, e.g. 001 from Korea), then as "+CC...": 00 is the
//     international prefix nearly everywhere.
//  3. Other digits are read as a national number of Options.Region (with
//     or without the trunk 0: 012 345 678 and 12 345 678 are both
//     +855 12 345 678 for KH; a number that starts with the region's own
//     country code is recognised too), then, unless they start with 0, as
//     an international number whose "+" was left out (855 12 345 678).
//
// Value is E.164, Display the international format, Region the number's
// ISO 3166 region (empty for non-geographic numbers such as +800 or +882),
// Subtype its type (mobile, fixed_line, fixed_line_or_mobile, toll_free,
// premium_rate, shared_cost, voip, personal_number, pager, uan, voicemail).

// maxPhoneLen bounds the raw input: the longest plausible spelling of a
// number, with punctuation, is far shorter.
const maxPhoneLen = 64

// maxPhoneDigits is E.164's 15 digits plus a two-digit international
// prefix.
const maxPhoneDigits = 17

// phoneTypeNames names each number type; UNKNOWN is never returned since
// such numbers are invalid.
var phoneTypeNames = [...]string{
	phonenumbers.FIXED_LINE:           "fixed_line",
	phonenumbers.MOBILE:               "mobile",
	phonenumbers.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
	phonenumbers.TOLL_FREE:            "toll_free",
	phonenumbers.PREMIUM_RATE:         "premium_rate",
	phonenumbers.SHARED_COST:          "shared_cost",
	phonenumbers.VOIP:                 "voip",
	phonenumbers.PERSONAL_NUMBER:      "personal_number",
	phonenumbers.PAGER:                "pager",
	phonenumbers.UAN:                  "uan",
	phonenumbers.VOICEMAIL:            "voicemail",
	phonenumbers.UNKNOWN:              "unknown",
}

func parsePhone(raw string, o Options) (Selector, error) {
	return parsePhoneWith(raw, o, nil)
}

// parsePhoneWith parses a phone number, with the precompiled metadata of
// eng when it is not nil (same results, less time; see phone_engine.go).
func parsePhoneWith(raw string, o Options, eng *phoneEngine) (Selector, error) {
	if len(raw) > maxPhoneLen {
		return Selector{}, invalid(Phone, CodeTooLong, raw, "too long for a phone number")
	}
	var buf [maxPhoneDigits + 1]byte
	digits, plus, f := phoneDigits(raw, buf[:0])
	if f.failed() {
		return Selector{}, f.err(Phone, raw)
	}
	region := normalizeRegion(o.Region)
	var s Selector
	ok := false
	switch {
	case plus:
		s, ok = readPhone(digits, true, "", eng)
	case len(digits) > 2 && digits[0] == '0' && digits[1] == '0':
		if region != "" {
			s, ok = readPhone(digits, false, region, eng)
		}
		if !ok {
			s, ok = readPhone(digits[2:], true, "", eng)
		}
	default:
		if region != "" {
			s, ok = readPhone(digits, false, region, eng)
		}
		if !ok && digits[0] != '0' {
			s, ok = readPhone(digits, true, "", eng)
		}
	}
	if !ok {
		if region == "" && !plus {
			return Selector{}, invalid(Phone, CodePhoneNoRegion, raw, "not a valid international number (no region given for a national one)")
		}
		if region == "" || plus {
			return Selector{}, invalid(Phone, CodePhoneInvalid, raw, "not a valid number")
		}
		return Selector{}, &Error{Kind: Phone, Input: raw, Reason: "not a valid number for " + region + " nor an international one", Code: CodePhoneNotInRegion, Region: region}
	}
	return s, nil
}

// normalizeRegion upper-cases a two-letter region code and drops anything
// else.
func normalizeRegion(r string) string {
	if len(r) != 2 {
		return ""
	}
	a, b := r[0]&^0x20, r[1]&^0x20
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return ""
	}
	if a == r[0] && b == r[1] {
		return r
	}
	return string([]byte{a, b})
}

// readPhone reads ASCII digits, as an international number when intl (the
// digits then start with the country code) or else as a national number
// of region, and reports whether they make a valid number.
func readPhone(digits []byte, intl bool, region string, eng *phoneEngine) (Selector, bool) {
	if eng != nil {
		return eng.read(digits, intl, region)
	}
	in := string(digits)
	if intl {
		in = "+" + in
	}
	var n phonenumbers.PhoneNumber
	if err := phonenumbers.ParseToNumber(in, region, &n); err != nil {
		return Selector{}, false
	}
	if !phonenumbers.IsValidNumber(&n) {
		return Selector{}, false
	}
	typ := phonenumbers.GetNumberType(&n)
	reg := phonenumbers.GetRegionCodeForNumber(&n)
	if reg == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
		reg = ""
	}
	return Selector{
		Kind:    Phone,
		Value:   phonenumbers.Format(&n, phonenumbers.E164),
		Display: phonenumbers.Format(&n, phonenumbers.INTERNATIONAL),
		Region:  reg,
		Subtype: phoneTypeName(typ),
	}, true
}

func phoneTypeName(t phonenumbers.PhoneNumberType) string {
	if int(t) >= 0 && int(t) < len(phoneTypeNames) {
		return phoneTypeNames[t]
	}
	return "unknown"
}

// phoneDigits reads the digits of a written phone number into buf as
// ASCII, and whether it starts with a plus sign; or says why it is not a
// phone number.
func phoneDigits(raw string, buf []byte) ([]byte, bool, fault) {
	s := raw
	if len(s) > 4 && strings.EqualFold(s[:4], "tel:") {
		s = s[4:]
	}
	plus := false
	for _, r := range s {
		if d := digitValue(r); d >= 0 {
			if len(buf) == maxPhoneDigits {
				return nil, false, fault{code: CodePhoneTooMany, reason: "too many digits"}
			}
			buf = append(buf, byte('0'+d))
			continue
		}
		switch {
		case r == '+' || r == '＋':
			if plus || len(buf) > 0 {
				return nil, false, fault{code: CodePhonePlus, reason: "misplaced +"}
			}
			plus = true
		case isPhoneSeparator(r):
		default:
			return nil, false, fault{code: CodePhoneCharacters, reason: "only digits, spaces, punctuation and a leading + may appear in a phone number"}
		}
	}
	if len(buf) < 3 {
		return nil, false, fault{code: CodePhoneTooFewDigits, reason: "too few digits"}
	}
	return buf, plus, fault{}
}

// isPhoneSeparator reports whether r is punctuation people write in phone
// numbers: spaces, hyphens and dashes, dots, brackets and slashes, in ASCII
// and full width.
func isPhoneSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', '-', '.', '(', ')', '/',
		'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212',
		'\uff08', '\uff09', '\uff0d', '\uff0e', '\uff0f', '\u30fc':
		return true
	}
	return r >= '\u2000' && r <= '\u200b' // typographic spaces
}

// digitValue is the value of a decimal digit in one of the scripts phone
// numbers are written in around here, or -1.
func digitValue(r rune) int {
	for _, zero := range digitZeros {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

// digitZeros are the zeros of the digit ranges digitValue reads: ASCII,
// Arabic-Indic, extended Arabic-Indic, Devanagari, Bengali, Thai, Lao,
// Myanmar, Khmer and full-width.
var digitZeros = [...]rune{'0', '\u0660', '\u06f0', '\u0966', '\u09e6', '\u0e50', '\u0ed0', '\u1040', '\u17e0', '\uff10'}
