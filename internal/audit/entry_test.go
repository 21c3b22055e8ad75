package audit

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"
)

// TestSealKnownHashes pins the canonical encoding: the expected hashes
// were computed by a separate implementation of the encoding (Python
// hashlib over hand-built bytes), so a change to the format fails here.
func TestSealKnownHashes(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	e1 := Entry{Seq: 1, At: time.Date(2025, 10, 20, 18, 0, 0, 123456789, kst),
		Actor: "u-analyst-1", Org: "KNPA", Addr: "203.0.113.7", Action: "read_report",
		RecordType: "report", RecordID: "01K7ZQ3J6V9X2B4N8M0P5R7T1W", Purpose: "investigation", Decision: DecisionAllow}
	e1.Seal("")
	if want := time.Date(2025, 10, 20, 9, 0, 0, 123456000, time.UTC); e1.At != want {
		t.Errorf("Seal left At = %v, want %v (UTC, whole microseconds)", e1.At, want)
	}
	if want := "bb458dcc068263bb546a975195202499572387c317f121f2cc21040bfd28d2c6"; e1.Hash != want || e1.Prev != "" {
		t.Errorf("entry 1: Hash %s Prev %q, want %s and empty", e1.Hash, e1.Prev, want)
	}
	e2 := Entry{Seq: 2, At: time.Date(2025, 10, 20, 9, 0, 1, 0, time.UTC),
		Actor: strings.Repeat("가", 50), Org: "KNPA", Action: "search", Decision: DecisionDeny}
	e2.Seal(e1.Hash)
	if want := "512e4bfe2dfa2b3eeaa7b175f99608ccdeb149d6646b64a78748d3ca28945697"; e2.Hash != want || e2.Prev != e1.Hash {
		t.Errorf("entry 2: Hash %s Prev %s, want %s and %s", e2.Hash, e2.Prev, want, e1.Hash)
	}
}

func TestSealDeterministic(t *testing.T) {
	at := time.Date(2025, 10, 20, 9, 0, 0, 5000, time.UTC)
	a := Entry{Seq: 7, At: at, Actor: "u1"}
	b := Entry{Seq: 7, At: at.In(time.FixedZone("ICT", 7*3600)), Actor: "u1", Hash: "stale"}
	a.Seal("p")
	b.Seal("p")
	if a.Hash != b.Hash || len(a.Hash) != 64 {
		t.Fatalf("same entry, same prev: hashes %q and %q", a.Hash, b.Hash)
	}
	// Nanoseconds below the microsecond do not survive the store, so
	// they do not count.
	c := Entry{Seq: 7, At: at.Add(999), Actor: "u1"}
	c.Seal("p")
	if c.Hash != a.Hash {
		t.Fatal("sub-microsecond difference changed the hash")
	}
}

// TestCanonicalFieldBoundaries moves bytes across each pair of
// neighbouring fields; every move must change the encoding.
func TestCanonicalFieldBoundaries(t *testing.T) {
	base := Entry{Seq: 3, At: time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC),
		Actor: "ab", Org: "cd", Addr: "ef", Action: "gh", RecordType: "ij", RecordID: "kl", Purpose: "mn", Decision: "op", Prev: "qr"}
	fields := func(e *Entry) []*string {
		return []*string{&e.Actor, &e.Org, &e.Addr, &e.Action, &e.RecordType, &e.RecordID, &e.Purpose, &e.Decision, &e.Prev}
	}
	seen := map[string]string{string(base.appendCanonical(nil)): "base"}
	for i := 0; i+1 < 9; i++ {
		for _, shift := range []int{-2, -1, 1, 2} {
			e := base
			f := fields(&e)
			joined := *f[i] + *f[i+1]
			cut := 2 + shift
			*f[i], *f[i+1] = joined[:cut], joined[cut:]
			enc := string(e.appendCanonical(nil))
			name := strings.Join([]string{*f[i], "|", *f[i+1]}, "")
			if prev, dup := seen[enc]; dup {
				t.Fatalf("fields %d/%d split %s encode like %s", i, i+1, name, prev)
			}
			seen[enc] = name
		}
	}
}

// decodeCanonical is the inverse of appendCanonical, written only for the
// test: an encoding with a left inverse is injective.
func decodeCanonical(b []byte) (Entry, bool) {
	var e Entry
	rest, ok := strings.CutPrefix(string(b), canonicalTag)
	if !ok || len(rest) < 8 {
		return e, false
	}
	e.Seq = int64(binary.BigEndian.Uint64([]byte(rest[:8])))
	rest = rest[8:]
	var vals [10]string
	for i := range vals {
		n, w := binary.Uvarint([]byte(rest))
		if w <= 0 || uint64(len(rest)-w) < n {
			return e, false
		}
		vals[i], rest = rest[w:w+int(n)], rest[w+int(n):]
	}
	if rest != "" {
		return e, false
	}
	at, err := time.Parse(timeLayout, vals[0])
	if err != nil {
		return e, false
	}
	e.At = at
	e.Actor, e.Org, e.Addr, e.Action, e.RecordType, e.RecordID, e.Purpose, e.Decision, e.Prev =
		vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], vals[7], vals[8], vals[9]
	return e, true
}

func FuzzCanonicalInjective(f *testing.F) {
	f.Add(int64(1), int64(1760950800123456000), "u-analyst-1", "KNPA", "203.0.113.7", "read_report", "report", "01K7", "investigation", "allow", "")
	f.Add(int64(-1), int64(0), "", "", "", "", "", "", "", "", "")
	f.Add(int64(2), int64(-1), "a\x00b", "\x80", strings.Repeat("x", 200), "", "", "", "", "", "ff")
	f.Fuzz(func(t *testing.T, seq, nanos int64, actor, org, addr, action, rtype, rid, purpose, decision, prev string) {
		e := Entry{Seq: seq, At: time.Unix(0, nanos).UTC(), Actor: actor, Org: org, Addr: addr, Action: action,
			RecordType: rtype, RecordID: rid, Purpose: purpose, Decision: decision, Prev: prev}
		got, ok := decodeCanonical(e.appendCanonical(nil))
		if !ok {
			t.Fatalf("encoding of %+v does not decode", e)
		}
		if !got.At.Equal(e.At) {
			t.Fatalf("time %v decodes as %v", e.At, got.At)
		}
		got.At = e.At
		if got != e {
			t.Fatalf("%+v decodes as %+v", e, got)
		}
	})
}

func BenchmarkSeal(b *testing.B) {
	e := Entry{Seq: 1, At: time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC), Actor: "01K7ZQ3J6V9X2B4N8M0P5R7T1W",
		Org: "KNPA", Addr: "2001:db8::7", Action: "read_person", RecordType: "person",
		RecordID: "01K7ZQ3J6V9X2B4N8M0P5R7T1X", Purpose: "consular", Decision: DecisionAllow}
	prev := strings.Repeat("0", 64)
	for b.Loop() {
		e.Seq++
		e.Seal(prev)
		prev = e.Hash
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
