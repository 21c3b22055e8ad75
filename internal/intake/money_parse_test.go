package intake

import (
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in        string
		exp       int
		thousands string
		want      int64
		reason    string
	}{
		{"0", 2, "", 0, ""},
		{"1234.56", 2, "", 123456, ""},
		{"1234.5", 2, "", 123450, ""},
		{"+7", 0, "", 7, ""},
		{"00012", 0, "", 12, ""},
		{"12.000", 0, "", 12, ""},
		{"0.1", 1, "", 1, ""},
		{"1,234,567", 0, ",", 1234567, ""},
		{"1 234 567.5", 2, " ", 123456750, ""},
		{"92233720368547758.07", 2, "", 9223372036854775807, ""},
		{"92233720368547758.08", 2, "", 0, "is too large"},
		{".5", 2, "", 0, "is not a decimal amount"},
		{"5.", 2, "", 0, "is not a decimal amount"},
		{"1.2.3", 2, "", 0, "is not a decimal amount"},
		{"１２", 0, "", 0, "is not a decimal amount"},
		{"12 USD", 2, "", 0, "is not a decimal amount"},
		{"", 2, "", 0, "is empty"},
		{"-0", 2, "", 0, "is negative"},
		{"1E5", 2, "", 0, "without an exponent"},
		{"0.001", 2, "", 0, "has more than 2 decimals, the most XXX has"},
		{"1.1", 0, "", 0, "has decimals, but XXX has no minor unit"},
	}
	for _, tt := range tests {
		got, _, reason := parseAmount(tt.in, "XXX", tt.exp, tt.thousands)
		if got != tt.want || !strings.Contains(reason, tt.reason) || (tt.reason == "") != (reason == "") {
			t.Errorf("parseAmount(%q, %d) = %d, %q; want %d, ...%q...", tt.in, tt.exp, got, reason, tt.want, tt.reason)
		}
	}
}

func TestCurrencyExponents(t *testing.T) {
	want := map[string]int{
		"KRW": 0, "JPY": 0, "VND": 0, "USD": 2, "KHR": 2, "THB": 2, "CNY": 2,
		"EUR": 2, "KWD": 3, "BHD": 3, "CLF": 4, "USDT": 6, "USDC": 6, "BTC": 8, "ETH": 9, "TRX": 6,
	}
	for c, e := range want {
		if got, ok := CurrencyExponent(c); !ok || got != e {
			t.Errorf("CurrencyExponent(%s) = %d, %v; want %d", c, got, ok, e)
		}
	}
	for _, c := range []string{"krw", "XAU", "XXX", "WON", ""} {
		if _, ok := CurrencyExponent(c); ok {
			t.Errorf("CurrencyExponent(%q) accepted", c)
		}
	}
	if n := len(currencies); n < 170 || n > 185 {
		t.Errorf("%d currencies; the ISO 4217 list has about 175 active codes", n)
	}
}

func TestCountries(t *testing.T) {
	if len(countries) != 249 {
		t.Errorf("%d country codes, want 249", len(countries))
	}
	for _, c := range []string{"KR", "KH", "TH", "VN", "CN", "MM", "LA", "PH", "US", "GB", "AX", "SS", "BQ"} {
		if !IsCountry(c) {
			t.Errorf("%s rejected", c)
		}
	}
	for _, c := range []string{"kr", "XK", "UK", "EU", "ZZ", "KOR", ""} {
		if IsCountry(c) {
			t.Errorf("%q accepted", c)
		}
	}
}
