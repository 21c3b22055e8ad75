package screen

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestSweep(t *testing.T) {
	s := defaultTestScreener(t)
	score := func(text string) int {
		r, err := s.Assess(context.Background(), text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r.Score
	}
	lure, weak, benign := "단기 고수익", "We are hiring a cook", "I think u have the wrong number."
	ls, bs := score(lure), score(benign)
	if ls <= bs || bs == 0 || score(weak) != 0 {
		t.Fatalf("scores: lure %d, benign %d, weak %d; the test needs lure > benign > 0 = weak", ls, bs, score(weak))
	}
	in := "lure\t" + lure + "\nlure\t" + weak + "\nham\t" + benign + "\nham\tSee you at 7\nspam\tWIN cash now\n"
	rep, err := Evaluate(context.Background(), s, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	rows := rep.Sweep([]int{bs, bs + 1, ls, ls + 1})
	want := []SweepRow{
		{At: bs, Lures: 2, LureHits: 1, LureRecall: 0.5, Benign: 2, BenignElevated: 1},
		{At: bs + 1, Lures: 2, LureHits: 1, LureRecall: 0.5, Benign: 2},
		{At: ls, Lures: 2, LureHits: 1, LureRecall: 0.5, Benign: 2},
		{At: ls + 1, Lures: 2, Benign: 2},
	}
	if ls == bs+1 {
		want = append(want[:1], want[2:]...)
		rows = append(rows[:1], rows[2:]...)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
	var b bytes.Buffer
	WriteSweep(&b, rows)
	if !strings.Contains(b.String(), "lure recall") || strings.Count(b.String(), "\n") != len(rows)+1 {
		t.Errorf("WriteSweep:\n%s", b.String())
	}
}
