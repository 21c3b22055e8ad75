package selector

import (
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	tests := []struct{ in, value, display, reg string }{
		{"https://example.com", "https://example.com/", "https://example.com/", "example.com"},
		{"HTTPS://Example.COM:443/Path#frag", "https://example.com/Path", "https://example.com/Path", "example.com"},
		{"http://example.com:80/?", "http://example.com/", "http://example.com/", "example.com"},
		{"http://example.com:8080/a", "http://example.com:8080/a", "http://example.com:8080/a", "example.com"},
		{"https://example.com:0443/", "https://example.com/", "https://example.com/", "example.com"},
		{"hxxps://evil[.]example[.]com/login", "https://evil.example.com/login", "https://evil.example.com/login", "example.com"},
		{"hXXp[://]evil(.)example(dot)com/x", "http://evil.example.com/x", "http://evil.example.com/x", "example.com"},
		{"hxxp[:]//evil[.]com", "http://evil.com/", "http://evil.com/", "evil.com"},
		{"fxp://files.example.com/a.zip", "ftp://files.example.com/a.zip", "ftp://files.example.com/a.zip", "example.com"},
		{"example.com/path?q=1", "https://example.com/path?q=1", "https://example.com/path?q=1", "example.com"},
		{"//example.com/x", "https://example.com/x", "https://example.com/x", "example.com"},
		{"https://example.com/a/./b/../c/%7euser/%2f?x=%2a&y=%zz", "https://example.com/a/c/~user/%2F?x=%2A&y=%25zz", "https://example.com/a/c/~user/%2F?x=%2A&y=%25zz", "example.com"},
		{"https://example.com/%2E%2E/x", "https://example.com/x", "https://example.com/x", "example.com"},
		{"https://example.com/a b<c>", "https://example.com/a%20b%3Cc%3E", "https://example.com/a%20b%3Cc%3E", "example.com"},
		{"https://bücher.de/ä", "https://xn--bcher-kva.de/%C3%A4", "https://bücher.de/%C3%A4", "xn--bcher-kva.de"},
		{"http://user:pa%73s@example.com/", "http://user:pass@example.com/", "http://user:pass@example.com/", "example.com"},
		{"http://paypal.com@evil.example.net/", "http://paypal.com@evil.example.net/", "http://paypal.com@evil.example.net/", "example.net"},
		{"http://192.0.2.1:8080/wp-admin", "http://192.0.2.1:8080/wp-admin", "http://192.0.2.1:8080/wp-admin", ""},
		{"http://[2001:DB8::1]:80/", "http://[2001:db8::1]/", "http://[2001:db8::1]/", ""},
		{"http://[::ffff:192.0.2.1]/", "http://192.0.2.1/", "http://192.0.2.1/", ""},
		{"https://t.me/scam_recruiter", "https://t.me/scam_recruiter", "https://t.me/scam_recruiter", "t.me"},
		{"wss://ws.example.com:443/feed", "wss://ws.example.com/feed", "wss://ws.example.com/feed", "example.com"},
		// Click and campaign tracking goes; the page's own parameters
		// stay, in their order.
		{"https://coin-tiger.example.com/login?utm_source=facebook&fbclid=IwAR1abc", "https://coin-tiger.example.com/login", "https://coin-tiger.example.com/login", "example.com"},
		{"https://coin-tiger.example.com/login?UTM_Medium=cpc&ref=A7K2&gclid=x&id=5&igsh=y", "https://coin-tiger.example.com/login?ref=A7K2&id=5", "https://coin-tiger.example.com/login?ref=A7K2&id=5", "example.com"},
		{"https://coin-tiger.example.com/?%75tm_source=x&&ttclid=1", "https://coin-tiger.example.com/", "https://coin-tiger.example.com/", "example.com"},
		{"https://example.com/?fbclidx=1&my_utm_source=2", "https://example.com/?fbclidx=1&my_utm_source=2", "https://example.com/?fbclidx=1&my_utm_source=2", "example.com"},
	}
	for _, tc := range tests {
		got, err := ParseAs(URL, tc.in, Options{})
		want := Selector{Kind: URL, Value: tc.value, Display: tc.display, Subtype: tc.reg}
		if err != nil || got != want {
			t.Errorf("ParseAs(url, %q)\n got %+v, %v\nwant %+v", tc.in, got, err, want)
		}
	}
}

func TestParseURLRejects(t *testing.T) {
	for _, in := range []string{
		"javascript:alert(1)", "mailto:a@example.com", "file:///etc/passwd", "tg://resolve?domain=x",
		"http://", "http:///path", "http://localhost/", "http://example/", "http://exa mple.com/",
		"http://example.com:99999/", "http://example.com:-1/", "http://example.com:abc/",
		"http://[::1/", "http://[example.com]/", "user@example.com", "http://example.com/\x00",
		"http://\xff.com/", "http://" + strings.Repeat("a", 9000) + ".com/",
		":::", "::1:", "http://2001:db8::1/", "2001:db8::1:8080/x",
	} {
		if s, err := ParseAs(URL, in, Options{}); err == nil {
			t.Errorf("ParseAs(url, %.40q) = %+v, want an error", in, s)
		}
	}
}

func TestRefang(t *testing.T) {
	tests := []struct{ in, url, email string }{
		{"hxxps://a[.]b(.)c{.}d[dot]e(DOT)f", "https://a.b.c.d.e.f", "hxxps://a.b.c.d.e.f"},
		{"a[@]b[.]c", "a[@]b.c", "a@b.c"},
		{"a(at)b", "a(at)b", "a@b"},
		{"x[:]y[://]z[/]", "x:y://z/", "x[:]y[://]z[/]"},
		{"[[.]]", "[.]", "[.]"},
		{"[.", "[.", "[."},
		{"(", "(", "("},
	}
	for _, tc := range tests {
		if got := refangURL(tc.in); got != tc.url {
			t.Errorf("refangURL(%q) = %q, want %q", tc.in, got, tc.url)
		}
		if got := refangEmail(tc.in); got != tc.email {
			t.Errorf("refangEmail(%q) = %q, want %q", tc.in, got, tc.email)
		}
	}
}
