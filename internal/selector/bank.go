package selector

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bank accounts. The canonical form is "CC:BANKCODE:DIGITS": the ISO 3166-1
// country, the bank's code in that country (empty when unknown), and the
// account number's digits with every separator removed and leading zeros
// kept ("KR:004:12345678901234", "KR::123456789012", "KH:ABA:000123456").
// Subtype is the bank code. IBANs are kept whole instead: Value is the IBAN
// in upper case without spaces, Subtype "iban", Display grouped in fours.
//
// Accepted input:
//
//	KR:004:12345678901234          the canonical form
//	국민은행 123-456-789012          a bank name before or after the number
//	KB 123456-01-234567
//	ABA Bank 000 123 456
//	KR 123456789012                a country code instead of a bank
//	DE89 3704 0044 0532 0130 00    an IBAN (mod-97 checked)
//	123456789012                   only with Options.Region ("KR::...")
//
// A bare number without bank, country or Options.Region is not an account:
// too many other things are strings of digits.

// Account-number lengths: Korean banks issue 10 to 14 digits; elsewhere we
// accept 6 to 20.
const (
	bankMaxInput = 200
	bankMinKR    = 10
	bankMaxKR    = 14
	bankMinOther = 6
	bankMaxOther = 20
	bankMaxCode  = 12
)

// bankFillerWords are words around an account number that say nothing
// about which bank it is ("계좌번호", "account no."). They are compared
// after bankNormName.
var bankFillerWords = map[string]bool{
	"계좌": true, "계좌번호": true, "번호": true, "입금계좌": true,
	"account": true, "accountno": true, "accountnumber": true, "acct": true,
	"acc": true, "ac": true, "no": true, "number": true,
	"stk": true, "tk": true, "sotaikhoan": true, "taikhoan": true, "số": true, "tài": true, "khoản": true,
	"账号": true, "账户": true, "卡号": true, "银行卡": true, "收款账户": true,
	"บัญชี": true, "เลขที่บัญชี": true, "เลขบัญชี": true,
	"គណនី": true, "លេខគណនី": true,
}

func parseBankAccount(raw string, o Options) (Selector, error) {
	if len(raw) > bankMaxInput {
		return Selector{}, invalid(BankAccount, CodeTooLong, raw, "too long for a bank account")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(BankAccount, CodeBadUTF8, raw, "not valid UTF-8")
	}
	if s, ok, err := bankParseCanonical(raw); ok {
		return s, err
	}
	// An IBAN-shaped string that fails its checks may still be a bank name
	// and a number ("SC 1234..." is SC First Bank, and SC is Seychelles):
	// the IBAN's reason is only reported when nothing else fits.
	var ibanFault fault
	if iban := ibanCompact(raw); iban != "" {
		if _, known := ibanLengths[iban[:2]]; known {
			ibanFault = ibanCheck(iban)
			if !ibanFault.failed() {
				return Selector{Kind: BankAccount, Value: iban, Display: ibanGroup(iban), Region: iban[:2], Subtype: "iban"}, nil
			}
		}
	}
	s, err := bankParseNamed(raw, o)
	if err != nil && ibanFault.failed() {
		return Selector{}, ibanFault.err(BankAccount, raw)
	}
	return s, err
}

// bankParseNamed parses an account number with a bank name or country
// around it, or a bare number with Options.Region.
func bankParseNamed(raw string, o Options) (Selector, error) {
	digits, text, ok := bankSplit(raw)
	if !ok {
		return Selector{}, invalid(BankAccount, CodeBankOneNumber, raw, "expected one account number, with or without a bank name")
	}
	region := strings.ToUpper(o.Region)
	if text == "" {
		if !bankIsCountry(region) {
			return Selector{}, invalid(BankAccount, CodeBankNeedsBank, raw, "a bare number needs a bank name or a country")
		}
		return bankSelector(raw, region, "", digits)
	}
	if e, ok := bankLookup(text, region); ok {
		return bankSelector(raw, e.Country, e.Code, digits)
	}
	// A country code must stand apart from the number: "KR 123..." is a
	// Korean account, "DE89 3704..." is a (failed) IBAN.
	if cc := strings.ToUpper(text); bankIsCountry(cc) && bankCodeStandsApart(raw) {
		return bankSelector(raw, cc, "", digits)
	}
	if _, ok := bankLookup(text, ""); !ok && len(bankByAlias[bankNormName(text)]) > 1 {
		return Selector{}, invalid(BankAccount, CodeBankAmbiguous, raw, "bank name "+text+" is used in several countries; give the country")
	}
	return Selector{}, invalid(BankAccount, CodeBankUnknown, raw, "unknown bank "+text)
}

