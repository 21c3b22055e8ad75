package auth

import (
	"strings"
	"testing"
)

func TestCheckPasswordPolicy(t *testing.T) {
	for _, c := range []struct {
		pw   string
		want error
	}{
		{"", ErrPasswordTooShort},
		{"elevenchars", ErrPasswordTooShort},
		{"twelve chars", nil},
		{"비밀번호는길고안전하다", ErrPasswordTooShort}, // 11 characters, 33 bytes
		{"비밀번호는길고안전하다!", nil},                // 12 characters
		{"ពាក្យសម្ងាត់វែង", nil},             // Khmer, 15 code points
		{strings.Repeat("a", MaxPasswordBytes), nil},
		{strings.Repeat("a", MaxPasswordBytes+1), ErrPasswordTooLong},
		{strings.Repeat("가", 342), ErrPasswordTooLong}, // 1026 bytes
		{"twelve chars\xff", ErrPasswordEncoding},
	} {
		if got := CheckPasswordPolicy(c.pw); got != c.want {
			t.Errorf("CheckPasswordPolicy(%.20q) = %v, want %v", c.pw, got, c.want)
		}
	}
}
