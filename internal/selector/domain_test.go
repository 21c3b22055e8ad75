package selector

import (
	"strings"
	"testing"
)

func TestParseDomain(t *testing.T) {
	tests := []struct{ in, value, display, reg string }{
		{"example.com", "example.com", "example.com", "example.com"},
		{"WWW.Example.COM.", "www.example.com", "www.example.com", "example.com"},
		{"login.scam.example.co.uk", "login.scam.example.co.uk", "login.scam.example.co.uk", "example.co.uk"},
		{"example[.]com", "example.com", "example.com", "example.com"},
		{"example(dot)com", "example.com", "example.com", "example.com"},
		{"Bücher.DE", "xn--bcher-kva.de", "bücher.de", "xn--bcher-kva.de"},
		{"xn--niswap-oya.com", "xn--niswap-oya.com", "úniswap.com", "xn--niswap-oya.com"},
		{"예시.한국", "xn--vv4b11d.xn--3e0b707e", "예시.한국", "xn--vv4b11d.xn--3e0b707e"},
		{"ｅｘａｍｐｌｅ．ｃｏｍ", "example.com", "example.com", "example.com"},
		{"ether_promo.kissr.com", "ether_promo.kissr.com", "ether_promo.kissr.com", "kissr.com"},
		{"r3---sn-a5m7zu7s.example.com", "r3---sn-a5m7zu7s.example.com", "r3---sn-a5m7zu7s.example.com", "example.com"},
		{"mysterybox665.vercel.app", "mysterybox665.vercel.app", "mysterybox665.vercel.app", "mysterybox665.vercel.app"},
		{"abc.onion", "abc.onion", "abc.onion", "abc.onion"},
		{"jobs.gov.kh", "jobs.gov.kh", "jobs.gov.kh", "jobs.gov.kh"},
		{"co.uk", "co.uk", "co.uk", ""},
	}
	for _, tc := range tests {
		got, err := ParseAs(Domain, tc.in, Options{})
		want := Selector{Kind: Domain, Value: tc.value, Display: tc.display, Subtype: tc.reg}
		if err != nil || got != want {
			t.Errorf("ParseAs(domain, %q) = %+v, %v; want %+v", tc.in, got, err, want)
		}
	}
}

func TestParseDomainRejects(t *testing.T) {
	for _, in := range []string{
		"localhost", "com", "chromewebdata", "report.pdf", "photo.jpg", "example.invalidtld",
		"1.2.3.4", "999.1.1.1", "example.123", "-example.com", "example-.com", "exa mple.com",
		"example..com", ".example.com", "example.com..", "exa/mple.com", "example.c_m",
		strings.Repeat("a", 64) + ".com", strings.Repeat("abcdefghi.", 26) + "com",
		"xn--zz.com", "\xffexample.com", "example.com\x00", strings.Repeat("a", 10<<20),
	} {
		if s, err := ParseAs(Domain, in, Options{}); err == nil {
			t.Errorf("ParseAs(domain, %.40q) = %+v, want an error", in, s)
		}
	}
}

func TestRegistrableDomain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"www.example.com", "example.com"},
		{"a.b.example.co.uk.", "example.co.uk"},
		{"Bücher.de", "xn--bcher-kva.de"},
		{"foo.pages.dev", "foo.pages.dev"},
		{"shop.example.com.kh", "example.com.kh"},
	}
	for _, tc := range tests {
		if got, err := RegistrableDomain(tc.in); err != nil || got != tc.want {
			t.Errorf("RegistrableDomain(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"co.uk", "1.2.3.4", "localhost", ""} {
		if got, err := RegistrableDomain(in); err == nil {
			t.Errorf("RegistrableDomain(%q) = %q, want an error", in, got)
		}
	}
}
