package demo

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"counterscam/internal/intake"
)

func TestDeterministic(t *testing.T) {
	a, b := Generate(7, Options{}), Generate(7, Options{})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave two scenes")
	}
	if c := Generate(8, Options{}); reflect.DeepEqual(a.Records, c.Records) {
		t.Fatal("two seeds gave the same scene")
	}
}

func TestShape(t *testing.T) {
	sc := Generate(1, Options{})
	if len(sc.Networks) != 12 || len(sc.Lone) != 200 || len(sc.Noise) != 7 {
		t.Fatalf("%d networks, %d lone, %d noise", len(sc.Networks), len(sc.Lone), len(sc.Noise))
	}
	total := len(sc.Lone)
	for _, n := range sc.Networks {
		if len(n.Refs) < 5 || len(n.Refs) > 60 {
			t.Errorf("%s has %d reports", n.Label, len(n.Refs))
		}
		total += len(n.Refs)
	}
	if total != len(sc.Records) {
		t.Errorf("networks and lone reports hold %d reports, the scene %d", total, len(sc.Records))
	}
	for i := 1; i < len(sc.Records); i++ {
		if sc.Records[i].ReceivedAt.Before(sc.Records[i-1].ReceivedAt) {
			t.Fatalf("records out of time order at %d", i)
		}
	}
	small := Generate(1, Options{Networks: 3, MinSize: 2, MaxSize: 4, Lone: -1})
	if len(small.Networks) != 3 || len(small.Lone) != 0 || len(small.Records) < 6 || len(small.Records) > 12 {
		t.Errorf("small scene: %d networks, %d lone, %d records", len(small.Networks), len(small.Lone), len(small.Records))
	}
}

// key normalises a raw selector independently of the generator: phones to
// E.164 digits (national forms read in the victim's country), accounts and
// cards to their digits, the rest to lower case.
func key(s intake.RawSelector, victim string) string {
	digits := func(v string) string {
		var b strings.Builder
		for _, r := range v {
			if r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	switch s.Kind {
	case "phone":
		d := digits(s.Value)
		switch {
		case strings.HasPrefix(s.Value, "+"):
			return "phone:" + d
		case victim == "CN":
			return "phone:86" + d
		}
		cc := map[string]string{"KR": "82", "KH": "855", "TH": "66", "VN": "84"}[victim]
		return "phone:" + cc + strings.TrimPrefix(d, "0")
	case "bank_account", "card":
		return "account:" + digits(s.Value)
	case "url", "domain":
		v := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s.Value), "https://"), "www.")
		return "site:" + v
	}
	return s.Kind + ":" + strings.ToLower(s.Value)
}

// TestGroundTruth checks that the planted networks are exactly the
// connected components of reports linked by shared selectors (Noise
// aside), by raw value and by normalised value.
func TestGroundTruth(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		sc := Generate(seed, Options{})
		group := map[string]int{} // external_ref -> network, or -(i+1) for lone report i
		for i, n := range sc.Networks {
			for _, r := range n.Refs {
				group[r] = i
			}
		}
		for i, r := range sc.Lone {
			group[r] = -(i + 1)
		}
		noise := map[string]bool{}
		for _, n := range sc.Noise {
			noise[n.Value] = true
			noise[key(intake.RawSelector{Value: n.Value, Kind: n.Kind}, "")] = true
		}
		noiseGroups := map[string]map[int]bool{}

		parent := make([]int, len(sc.Records))
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		byKey, byRaw := map[string]int{}, map[string]int{}
		rawGroup := map[string]int{}
		for i, r := range sc.Records {
			g := group[r.ExternalRef]
			for _, s := range r.Selectors {
				if noise[s.Value] {
					if noiseGroups[s.Value] == nil {
						noiseGroups[s.Value] = map[int]bool{}
					}
					noiseGroups[s.Value][g] = true
					continue
				}
				if prev, ok := rawGroup[s.Value]; ok && prev != g {
					t.Fatalf("seed %d: %q is in two groups (%d and %d)", seed, s.Value, prev, g)
				}
				rawGroup[s.Value] = g
				for _, k := range []string{key(s, r.VictimCountry), "raw:" + s.Value} {
					m := byKey
					if strings.HasPrefix(k, "raw:") {
						m = byRaw
					}
					if j, ok := m[k]; ok {
						parent[find(i)] = find(j)
					} else {
						m[k] = i
					}
				}
			}
		}
		// Components must be exactly the groups.
		compGroup := map[int]int{}
		groupComp := map[int]int{}
		for i, r := range sc.Records {
			c, g := find(i), group[r.ExternalRef]
			if prev, ok := compGroup[c]; ok && prev != g {
				t.Fatalf("seed %d: groups %d and %d are linked", seed, prev, g)
			}
			if prev, ok := groupComp[g]; ok && prev != c {
				t.Fatalf("seed %d: group %d (%v) falls apart", seed, g, sc.Records[i].ExternalRef)
			}
			compGroup[c], groupComp[g] = g, c
		}
		for v, gs := range noiseGroups {
			planted := 0
			for g := range gs {
				if g >= 0 {
					planted++
				}
			}
			if planted < 2 {
				t.Errorf("seed %d: noise %q is in %d networks; it should bridge at least 2", seed, v, planted)
			}
		}
		if len(noiseGroups) != len(sc.Noise) {
			t.Errorf("seed %d: %d of %d noise values used", seed, len(noiseGroups), len(sc.Noise))
		}
	}
}

