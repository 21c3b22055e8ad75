package selector

import (
	"net/netip"
	"strings"
)

// maxIPLen bounds the input to parseIP: the longest IPv6 text form with an
// embedded IPv4 address and a zone is well under this.
const maxIPLen = 100

// parseIP parses an IPv4 or IPv6 address. The canonical value is the
// address's text form from net/netip (RFC 5952 for IPv6): the zone is
// dropped and an IPv4-mapped IPv6 address becomes the IPv4 address it maps,
// since both name the same host. Refanged forms such as 1.2.3[.]4 are
// accepted. Subtype is "v4" or "v6".
func parseIP(raw string, o Options) (Selector, error) {
	if len(raw) > maxIPLen {
		return Selector{}, invalid(IP, CodeTooLong, raw, "too long for an IP address")
	}
	s := refangHost(raw)
	// [::1] as written in URLs.
	if len(s) > 2 && s[0] == '[' && s[len(s)-1] == ']' {
		s = s[1 : len(s)-1]
	}
	if i := strings.IndexByte(s, '%'); i >= 0 {
		if !strings.Contains(s[:i], ":") {
			return Selector{}, invalid(IP, CodeIPZone, raw, "a zone is only allowed on IPv6 addresses")
		}
		s = s[:i]
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return Selector{}, invalid(IP, CodeIPInvalid, raw, "not an IPv4 or IPv6 address")
	}
	return ipSelector(a), nil
}

// ipSelector builds the selector of a parsed address.
func ipSelector(a netip.Addr) Selector {
	a = a.WithZone("").Unmap()
	v := a.String()
	sub := "v6"
	if a.Is4() {
		sub = "v4"
	}
	return Selector{Kind: IP, Value: v, Display: v, Subtype: sub}
}
