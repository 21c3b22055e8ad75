package selector

import (
	"errors"
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
	kinds := detect(raw)
	errs := make([]error, 0, 8) // on the stack for every list detect returns
	for _, k := range kinds {
		if k == Phone {
			s, err = parsePhoneWith(raw, o, eng)
		} else {
			s, err = parsers[k](raw, o)
		}
		if err == nil {
			return s, k, nil
		}
		errs = append(errs, err)
	}
	if err := formError(raw, kinds, errs); err != nil {
		return Selector{}, "", err
	}
	return Selector{}, "", invalid("", CodeUnrecognised, raw, "not a phone number, e-mail, URL, domain, IP address, wallet, bank account, card or handle")
}

// formError picks, among the errors of the kinds tried (errs[i] is that
// of kinds[i]), the one of a kind raw has the unmistakable form of: the
// only kind its shape admits ("+999 1234", "@bad name"), a wallet address
// whose checksum fails, an IBAN with wrong check digits, a dotted name
// under no top-level domain. Someone who mistyped one character of a
// wallet is told so, not that it is nothing at all. Nil when no error
// says more than that no kind fits.
func formError(raw string, kinds []Kind, errs []error) error {
	if len(kinds) == 1 {
		return errs[0]
	}
	for i, k := range kinds {
		var e *Error
		if !errors.As(errs[i], &e) {
			continue
		}
		switch {
		case k == Crypto && (e.Code == CodeCryptoEVMLength || e.Code == CodeCryptoPrefix):
			return e
		case k == Crypto && e.Code == CodeCryptoChecksum:
			// Any 25 to 36 characters fail as base58check: only a
			// string that looks like an encoding (base58 letters of
			// both cases and digits) was meant for an address.
			if e.Accepted != "base58check" || base58Shaped(raw) {
				return e
			}
		case k == BankAccount && e.Code == CodeBankIBAN:
			return e
		case k == Domain && (e.Code == CodeDomainTLD || e.Code == CodeDomainIDN || e.Code == CodeDomainSuffix):
			return e
		}
	}
	return nil
}

// base58Shaped reports whether s is made of base58 letters and has a
// digit, an upper-case and a lower-case letter, as every address of 25
// characters or more in that encoding has, and hardly a word.
func base58Shaped(s string) bool {
	var digit, upper, lower bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(b58BitcoinAlphabet, c) < 0 {
			return false
		}
		switch {
		case c <= '9':
			digit = true
		case c <= 'Z':
			upper = true
		default:
			lower = true
		}
	}
	return digit && upper && lower
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
	// A payment URI (bitcoin:1A...?amount=0.1, ethereum:0x...@1) names a
	// wallet, whatever its query looks like.
	detectPayment = []Kind{Crypto}
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
	if paymentURI(raw) {
		return detectPayment
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

// paymentURI reports whether s starts with the scheme of a wallet's
// payment URI.
func paymentURI(s string) bool {
	for _, scheme := range cryptoURISchemes {
		if hasPrefixFold(s, scheme) {
			return true
		}
	}
	return hasPrefixFold(s, cashPrefix+":")
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