// The scene reads back through intake unchanged: every field is valid.
func TestRoundTripThroughIntake(t *testing.T) {
	sc := Generate(4, Options{})
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, sc.Records); err != nil {
		t.Fatal(err)
	}
	rd, err := intake.NewReader("demo.jsonl", &buf, intake.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			if i != len(sc.Records) {
				t.Fatalf("read %d records of %d", i, len(sc.Records))
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		want := sc.Records[i]
		want.File, want.Line = "demo.jsonl", i+1
		if !reflect.DeepEqual(*rec, want) {
			t.Fatalf("record %d:\ngot  %+v\nwant %+v", i, *rec, want)
		}
	}
}

var (
	handleRE = regexp.MustCompile(`^@[A-Za-z][A-Za-z0-9_]{4,31}$`)
	evmRE    = regexp.MustCompile(`^0x[0-9a-f]{40}$`)
	phoneRE  = map[string]*regexp.Regexp{
		"82":  regexp.MustCompile(`^(\+82 ?(10|70)-?\d{4}-?\d{4}|0(10|70)[- ]?\d{4}[- ]?\d{4}|\+82 2-3210-0404|\+82 1588-9999)$`),
		"855": regexp.MustCompile(`^(\+855 ?\d{2} ?\d{3} ?\d{3,4}|0\d{2} ?\d{3} ?\d{3,4})$`),
		"66":  regexp.MustCompile(`^(\+66 ?[689]\d ?\d{3} ?\d{4}|0[689]\d-?\d{3}-?\d{4})$`),
		"84":  regexp.MustCompile(`^(\+84 ?[35789]\d ?\d{3} ?\d{4}|0[35789]\d ?\d{3} ?\d{4})$`),
		"86":  regexp.MustCompile(`^(\+86 ?1[3-9]\d ?\d{4} ?\d{4}|1[3-9]\d ?\d{4} ?\d{4})$`),
	}
)

func TestSelectorsWellFormed(t *testing.T) {
	sc := Generate(5, Options{})
	for _, r := range sc.Records {
		for _, s := range r.Selectors {
			v := s.Value
			if !strings.Contains(r.Narrative, " "+v+" ") && !strings.HasPrefix(r.Narrative, v+" ") {
				t.Errorf("%s: narrative does not name %q with spaces around it: %s", r.ExternalRef, v, r.Narrative)
			}
			ok := true
			switch s.Kind {
			case "handle":
				ok = handleRE.MatchString(v) && !strings.Contains(v, "__") && !strings.HasSuffix(v, "_")
			case "crypto":
				switch {
				case strings.HasPrefix(v, "0x"):
					ok = evmRE.MatchString(v)
				case strings.HasPrefix(v, "bc1"):
					ok = bech32Valid(v)
				default:
					payload, valid := base58CheckDecode(v)
					ok = valid && len(payload) == 21 && (payload[0] == 0x41 && v[0] == 'T' || payload[0] == 0 && v[0] == '1')
				}
			case "card":
				d := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, v)
				ok = len(d) == 19 && luhnComplete(d[:18]) == d
			case "phone":
				ok = false
				for _, re := range phoneRE {
					ok = ok || re.MatchString(v)
				}
			case "bank_account", "url", "domain":
				ok = strings.ContainsAny(v, "0123456789.")
			default:
				ok = false
			}
			if !ok {
				t.Errorf("%s: bad %s %q", r.ExternalRef, s.Kind, v)
			}
		}
	}
}

func TestNarrativeLanguages(t *testing.T) {
	sc := Generate(6, Options{})
	scripts := map[string]func(rune) bool{
		"Hangul": func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 },
		"Khmer":  func(r rune) bool { return r >= 0x1780 && r <= 0x17FF },
		"Thai":   func(r rune) bool { return r >= 0x0E00 && r <= 0x0E7F },
		"Han":    func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF },
		"Vietnamese": func(r rune) bool {
			return strings.ContainsRune("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", r)
		},
	}
	for name, is := range scripts {
		n := 0
		for _, r := range sc.Records {
			if strings.IndexFunc(r.Narrative, is) >= 0 {
				n++
			}
		}
		if n < 10 {
			t.Errorf("only %d narratives in %s", n, name)
		}
	}
}

// base58CheckDecode decodes a base58check string and verifies its
// checksum, independently of the encoder.
func base58CheckDecode(s string) ([]byte, bool) {
	n := []byte{} // big-endian base-256 number
	for _, c := range []byte(s) {
		d := strings.IndexByte(base58Alphabet, c)
		if d < 0 {
			return nil, false
		}
		carry := d
		for i := len(n) - 1; i >= 0; i-- {
			carry += int(n[i]) * 58
			n[i] = byte(carry)
			carry >>= 8
		}
		for carry > 0 {
			n = append([]byte{byte(carry)}, n...)
			carry >>= 8
		}
	}
	for i := 0; i < len(s) && s[i] == '1'; i++ {
		n = append([]byte{0}, n...)
	}
	if len(n) < 5 {
		return nil, false
	}
	payload, sum := n[:len(n)-4], n[len(n)-4:]
	return payload, bytes.Equal(sum, checksum(payload))
}

func checksum(p []byte) []byte {
	h := sha256d(p)
	return h[:4]
}

func bech32Valid(s string) bool {
	hrp, data, ok := strings.Cut(s, "1")
	if !ok || hrp != "bc" {
		return false
	}
	values := []byte{}
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	for _, c := range []byte(data) {
		d := strings.IndexByte(bech32Charset, c)
		if d < 0 {
			return false
		}
		values = append(values, byte(d))
	}
	return bech32Polymod(values) == 1 && len(data) == 39
}
