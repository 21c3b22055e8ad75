package intake

import "testing"

func TestFormatMinor(t *testing.T) {
	cases := []struct {
		minor int64
		cur   string
		want  string
	}{
		{1234567, "KRW", "1,234,567 KRW"},
		{150000, "USD", "1,500.00 USD"},
		{5, "USD", "0.05 USD"},
		{-250, "USD", "-2.50 USD"},
		{1234, "KWD", "1.234 KWD"},
		{100, "XXX", "100 XXX"},
	}
	for _, tc := range cases {
		if got := FormatMinor(tc.minor, tc.cur); got != tc.want {
			t.Errorf("FormatMinor(%d, %s) = %q, want %q", tc.minor, tc.cur, got, tc.want)
		}
	}
}
