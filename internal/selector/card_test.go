package selector

import (
	"strings"
	"testing"
)

// cardWithCheck appends the Luhn check digit to a prefix; tests use it to
// build numbers in any range.
func cardWithCheck(prefix string) string {
	for d := byte('0'); d <= '9'; d++ {
		if s := prefix + string(d); cardLuhn(s) {
			return s
		}
	}
	panic("unreachable")
}

func TestParseCard(t *testing.T) {
	up19 := cardWithCheck("621234567890123456")
	mir := cardWithCheck("220012345678901")
	tests := []struct {
		name, in              string
		value, display, brand string // value "" means the input must fail
	}{
		{"Visa spaced", "4111 1111 1111 1111", "4111111111111111", "4111 •••• •••• 1111", "visa"},
		{"Visa dashed", "4012-8888-8888-1881", "4012888888881881", "4012 •••• •••• 1881", "visa"},
		{"Visa 13 digits", "4222222222222", "4222222222222", "4222 •••• •222 2", "visa"},
		{"Mastercard 5", "5555555555554444", "5555555555554444", "5555 •••• •••• 4444", "mastercard"},
		{"Mastercard 2-series", "2221000000000009", "2221000000000009", "2221 •••• •••• 0009", "mastercard"},
		{"Amex", "3782 822463 10005", "378282246310005", "3782 •••••• •0005", "amex"},
		{"Amex 37", "371449635398431", "371449635398431", "3714 •••••• •8431", "amex"},
		{"Discover", "6011111111111117", "6011111111111117", "6011 •••• •••• 1117", "discover"},
		{"JCB", "3530111333300000", "3530111333300000", "3530 •••• •••• 0000", "jcb"},
		{"JCB 3566", "3566002020360505", "3566002020360505", "3566 •••• •••• 0505", "jcb"},
		{"Diners 14", "30569309025904", "30569309025904", "3056 •••••• 5904", "diners"},
		{"UnionPay 16", "6200000000000005", "6200000000000005", "6200 •••• •••• 0005", "unionpay"},
		{"UnionPay 19", up19, up19, "6212 •••• •••• •••" + up19[15:16] + " " + up19[16:], "unionpay"},
		{"Mir", mir, mir, "2200 •••• •••• " + mir[12:], "mir"},

		{"Luhn failure", "4111 1111 1111 1112", "", "", ""},
		{"Luhn failure Amex", "378282246310006", "", "", ""},
		{"Visa wrong length", cardWithCheck("411111111111111"[:14]), "", "", ""},
		{"Amex at 16 digits", cardWithCheck("378282246310005"), "", "", ""},
		{"unknown issuer 9", cardWithCheck("941012345678901"), "", "", ""},
		{"unknown issuer 1", cardWithCheck("123456789012345"), "", "", ""},
		{"too short", "4111111111", "", "", ""},
		{"too long", "4111111111111111111111", "", "", ""},
		{"double space", "4111  1111 1111 1111", "", "", ""},
		{"dots", "4111.1111.1111.1111", "", "", ""},
		{"trailing dash", "4111-1111-1111-1111-", "", "", ""},
		{"letters", "4111 1111 1111 111a", "", "", ""},
		{"full-width digits", "４１１１１１１１１１１１１１１１", "", "", ""},
		{"invalid UTF-8", "4111\xff1111", "", "", ""},
		{"huge", strings.Repeat("4", 10<<20), "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAs(Card, tt.in, Options{})
			if tt.value == "" {
				if err == nil {
					t.Fatalf("ParseAs(%.40q) = %+v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAs(%q): %v", tt.in, err)
			}
			want := Selector{Kind: Card, Value: tt.value, Display: tt.display, Subtype: tt.brand}
			if got != want {
				t.Fatalf("ParseAs(%q)\n got %+v\nwant %+v", tt.in, got, want)
			}
			if again, err := ParseAs(Card, got.Value, Options{}); err != nil || again != got {
				t.Fatalf("not a fixed point: %+v, %v", again, err)
			}
			if n := strings.Count(got.Display, "•"); n != len(got.Value)-8 {
				t.Fatalf("display %q masks %d digits, want %d", got.Display, n, len(got.Value)-8)
			}
		})
	}
}

func TestCardLuhn(t *testing.T) {
	for s, want := range map[string]bool{
		"79927398713": true, "79927398710": false, "0": true, "18": true, "10": false,
	} {
		if got := cardLuhn(s); got != want {
			t.Errorf("cardLuhn(%q) = %v", s, got)
		}
	}
}

func FuzzParseCard(f *testing.F) {
	for _, s := range []string{
		"4111 1111 1111 1111", "378282246310005", "3530-1113-3330-0000", "6200000000000005", "4111  1111", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseAs(Card, in, Options{})
		if err != nil {
			return
		}
		n := len(s.Value)
		if s.Kind != Card || !cardLuhn(s.Value) || s.Subtype == "" || strings.Count(s.Display, "•") != n-8 ||
			!strings.HasPrefix(s.Display, s.Value[:4]) || !strings.HasSuffix(strings.ReplaceAll(s.Display, " ", ""), s.Value[n-4:]) {
			t.Fatalf("ParseAs(%q) = %+v", in, s)
		}
		again, err := ParseAs(Card, s.Value, Options{})
		if err != nil || again != s {
			t.Fatalf("not a fixed point: %q -> %+v -> %+v, %v", in, s, again, err)
		}
	})
}

func BenchmarkParseCard(b *testing.B) {
	inputs := []string{"4111 1111 1111 1111", "378282246310005", "5555-5555-5555-4444", "4111 1111 1111 1112", "hello"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = ParseAs(Card, inputs[i%len(inputs)], Options{})
	}
}
