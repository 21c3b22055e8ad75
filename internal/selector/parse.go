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
		return Selector{}, invalid("", raw, "unknown selector kind "+string(k))
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Selector{}, invalid(k, raw, "empty value")
	}
	return p(raw, o)
}

// Parse detects the kind of raw and parses it. Values that could be several
// kinds are resolved in a fixed order (see detect), so the same input always
// gives the same selector.
func Parse(raw string, o Options) (Selector, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Selector{}, invalid("", raw, "empty value")
	}
	for _, k := range detect(raw) {
		if s, err := parsers[k](raw, o); err == nil {
			return s, nil
		}
	}
	return Selector{}, invalid("", raw, "not a phone number, e-mail, URL, domain, IP address, wallet, bank account, card or handle")
}

// detect returns the kinds worth trying for raw, most specific first.
func detect(raw string) []Kind {
	return []Kind{Handle, Email, URL, Crypto, BankAccount, IP, Domain, Phone, Card}
}
