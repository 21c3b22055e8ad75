package proxy

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func req(remote string, xff ...string) *http.Request {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = remote
	for _, v := range xff {
		r.Header.Add("X-Forwarded-For", v)
	}
	return r
}

func TestClientAddr(t *testing.T) {
	tr, err := Parse(" 10.0.0.0/8, 192.0.2.7 ,2001:db8:ff::/48")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, remote string
		xff          []string
		want         string
	}{
		{"no proxy: the peer, whatever it claims", "198.51.100.4:5000", []string{"203.0.113.9"}, "198.51.100.4"},
		{"a trusted proxy: the client it names", "10.1.2.3:443", []string{"203.0.113.9"}, "203.0.113.9"},
		{"a spoofed left part is not believed", "10.1.2.3:443", []string{"1.1.1.1, 203.0.113.9"}, "203.0.113.9"},
		{"two trusted hops", "192.0.2.7:80", []string{"203.0.113.9, 10.9.9.9"}, "203.0.113.9"},
		{"hops over several header lines", "192.0.2.7:80", []string{"1.1.1.1, 203.0.113.9", "10.9.9.9"}, "203.0.113.9"},
		{"no header: the proxy itself", "10.1.2.3:443", nil, "10.1.2.3"},
		{"garbage: the last trusted hop", "192.0.2.7:80", []string{"unknown, 10.9.9.9"}, "10.9.9.9"},
		{"all hops trusted: the leftmost", "192.0.2.7:80", []string{"10.4.4.4, 10.9.9.9"}, "10.4.4.4"},
		{"IPv6 proxy and client, with a port", "[2001:db8:ff::1]:443", []string{"[2001:db8:1::5]:1234"}, "2001:db8:1::5"},
		{"an IPv4-mapped client", "10.1.2.3:443", []string{"::ffff:203.0.113.9"}, "203.0.113.9"},
		{"an IPv4-mapped trusted peer", "[::ffff:10.1.2.3]:443", []string{"203.0.113.9"}, "203.0.113.9"},
	} {
		if got := tr.ClientAddr(req(c.remote, c.xff...)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	var none Trusted
	if got := none.ClientAddr(req("10.1.2.3:443", "203.0.113.9")); got != "10.1.2.3" {
		t.Errorf("no trusted proxies: %q", got)
	}
}

func TestParseRefusesWhatIsNoAddress(t *testing.T) {
	for _, bad := range []string{"10.0.0.0/33", "proxy.example", "10.0.0.1/8x", "1.2.3"} {
		if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("Parse(%q) = %v, want an error naming it", bad, err)
		}
	}
	tr, err := Parse("")
	if err != nil || len(tr) != 0 {
		t.Errorf("Parse of nothing: %v, %v", tr, err)
	}
	tr, err = Parse("10.1.2.3/8")
	if err != nil || tr[0] != netip.MustParsePrefix("10.0.0.0/8") {
		t.Errorf("a prefix with host bits: %v, %v", tr, err)
	}
}

func TestHandlerSetsRemoteAddr(t *testing.T) {
	tr, _ := Parse("10.0.0.0/8")
	var seen string
	h := tr.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = r.RemoteAddr }))
	h.ServeHTTP(httptest.NewRecorder(), req("10.1.2.3:443", "203.0.113.9"))
	if seen != "203.0.113.9:0" {
		t.Errorf("behind a trusted proxy: RemoteAddr %q", seen)
	}
	h.ServeHTTP(httptest.NewRecorder(), req("198.51.100.4:5000", "203.0.113.9"))
	if seen != "198.51.100.4:5000" {
		t.Errorf("from an untrusted peer: RemoteAddr %q", seen)
	}
}

// FuzzClientAddr: whatever the peer and the header hold, the answer is
// the peer or an address the header names (as parsed), never a panic.
func FuzzClientAddr(f *testing.F) {
	for _, s := range []string{"203.0.113.9", "1.1.1.1, 10.0.0.1", "[::1]:80, unknown", "", ",,,", "::ffff:1.2.3.4%eth0", "::01"} {
		f.Add("10.0.0.9:443", s)
	}
	tr, _ := Parse("10.0.0.0/8, ::1")
	f.Fuzz(func(t *testing.T, remote, xff string) {
		got := tr.ClientAddr(req(remote, xff))
		named := map[string]bool{hostOf(remote): true}
		if a, err := netip.ParseAddr(hostOf(remote)); err == nil {
			named[a.Unmap().String()] = true
		}
		for _, h := range strings.Split(xff, ",") {
			if a, err := netip.ParseAddr(hostOf(strings.TrimSpace(h))); err == nil {
				named[a.Unmap().String()] = true
			}
		}
		if !named[got] {
			t.Fatalf("ClientAddr(%q, %q) = %q: neither the peer nor an address the header names", remote, xff, got)
		}
	})
}

func TestPeerAddr(t *testing.T) {
	for remote, want := range map[string]string{"203.0.113.9:5000": "203.0.113.9", "[2001:db8::1]:443": "2001:db8::1", "pipe": "pipe"} {
		if got := PeerAddr(req(remote)); got != want {
			t.Errorf("PeerAddr(%q) = %q, want %q", remote, got, want)
		}
	}
}
