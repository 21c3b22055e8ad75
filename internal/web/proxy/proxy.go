// Package proxy finds a request's client address behind reverse proxies
// that the operator trusts (a TLS terminator, a load balancer), from the
// X-Forwarded-For header they add. Without trusted proxies every request
// behind one would seem to come from the proxy's address: the per-address
// rate limits and sign-in throttle would then hold every user to one
// budget, and anyone could use it up for all.
package proxy

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Trusted is a set of proxy addresses (prefixes).
type Trusted []netip.Prefix

// Parse reads a comma-separated list of addresses and CIDR prefixes
// ("10.0.0.0/8, 192.0.2.7, ::1"); an empty list trusts nobody.
func Parse(list string) (Trusted, error) {
	var out Trusted
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address or CIDR prefix", f)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: not an address or CIDR prefix", f)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

func (t Trusted) has(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range t {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ClientAddr returns the address of the client: the connection's peer,
// or, when the peer is a trusted proxy, the address X-Forwarded-For names
// nearest to it that is no trusted proxy (addresses further left are the
// client's own say and are not believed). When the header is missing or
// holds something that is no address, the last trusted hop is the client.
func (t Trusted) ClientAddr(r *http.Request) string {
	peer := hostOf(r.RemoteAddr)
	a, err := netip.ParseAddr(peer)
	if err != nil || len(t) == 0 || !t.has(a) {
		return peer
	}
	client := a.Unmap()
	hops := r.Header.Values("X-Forwarded-For")
	for i := len(hops) - 1; i >= 0; i-- {
		list := strings.Split(hops[i], ",")
		for j := len(list) - 1; j >= 0; j-- {
			h, err := netip.ParseAddr(hostOf(strings.TrimSpace(list[j])))
			if err != nil {
				return client.String()
			}
			client = h.Unmap()
			if !t.has(client) {
				return client.String()
			}
		}
	}
	return client.String()
}

// PeerAddr is the address of the request's peer, without its port: the
// client's own behind a trusted proxy, once Handler has set RemoteAddr.
func PeerAddr(r *http.Request) string { return hostOf(r.RemoteAddr) }

// hostOf strips a port ("192.0.2.1:443", "[2001:db8::1]:443") and the
// brackets of an IPv6 address.
func hostOf(s string) string {
	if h, _, err := net.SplitHostPort(s); err == nil {
		return h
	}
	return strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
}

// Handler sets each request's RemoteAddr to its client's address (port
// 0) before h sees it, when it came through a trusted proxy.
func (t Trusted) Handler(h http.Handler) http.Handler {
	if len(t) == 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c := t.ClientAddr(r); c != hostOf(r.RemoteAddr) {
			r2 := r.Clone(r.Context())
			r2.RemoteAddr = net.JoinHostPort(c, "0")
			r = r2
		}
		h.ServeHTTP(w, r)
	})
}
