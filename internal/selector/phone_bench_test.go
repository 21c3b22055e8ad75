package selector

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// Phone normalisation benchmarks: the plain library path (Parse,
// IsValidNumber, Format E.164: what a caller would write) against the
// Normalizer, on a repeating stream (10,000 distinct numbers drawn
// Zipf-like, as scam numbers recur in reports) and on a stream where every
// number is new. Run: go test -bench Phone -run '^$' ./internal/selector

// benchPhoneRegions are the regions the samples come from.
var benchPhoneRegions = []string{"KH", "KR", "TH", "VN", "CN", "PH"}

type phoneInput struct{ raw, region string }

// realisticPhones returns n distinct valid numbers from benchPhoneRegions,
// written the ways reports write them (E.164, international with spaces,
// national with and without punctuation, 00-prefixed, without the +).
func realisticPhones(n int, seed uint64) []phoneInput {
	rng := rand.New(rand.NewPCG(seed, 7))
	seen := make(map[string]bool, n)
	out := make([]phoneInput, 0, n)
	for len(out) < n {
		region := benchPhoneRegions[rng.IntN(len(benchPhoneRegions))]
		typ := phonenumbers.MOBILE
		if rng.IntN(4) == 0 {
			typ = phonenumbers.FIXED_LINE
		}
		ex := phonenumbers.GetExampleNumberForType(region, typ)
		if ex == nil {
			continue
		}
		nsn := []byte(phonenumbers.GetNationalSignificantNumber(ex))
		for i := len(nsn) - 1; i >= len(nsn)-6 && i > 1; i-- {
			nsn[i] = byte('0' + rng.IntN(10))
		}
		num, err := phonenumbers.Parse("+"+itoa(int(ex.GetCountryCode()))+string(nsn), "")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			continue
		}
		e164 := phonenumbers.Format(num, phonenumbers.E164)
		var in phoneInput
		switch rng.IntN(7) {
		case 0:
			in = phoneInput{e164, ""}
		case 1:
			in = phoneInput{phonenumbers.Format(num, phonenumbers.INTERNATIONAL), ""}
		case 2:
			in = phoneInput{phonenumbers.Format(num, phonenumbers.NATIONAL), region}
		case 3:
			in = phoneInput{strings.Map(keepDigits, phonenumbers.Format(num, phonenumbers.NATIONAL)), region}
		case 4:
			in = phoneInput{"00" + e164[1:], benchPhoneRegions[rng.IntN(len(benchPhoneRegions))]}
		case 5:
			in = phoneInput{strings.ReplaceAll(phonenumbers.Format(num, phonenumbers.NATIONAL), " ", "-"), region}
		case 6:
			in = phoneInput{"+" + itoa(int(ex.GetCountryCode())) + " " + string(nsn), region}
		}
		if _, ok := libraryPhone(in); !ok || seen[in.raw+"|"+in.region] {
			continue
		}
		seen[in.raw+"|"+in.region] = true
		out = append(out, in)
	}
	return out
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		if i /= 10; i == 0 {
			return string(b[n:])
		}
	}
}

// repeatingStream draws 1<<20 inputs from distinct, Zipf-distributed.
func repeatingStream(distinct []phoneInput) []phoneInput {
	rng := rand.New(rand.NewPCG(3, 4))
	z := rand.NewZipf(rng, 1.1, 2, uint64(len(distinct)-1))
	out := make([]phoneInput, 1<<20)
	for i := range out {
		out[i] = distinct[z.Uint64()]
	}
	return out
}

// libraryPhone is the plain library path the Normalizer competes with.
func libraryPhone(in phoneInput) (string, bool) {
	n, err := phonenumbers.Parse(in.raw, in.region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

var (
	benchRepeating = sync1(func() []phoneInput { return repeatingStream(realisticPhones(10000, 1)) })
	benchUnique    = sync1(func() []phoneInput { return realisticPhones(200000, 2) })
)

func BenchmarkPhoneLibrary(b *testing.B) {
	for _, tc := range []struct {
		name   string
		stream func() []phoneInput
	}{{"repeating", benchRepeating}, {"unique", benchUnique}} {
		b.Run(tc.name, func(b *testing.B) {
			stream := tc.stream()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, ok := libraryPhone(stream[i%len(stream)]); !ok {
					b.Fatalf("%+v rejected", stream[i%len(stream)])
				}
			}
		})
	}
}

func BenchmarkPhoneNormalizer(b *testing.B) {
	for _, tc := range []struct {
		name   string
		stream func() []phoneInput
	}{{"repeating", benchRepeating}, {"unique", benchUnique}} {
		b.Run(tc.name, func(b *testing.B) {
			stream := tc.stream()
			n := NewNormalizer(1 << 14)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				in := stream[i%len(stream)]
				if _, err := n.ParseAs(Phone, in.raw, Options{Region: in.region}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPhoneParseAs is the package's plain ParseAs (no Normalizer).
func BenchmarkPhoneParseAs(b *testing.B) {
	stream := benchUnique()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := stream[i%len(stream)]
		if _, err := ParseAs(Phone, in.raw, Options{Region: in.region}); err != nil {
			b.Fatal(err)
		}
	}
}

// The Normalizer must give what the library gives, on both streams.
func TestPhoneStreamsMatchLibrary(t *testing.T) {
	n := NewNormalizer(1 << 10)
	inputs := realisticPhones(3000, 9)
	inputs = append(inputs, inputs[:500]...)
	for _, in := range inputs {
		want, ok := libraryPhone(in)
		if !ok {
			t.Fatalf("%+v: library rejects a sample", in)
		}
		s, err := n.ParseAs(Phone, in.raw, Options{Region: in.region})
		if err != nil || s.Value != want {
			t.Errorf("%+v: Normalizer %q %v, library %q", in, s.Value, err, want)
		}
		p, err := ParseAs(Phone, in.raw, Options{Region: in.region})
		if err != nil || p != s {
			t.Errorf("%+v: ParseAs %+v %v, Normalizer %+v", in, p, err, s)
		}
	}
}

// sync1 computes a benchmark input once.
func sync1[T any](f func() T) func() T {
	var once sync.Once
	var v T
	return func() T {
		once.Do(func() { v = f() })
		return v
	}
}