// bankParseCanonical parses "CC:CODE:DIGITS". ok is false when raw is not
// in that shape at all; then the other forms are tried.
func bankParseCanonical(raw string) (s Selector, ok bool, err error) {
	parts := strings.Split(raw, ":")
	if len(parts) != 3 || len(parts[0]) != 2 {
		return Selector{}, false, nil
	}
	cc := strings.ToUpper(parts[0])
	if !bankIsCountry(cc) {
		return Selector{}, false, nil
	}
	code := strings.ToUpper(parts[1])
	if len(code) > bankMaxCode {
		return Selector{}, true, invalid(BankAccount, CodeBankCode, raw, "bank code too long")
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return Selector{}, true, invalid(BankAccount, CodeBankCode, raw, "a bank code is letters and digits")
		}
	}
	digits := parts[2]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return Selector{}, true, invalid(BankAccount, CodeBankDigitsOnly, raw, "the account number in CC:CODE:DIGITS is digits only")
		}
	}
	s, err = bankSelector(raw, cc, code, digits)
	return s, true, err
}

// bankSplit separates the one run of digits (with spaces, dashes or dots
// between them) from the words around it, and drops filler words. Full-width
// digits count as digits.
func bankSplit(raw string) (digits, text string, ok bool) {
	var d, t strings.Builder
	runs := 0
	inRun := false
	pendingSep := false
	for _, r := range raw {
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		switch {
		case r >= '0' && r <= '9':
			if !inRun {
				runs++
				inRun = true
			}
			pendingSep = false
			d.WriteRune(r)
		case inRun && (r == ' ' || r == '-' || r == '.'):
			if pendingSep {
				// Two separators in a row end the number.
				inRun = false
				t.WriteRune(' ')
			}
			pendingSep = true
		default:
			inRun = false
			pendingSep = false
			t.WriteRune(r)
		}
	}
	if runs != 1 {
		return "", "", false
	}
	var kept []string
	for _, w := range strings.FieldsFunc(t.String(), func(r rune) bool {
		return r == ' ' || r == ':' || r == '#' || r == ',' || r == '/' || r == '(' || r == ')' || r == '\t'
	}) {
		if !bankFillerWords[bankNormName(w)] && bankNormName(w) != "" {
			kept = append(kept, w)
		}
	}
	return d.String(), strings.Join(kept, " "), true
}

// bankCodeStandsApart says whether the letters at either end of raw are
// separated from its digits by something other than a digit.
func bankCodeStandsApart(raw string) bool {
	if len(raw) < 3 {
		return false
	}
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if !isDigit(raw[0]) {
		return !isDigit(raw[2])
	}
	return !isDigit(raw[len(raw)-3])
}

// bankIsCountry says whether cc is two upper-case ASCII letters.
func bankIsCountry(cc string) bool {
	return len(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
}

func bankSelector(raw, cc, code, digits string) (Selector, error) {
	lo, hi := bankMinOther, bankMaxOther
	if cc == "KR" {
		lo, hi = bankMinKR, bankMaxKR
	}
	if len(digits) < lo || len(digits) > hi {
		return Selector{}, fault{code: CodeBankLength, region: cc, accepted: strconv.Itoa(lo) + "–" + strconv.Itoa(hi),
			reason: "an account number in " + cc + " has " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi) + " digits"}.err(BankAccount, raw)
	}
	display := cc + " " + digits
	if e, ok := bankByCountryCode(cc, code); ok {
		display = e.display() + " " + digits
	} else if code != "" {
		display = cc + " " + code + " " + digits
	}
	return Selector{
		Kind:    BankAccount,
		Value:   cc + ":" + code + ":" + digits,
		Display: display,
		Region:  cc,
		Subtype: code,
	}, nil
}
