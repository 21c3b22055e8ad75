package selector

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"
)

// URLs.
//
// The canonical form follows RFC 3986 section 6 normalisation as browsers
// apply it: refanged (hxxp, [.], [:], ...), scheme and host in lower case,
// host in punycode (or an IP address in canonical form), default port
// dropped, percent-encoding normalised (unreserved characters decoded, hex
// digits in upper case, characters that may not appear raw encoded), dot
// segments removed, empty path as "/", empty query and the fragment
// dropped. The fragment is the browser's business and never reaches the
// server, so two URLs that differ only there name the same resource.
//
// Only web schemes are URLs here (http, https, ftp, ws, wss); an input
// without a scheme (example.com/login) gets https, which is what a browser
// tries first today. A scheme-less input may not carry user information:
// name@example.com is an e-mail address, not a URL.
//
// Display is the URL with its host in Unicode; Subtype is the registrable
// domain of the host (empty for IP addresses).

// maxURLLen bounds the input to parseURL.
const maxURLLen = 8 << 10

// defaultPorts are the ports dropped from canonical URLs, per scheme.
var defaultPorts = map[string]string{
	"http":  "80",
	"https": "443",
	"ftp":   "21",
	"ws":    "80",
	"wss":   "443",
}

func parseURL(raw string, o Options) (Selector, error) {
	raw = foldFullWidth(raw)
	if len(raw) > maxURLLen {
		return Selector{}, invalid(URL, CodeTooLong, raw, "longer than 8 KiB")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(URL, CodeBadUTF8, raw, "not valid UTF-8")
	}
	u, f := normalizeURL(refangURL(raw))
	if f.failed() {
		return Selector{}, f.err(URL, raw)
	}
	return u.selector(), nil
}

// urlParts is a normalised URL.
type urlParts struct {
	scheme, userinfo, host, port, path, query string
	hostIsIP                                  bool
}

func (u urlParts) build(host string) string {
	var b strings.Builder
	b.Grow(len(u.scheme) + len(u.userinfo) + len(host) + len(u.port) + len(u.path) + len(u.query) + 8)
	b.WriteString(u.scheme)
	b.WriteString("://")
	if u.userinfo != "" {
		b.WriteString(u.userinfo)
		b.WriteByte('@')
	}
	b.WriteString(host)
	if u.port != "" {
		b.WriteByte(':')
		b.WriteString(u.port)
	}
	b.WriteString(u.path)
	if u.query != "" {
		b.WriteByte('?')
		b.WriteString(u.query)
	}
	return b.String()
}

func (u urlParts) selector() Selector {
	s := Selector{Kind: URL, Value: u.build(u.host)}
	s.Display = s.Value
	if !u.hostIsIP {
		if d := displayHost(u.host); d != u.host {
			s.Display = u.build(d)
		}
		s.Subtype, _ = RegistrableDomain(u.host)
	}
	return s
}

// normalizeURL splits and normalises s, or says why it is not a URL.
func normalizeURL(s string) (urlParts, fault) {
	var u urlParts
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return u, fault{code: CodeURLBadForm, reason: "contains control characters"}
		}
	}
	rest := s
	if i := strings.Index(s, "://"); i >= 0 && isScheme(s[:i]) {
		u.scheme = strings.ToLower(s[:i])
		if _, ok := defaultPorts[u.scheme]; !ok {
			return u, fault{code: CodeURLScheme, accepted: "http, https, ftp, ws, wss", reason: "not a web URL (scheme " + u.scheme + ")"}
		}
		rest = s[i+3:]
	} else {
		u.scheme = "https"
		rest = strings.TrimPrefix(s, "//")
	}
	// Drop the fragment, then split off the query and the path.
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	authority, pathQuery := rest, ""
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		authority, pathQuery = rest[:i], rest[i:]
	}
	path, query := pathQuery, ""
	if i := strings.IndexByte(pathQuery, '?'); i >= 0 {
		path, query = pathQuery[:i], pathQuery[i+1:]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		if s == rest || strings.HasPrefix(s, "//") {
			return u, fault{code: CodeURLBadForm, reason: "a URL without a scheme cannot carry user information"}
		}
		u.userinfo = normalizePercent(authority[:i], userinfoChars)
		authority = authority[i+1:]
	}
	host, port, reason := splitHostPort(authority)
	if reason != "" {
		return u, fault{code: CodeURLBadHost, reason: reason}
	}
	if port != "" {
		if port == defaultPorts[u.scheme] {
			port = ""
		}
		u.port = port
	}
	if host == "" {
		return u, fault{code: CodeURLNoHost, reason: "no host"}
	}
	if host[0] == '[' {
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !a.Is6() || a.Zone() != "" {
			return u, fault{code: CodeURLBadHost, reason: "not an IPv6 address: " + host}
		}
		a = a.Unmap()
		u.hostIsIP = true
		if a.Is4() {
			u.host = a.String()
		} else {
			u.host = "[" + a.String() + "]"
		}
	} else if strings.IndexByte(host, ':') >= 0 {
		// "::1:8080" may be ::1 port 8080 or ::1:8080 with no port;
		// RFC 3986 puts an IPv6 host in brackets for that reason.
		return u, fault{code: CodeURLBadHost, reason: "an IPv6 address in a URL goes in brackets: " + host}
	} else if a, err := netip.ParseAddr(host); err == nil {
		u.hostIsIP = true
		u.host = a.String()
	} else {
		h, f := normalizeDomain(host)
		if f.failed() {
			return u, fault{code: CodeURLBadHost, reason: "bad host: " + f.reason}
		}
		u.host = h
	}
	u.path = removeDotSegments(normalizePercent(path, pathChars))
	if u.path == "" {
		u.path = "/"
	}
	u.query = dropTracking(normalizePercent(query, queryChars))
	return u, fault{}
}

