package audit

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// chain returns n sealed entries, Seq 1..n.
func chain(n int) []Entry {
	t0 := time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
	es := make([]Entry, n)
	prev := ""
	for i := range es {
		es[i] = Entry{Seq: int64(i + 1), At: t0.Add(time.Duration(i) * 1500 * time.Millisecond),
			Actor: fmt.Sprintf("u%d", i%3), Org: []string{"KNPA", "CNP"}[i%2], Addr: "198.51.100.9",
			Action: "read_report", RecordType: "report", RecordID: fmt.Sprintf("r%d", i),
			Purpose: "investigation", Decision: DecisionAllow}
		es[i].Seal(prev)
		prev = es[i].Hash
	}
	return es
}

// stream serves es in order, then (nil, nil).
func stream(es []Entry) func() (*Entry, error) {
	i := 0
	return func() (*Entry, error) {
		if i == len(es) {
			return nil, nil
		}
		i++
		return &es[i-1], nil
	}
}

func TestVerifyIntact(t *testing.T) {
	for _, n := range []int{0, 1, 2, 50} {
		checked, broken, err := Verify(stream(chain(n)))
		if checked != int64(n) || broken != nil || err != nil {
			t.Errorf("intact chain of %d: checked %d, broken %v, err %v", n, checked, broken, err)
		}
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	const n, k = 10, 6 // tamper around entry 6
	edit := func(f func(e *Entry)) []Entry {
		es := chain(n)
		f(&es[k-1])
		return es
	}
	without := func(from, to int) []Entry { // drop Seq from..to
		es := chain(n)
		return append(es[:from-1:from-1], es[to:]...)
	}
	for _, c := range []struct {
		name   string
		es     []Entry
		seq    int64
		reason string
		fit    int64 // entries checked before the break
	}{
		{"edit At", edit(func(e *Entry) { e.At = e.At.Add(time.Microsecond) }), k, "altered", 5},
		{"edit Actor", edit(func(e *Entry) { e.Actor = "u-other" }), k, "altered", 5},
		{"edit Org", edit(func(e *Entry) { e.Org = "MOFA" }), k, "altered", 5},
		{"edit Addr", edit(func(e *Entry) { e.Addr = "198.51.100.10" }), k, "altered", 5},
		{"edit Action", edit(func(e *Entry) { e.Action = "search" }), k, "altered", 5},
		{"edit RecordType", edit(func(e *Entry) { e.RecordType = "person" }), k, "altered", 5},
		{"edit RecordID", edit(func(e *Entry) { e.RecordID = "r0" }), k, "altered", 5},
		{"edit Purpose", edit(func(e *Entry) { e.Purpose = "court" }), k, "altered", 5},
		{"edit Decision", edit(func(e *Entry) { e.Decision = DecisionDeny }), k, "altered", 5},
		{"edit Prev", edit(func(e *Entry) { e.Prev = strings.Repeat("0", 64) }), k, "altered", 5},
		{"edit Hash", edit(func(e *Entry) { e.Hash = strings.Repeat("0", 64) }), k, "altered", 5},
		{"edit Seq", edit(func(e *Entry) { e.Seq = 60 }), 60, "entries 6 to 59 are missing", 5},
		{"edit and re-seal", edit(func(e *Entry) { e.Actor = "u-other"; e.Seal(e.Prev) }), k + 1, "entry 6", 6},
		{"delete one", without(k, k), k + 1, "entry 6 is missing", 5},
		{"delete the first", without(1, 1), 2, "entry 1 is missing", 0},
		{"delete and renumber", renumber(without(k, k)), k, "altered", 5},
		{"truncate the middle", without(4, 8), 9, "entries 4 to 8 are missing", 3},
		{"swap two", swap(chain(n), k-1, k), k + 1, "entry 6 is missing", 5},
		{"repeat one", append(chain(k), chain(n)[k-1:]...), k, "out of order: seq 6 after 6", 6},
		{"first with a prev", func() []Entry { es := chain(n); es[0].Seal("x"); return es }(), 1, "first entry", 0},
		{"starts at 0", func() []Entry { es := chain(1); es[0].Seq = 0; es[0].Seal(""); return es }(), 0, "out of order", 0},
	} {
		checked, broken, err := Verify(stream(c.es))
		if err != nil || broken == nil {
			t.Errorf("%s: checked %d, broken %v, err %v; want a break at %d", c.name, checked, broken, err, c.seq)
			continue
		}
		if broken.Seq != c.seq || !strings.Contains(broken.Reason, c.reason) {
			t.Errorf("%s: broken at %d (%s), want %d (%q)", c.name, broken.Seq, broken.Reason, c.seq, c.reason)
		}
		if checked != c.fit {
			t.Errorf("%s: checked %d entries before the break, want %d", c.name, checked, c.fit)
		}
	}
}

// renumber closes Seq gaps without re-sealing, as someone hiding a
// deletion would.
func renumber(es []Entry) []Entry {
	for i := range es {
		es[i].Seq = int64(i + 1)
	}
	return es
}

func swap(es []Entry, i, j int) []Entry { es[i], es[j] = es[j], es[i]; return es }

// TestCheckpoint shows what the chain alone cannot see (a cut tail, a
// wholly re-sealed chain) and how a kept checkpoint catches it.
func TestCheckpoint(t *testing.T) {
	es := chain(20)
	var head Checkpoint
	if _, b, _ := VerifyFrom(&head, stream(es)); b != nil || head != (Checkpoint{20, es[19].Hash}) {
		t.Fatalf("head after full verify = %+v, %v", head, b)
	}
	var cut Checkpoint
	checked, b, _ := VerifyFrom(&cut, stream(es[:15]))
	if checked != 15 || b != nil || cut == head {
		t.Fatalf("cut tail: checked %d, broken %v, head %+v: want 15 fitting entries and a head unlike the kept one", checked, b, cut)
	}
	// Resume after entries 1..10 were deleted at end of retention.
	from := Checkpoint{10, es[9].Hash}
	if checked, b, _ := VerifyFrom(&from, stream(es[10:])); checked != 10 || b != nil || from != head {
		t.Fatalf("resume from 10: checked %d, broken %v, head %+v", checked, b, from)
	}
	wrong := Checkpoint{10, es[8].Hash}
	if _, b, _ := VerifyFrom(&wrong, stream(es[10:])); b == nil || b.Seq != 11 {
		t.Fatalf("resume from a wrong hash: broken %v, want at 11", b)
	}
	if wrong.Seq != 10 {
		t.Fatalf("a failed Check moved the checkpoint to %d", wrong.Seq)
	}
}

func TestVerifyNextErrors(t *testing.T) {
	es := chain(3)
	boom := errors.New("disk gone")
	i := 0
	checked, b, err := Verify(func() (*Entry, error) {
		i++
		if i == 3 {
			return nil, boom
		}
		return &es[i-1], nil
	})
	if checked != 2 || b != nil || !errors.Is(err, boom) {
		t.Errorf("error from next: checked %d, broken %v, err %v", checked, b, err)
	}
	// An entry returned with io.EOF counts; io.EOF is no error.
	i = 0
	checked, b, err = Verify(func() (*Entry, error) {
		i++
		if i == 3 {
			return &es[2], io.EOF
		}
		return &es[i-1], nil
	})
	if checked != 3 || b != nil || err != nil {
		t.Errorf("entry with io.EOF: checked %d, broken %v, err %v", checked, b, err)
	}
	if msg := (&Broken{Seq: 4, Reason: "x"}).Error(); msg != "audit entry 4: x" {
		t.Errorf("Broken.Error() = %q", msg)
	}
}

func BenchmarkVerify(b *testing.B) {
	es := chain(1000)
	for b.Loop() {
		if n, br, err := Verify(stream(es)); n != 1000 || br != nil || err != nil {
			b.Fatal(n, br, err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "entries/s")
}
