package selector

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Domain names.
//
// Decisions, for scam intelligence rather than for registration:
//   - Internationalised names are mapped as for lookup (UTS #46, non
//     transitional: case folding, width mapping, NFC) and stored as
//     punycode; Display carries the Unicode form.
//   - An underscore is accepted in every label but the top-level one. It is
//     not valid in a host name, but phishing kits sit on such names
//     (ether_promo.kissr.com is on a real block list), and DNS serves them.
//   - "--" in the third and fourth positions is accepted ("ab--cd.com");
//     a label that starts or ends with a hyphen is not.
//   - At least two labels. The top-level label must be an ICANN top-level
//     domain in the public suffix list (so report.pdf, photo.jpg, localhost
//     and chromewebdata are not domains), or one of the few alternative
//     roots that scams use and block lists carry: Tor's onion, ENS's eth,
//     and the blockchain names of altRoots.
//   - An IP address is never a domain: it is kind ip.

// altRoots are top-level names outside ICANN's root that real scam lists
// carry: Tor onion services, Ethereum Name Service, and the blockchain
// naming services' roots (uniswap.eth and metamate.crypto are on the
// MetaMask block list).
var altRoots = map[string]bool{
	"onion": true, "eth": true, "crypto": true, "nft": true, "wallet": true,
	"blockchain": true, "bitcoin": true, "dao": true, "zil": true,
}

// maxDomainLen is the DNS limit on a name in text form without the root dot.
const maxDomainLen = 253

// hostProfile maps hosts for lookup, tolerating underscores and hyphens in
// the third and fourth positions (see above); the remaining ASCII checks
// are checkASCIIHost's.
var hostProfile = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.CheckHyphens(false),
	idna.VerifyDNSLength(true),
)

// hostDisplay turns punycode labels back into Unicode for display.
var hostDisplay = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.CheckHyphens(false))

// parseDomain parses a domain name. Value is the lower-case punycode name
// without a trailing dot, Display its Unicode form, Subtype the registrable
// domain (eTLD+1) where there is one.
func parseDomain(raw string, o Options) (Selector, error) {
	if len(raw) > 4*maxDomainLen {
		return Selector{}, invalid(Domain, CodeTooLong, raw, "too long for a domain name")
	}
	ascii, f := normalizeDomain(refangHost(raw))
	if f.failed() {
		return Selector{}, f.err(Domain, raw)
	}
	return domainSelector(ascii), nil
}

func domainSelector(ascii string) Selector {
	reg, _ := RegistrableDomain(ascii)
	return Selector{Kind: Domain, Value: ascii, Display: displayHost(ascii), Subtype: reg}
}

// displayHost is the Unicode form of a normalised ASCII host.
func displayHost(ascii string) string {
	if !strings.Contains(ascii, "xn--") {
		return ascii
	}
	u, err := hostDisplay.ToUnicode(ascii)
	if err != nil {
		return ascii
	}
	return u
}

// normalizeDomain returns the canonical ASCII form of a host name, or why it
// is not one.
func normalizeDomain(s string) (string, fault) {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return "", fault{code: CodeEmpty, reason: "empty name"}
	}
	if !utf8.ValidString(s) {
		return "", fault{code: CodeBadUTF8, reason: "not valid UTF-8"}
	}
	if !plainASCIIHost(s) {
		a, err := hostProfile.ToASCII(s)
		if err != nil {
			return "", fault{code: CodeDomainIDN, reason: "not a valid internationalised domain name"}
		}
		s = strings.TrimSuffix(a, ".")
	}
	if f := checkASCIIHost(s); f.failed() {
		return "", f
	}
	return s, fault{}
}

// plainASCIIHost reports whether s is lower-case letters, digits, hyphens,
// underscores and dots only, with no punycode label: such a name is
// already in canonical form and needs no IDNA mapping.
func plainASCIIHost(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return !strings.Contains(s, "xn--")
}

// checkASCIIHost checks a lower-case ASCII host name against the rules at
// the top of this file.
func checkASCIIHost(s string) fault {
	if len(s) > maxDomainLen {
		return fault{code: CodeTooLong, reason: "longer than 253 characters"}
	}
	labels := 0
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' {
			c := s[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return fault{code: CodeDomainCharacters, reason: "a domain name has only letters, digits, hyphens and dots"}
			}
			continue
		}
		l := s[start:i]
		switch {
		case l == "":
			return fault{code: CodeDomainLabel, reason: "empty label"}
		case len(l) > 63:
			return fault{code: CodeDomainLabel, reason: "label longer than 63 characters"}
		case l[0] == '-' || l[len(l)-1] == '-':
			return fault{code: CodeDomainLabel, reason: "a label cannot start or end with a hyphen"}
		}
		labels++
		start = i + 1
	}
	if labels < 2 {
		return fault{code: CodeDomainOneLabel, reason: "a single label is not a domain name"}
	}
	tld := s[strings.LastIndexByte(s, '.')+1:]
	if strings.IndexByte(tld, '_') >= 0 || allDigits(tld) {
		return fault{code: CodeDomainTLD, reason: "not a top-level domain: " + tld}
	}
	// Probe with a label in front: some top-level domains are listed
	// only through a wildcard (*.kh, *.mm), which a bare "kh" misses.
	if _, icann := publicsuffix.PublicSuffix("x." + tld); !icann && !altRoots[tld] {
		return fault{code: CodeDomainTLD, reason: "not a top-level domain: " + tld}
	}
	return fault{}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// RegistrableDomain returns the part of host that a person or company can
// register: the effective top-level domain plus one label
// (login.scam.example.co.uk -> example.co.uk; foo.pages.dev ->
// foo.pages.dev, since pages.dev is a public suffix too). host may be in
// Unicode or punycode, with or without a trailing dot; the result is
// punycode. It fails for IP addresses and for names that are themselves a
// public suffix.
func RegistrableDomain(host string) (string, error) {
	if len(host) > 4*maxDomainLen {
		return "", invalid(Domain, CodeTooLong, host, "too long for a domain name")
	}
	ascii, f := normalizeDomain(host)
	if f.failed() {
		return "", f.err(Domain, host)
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		return "", invalid(Domain, CodeDomainSuffix, host, "a public suffix has no registrable domain")
	}
	return reg, nil
}
