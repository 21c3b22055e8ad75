package selector

import (
	"strings"
	"testing"
)

func TestParseEmail(t *testing.T) {
	tests := []struct{ in, value, display string }{
		{"john.doe@example.com", "john.doe@example.com", "john.doe@example.com"},
		{"John.Doe@Example.COM", "John.Doe@example.com", "John.Doe@example.com"},
		{"  mailto:Recruit+KH@Jobs.Example.com.kh ", "Recruit+KH@jobs.example.com.kh", "Recruit+KH@jobs.example.com.kh"},
		{"<hr@example.org>", "hr@example.org", "hr@example.org"},
		{"user[@]example[.]com", "user@example.com", "user@example.com"},
		{"user(at)example(dot)com", "user@example.com", "user@example.com"},
		{`"john doe"@example.com`, `"john doe"@example.com`, `"john doe"@example.com`},
		{`"a\"b"@example.com`, `"a\"b"@example.com`, `"a\"b"@example.com`},
		{"ü@Bücher.de", "ü@xn--bcher-kva.de", "ü@bücher.de"},
		{"채용@예시.한국", "채용@xn--vv4b11d.xn--3e0b707e", "채용@예시.한국"},
		{"a!#$%&'*+-/=?^_`{|}~@example.net", "a!#$%&'*+-/=?^_`{|}~@example.net", "a!#$%&'*+-/=?^_`{|}~@example.net"},
	}
	for _, tc := range tests {
		got, err := ParseAs(Email, tc.in, Options{})
		if err != nil {
			t.Errorf("ParseAs(email, %q): %v", tc.in, err)
			continue
		}
		want := Selector{Kind: Email, Value: tc.value, Display: tc.display}
		if got != want {
			t.Errorf("ParseAs(email, %q) = %+v, want %+v", tc.in, got, want)
		}
	}
}

func TestParseEmailRejects(t *testing.T) {
	for _, in := range []string{
		"example.com", "@example.com", "user@", "user@@example.com", "user@localhost",
		"user@example", "user@example.invalidtld", "user@[192.0.2.1]", "user@1.2.3.4",
		".user@example.com", "user.@example.com", "us..er@example.com", "us er@example.com",
		`"unterminated@example.com`, "user@exa mple.com", "user@-example.com",
		strings.Repeat("a", 65) + "@example.com", "a@" + strings.Repeat("b", 600) + ".com",
		"\xff@example.com", "user@example.com\x00",
	} {
		if s, err := ParseAs(Email, in, Options{}); err == nil {
			t.Errorf("ParseAs(email, %.40q) = %+v, want an error", in, s)
		}
	}
}
