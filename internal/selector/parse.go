package selector

import (
	"strings"
)

// parsers maps each kind to its parser. Every parser takes the raw value
// (already trimmed) and returns the canonical selector or an *Error.
var parsers = map[Kind]func(raw string, o Options) (Selector, error){
	Phone:       parsePhone,
	Email:       parseEmail,
	URL:         parseURL,
	Domain:      parseDomain,
	IP:          parseIP,
	Crypto:      parseCrypto,
	BankAccount: parseBankAccount,
	Card:        parseCard,
	Handle:      parseHandle,
}

// ParseAs parses raw as a selector of kind k.
func ParseAs(k Kind, raw string, o Options) (Selector, error) {
	p, ok := parsers[k]
	if !ok {
		return Selector{}, &Error{Input: raw, Reason: "unknown selector kind " + string(k), Code: CodeUnknownKind, Accepted: kindNames}
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Selector{}, invalid(k, CodeEmpty, raw, "empty value")
	}
	return p(raw, o)
}

// Parse detects the kind of raw and parses it. Values that could be several
// kinds are resolved in a fixed order (see detect), so the same input always
// gives the same selector.
func Parse(raw string, o Options) (Selector, error) {
	return parseAuto(raw, o, nil)
}

// parseAuto is Parse, with a phone engine when eng is not nil.
func parseAuto(raw string, o Options, eng *phoneEngine) (Selector, error) {
	s, _, err := parseAutoKind(raw, o, eng)
	return s, err
}

// parseAutoKind is parseAuto, and on success the kind whose parser
// answered: ParseAs(by, raw, o) gives the same selector (whose own kind
// may differ: a messenger link read as a handle can be a phone number).
func parseAutoKind(raw string, o Options, eng *phoneEngine) (s Selector, by Kind, err error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Selector{}, "", invalid("", CodeEmpty, raw, "empty value")
	}
	for _, k := range detect(raw) {
		if k == Phone {
			s, err = parsePhoneWith(raw, o, eng)
		} else {
			s, err = parsers[k](raw, o)
		}
		if err == nil {
			return s, k, nil
		}
	}
	return Selector{}, "", invalid("", CodeUnrecognised, raw, "not a phone number, e-mail, URL, domain, IP address, wallet, bank account, card or handle")
}

// Candidate kinds by the shape of the input, most specific first. Each
// list is fixed, so Parse is deterministic.
var (
	// @name is a handle and nothing else.
	detectAtHandle = []Kind{Handle}
	// Messenger links (t.me/..., line.me/...) are handles before URLs.
	detectLink = []Kind{Handle, URL}
	// name@host is an e-mail address; some handles contain @ too.
	detectEmail = []Kind{Email, Handle}
	// Digits and phone punctuation only: 1.2.3.4 is an address, a number
	// with at most 15 digits that is valid is a phone number, longer ones
	// are cards (Luhn) or bank accounts.
	detectNumber = []Kind{IP, Phone, Card, BankAccount}
	// A + and digits is a phone number.
	detectIntlNumber = []Kind{Phone}
	// host:port, IPv6 addresses, and chain-prefixed wallets.
	detectColon = []Kind{IP, Crypto, URL, Handle, BankAccount}
	// Dotted names: an address, else a domain with a real top-level
	// domain, else a handle (some platforms allow dots in names).
	detectDotted = []Kind{IP, Domain, Handle}
	// Letters and digits: wallets (0x..., bc1..., T...), IBAN-like bank
	// accounts, then handles.
	detectWord = []Kind{Crypto, BankAccount, Card, Handle}
	detectMail = []Kind{Email}
	detectTel  = []Kind{Phone}
)

// detect returns the kinds worth trying for raw (trimmed, not empty), most
// specific first.
func detect(raw string) []Kind {
	if raw[0] == '@' {
		return detectAtHandle
	}
	if hasPrefixFold(raw, "tel:") {
		return detectTel
	}
	if hasPrefixFold(raw, "mailto:") {
		return detectMail
	}
	if strings.Contains(raw, "://") || strings.Contains(raw, "[://]") || strings.Contains(raw, "[:]//") {
		return detectLink
	}
	if shaped, plus := phoneShaped(raw); shaped {
		if plus {
			return detectIntlNumber
		}
		return detectNumber
	}
	if strings.IndexByte(raw, '@') >= 0 || strings.IndexByte(refangEmail(raw), '@') >= 0 {
		return detectEmail
	}
	if strings.ContainsAny(raw, "/?#") {
		return detectLink
	}
	if strings.IndexByte(raw, ':') >= 0 {
		return detectColon
	}
	if strings.IndexByte(refangHost(raw), '.') >= 0 {
		return detectDotted
	}
	return detectWord
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// phoneShaped reports whether s has only digits (in any script
// phoneDigits reads), phone punctuation and a plus before the first digit
// (as in "(+84) 912 345 678"), and whether it has that plus.
func phoneShaped(s string) (shaped, plus bool) {
	if len(s) > maxPhoneLen {
		return false, false
	}
	digits := 0
	for _, r := range s {
		switch {
		case digitValue(r) >= 0:
			digits++
		case (r == '+' || r == '＋') && !plus && digits == 0:
			plus = true
		case !isPhoneSeparator(r):
			return false, false
		}
	}
	return digits > 0, plus
}
