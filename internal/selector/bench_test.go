package selector

import "testing"

// Parse rate per kind, on a handful of realistic spellings each.
func benchParseAs(b *testing.B, k Kind, inputs []string, region string) {
	o := Options{Region: region}
	for _, in := range inputs {
		if _, err := ParseAs(k, in, o); err != nil {
			b.Fatalf("%q: %v", in, err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseAs(k, inputs[i%len(inputs)], o)
	}
}

func BenchmarkParsePhone(b *testing.B) {
	benchParseAs(b, Phone, []string{"+855 12 345 678", "012 345 678", "+82 10-1234-5678", "+66 81 234 5678", "+86 138 0013 8000", "+63 917 123 4567"}, "KH")
}

func BenchmarkParseEmail(b *testing.B) {
	benchParseAs(b, Email, []string{"recruit.kh@example.com", "Job-Offer@Mail.Example.co.kr", "hr[@]example[.]net", "채용@예시.한국"}, "")
}

func BenchmarkParseURL(b *testing.B) {
	benchParseAs(b, URL, []string{"https://example.com/login", "hxxps://evil[.]example[.]com/claim?id=42", "example.com/a/../b", "http://192.0.2.1:8080/wp-admin", "https://bücher.de/ä"}, "")
}

func BenchmarkParseDomain(b *testing.B) {
	benchParseAs(b, Domain, []string{"example.com", "www.kmjm.shop", "Evil.Example.COM.", "xn--niswap-oya.com", "bücher.de"}, "")
}

func BenchmarkParseIP(b *testing.B) {
	benchParseAs(b, IP, []string{"192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1", "192.0.2[.]1"}, "")
}