// trackingParams are query parameters that ad networks and platforms add
// to a link to count its clicks (fbclid on every link shared on
// Facebook): they say where the link was clicked, not which page it is.
// Campaign tags (utm_*) go too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "ttclid": true, "twclid": true, "yclid": true, "igshid": true, "igsh": true,
	"li_fat_id": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
}

// dropTracking removes the tracking parameters from a normalised query,
// so that one page shared on two platforms is one selector.
func dropTracking(q string) string {
	if q == "" {
		return q
	}
	var b strings.Builder
	dropped := false
	for p := range strings.SplitSeq(q, "&") {
		name, _, _ := strings.Cut(p, "=")
		name = strings.ToLower(name)
		if trackingParams[name] || strings.HasPrefix(name, "utm_") {
			dropped = true
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p)
	}
	if !dropped {
		return q
	}
	return b.String()
}

// isScheme reports whether s is an RFC 3986 scheme name.
func isScheme(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= s[i] && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		default:
			return false
		}
	}
	return true
}

// splitHostPort splits an authority without user information into a host
// (IPv6 literals keep their brackets) and a port without leading zeros.
func splitHostPort(a string) (host, port, reason string) {
	host = a
	if strings.HasPrefix(a, "[") {
		end := strings.IndexByte(a, ']')
		if end < 0 {
			return "", "", "unclosed [ in host"
		}
		host, port = a[:end+1], a[end+1:]
		if port != "" && port[0] != ':' {
			return "", "", "junk after ]"
		}
		port = strings.TrimPrefix(port, ":")
	} else if i := strings.LastIndexByte(a, ':'); i >= 0 {
		host, port = a[:i], a[i+1:]
	}
	if port == "" {
		return host, "", ""
	}
	n, err := strconv.ParseUint(port, 10, 32)
	if err != nil || n == 0 || n > 65535 {
		return "", "", "bad port " + strconv.Quote(port)
	}
	return host, strconv.FormatUint(n, 10), ""
}

// Character classes that may stay unencoded in each part of a URL
// (RFC 3986 section 3): unreserved characters, sub-delimiters, and per part
// ':' '@' '/' '?'.
const (
	userinfoChars = 1 << iota
	pathChars
	queryChars
)

// urlClass[c] tells in which parts byte c may appear unencoded.
var urlClass = func() (t [256]uint8) {
	const all = userinfoChars | pathChars | queryChars
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = all, all
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = all
	}
	for _, c := range "-._~!$&'()*+,;=" {
		t[c] = all
	}
	t[':'] = all
	t['@'] = pathChars | queryChars
	t['/'] = pathChars | queryChars
	t['?'] = queryChars
	return t
}()

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

const upperHex = "0123456789ABCDEF"

// normalizePercent decodes percent-encoded unreserved characters, writes
// the hex digits of other escapes in upper case, and encodes every byte
// that may not appear raw in the part (including a '%' that starts no
// escape). It returns s itself when nothing changes.
func normalizePercent(s string, part uint8) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		if c == '%' {
			clean = false
		} else if urlClass[c]&part == 0 {
			clean = false
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				v := hi<<4 | lo
				if isUnreserved(v) {
					b.WriteByte(v)
				} else {
					b.WriteByte('%')
					b.WriteByte(upperHex[v>>4])
					b.WriteByte(upperHex[v&15])
				}
				i += 2
				continue
			}
		}
		if c != '%' && urlClass[c]&part != 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

// removeDotSegments applies RFC 3986 section 5.2.4 to an absolute path (or
// to "", which it returns as is).
func removeDotSegments(p string) string {
	if !strings.Contains(p, ".") {
		return p
	}
	segs := strings.Split(p, "/")
	// segs[0] is "" for an absolute path.
	out := make([]string, 0, len(segs))
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, seg)
		}
	}
	r := strings.Join(out, "/")
	if r == "" {
		return "/"
	}
	if r[0] != '/' {
		r = "/" + r
	}
	return r
}
