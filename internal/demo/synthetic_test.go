package demo

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"counterscam/internal/intake"
)

func TestSynthetic(t *testing.T) {
	const n = 3000
	var a, b bytes.Buffer
	if err := Synthetic(9, n, &a); err != nil {
		t.Fatal(err)
	}
	if err := Synthetic(9, n, &b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave two files")
	}
	rd, err := intake.NewReader("syn.csv", &a, intake.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	sels, records := 0, 0
	var last intake.Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("a synthetic row does not import: %v", err)
		}
		if records > 0 && rec.ReceivedAt.Before(last.ReceivedAt) {
			t.Fatalf("%s is older than the row before", rec.ExternalRef)
		}
		last = *rec
		records++
		for _, s := range rec.Selectors {
			// One key per selector whatever its spelling.
			v := s.Value
			if strings.HasPrefix(v, "010-") {
				v = "+82 10-" + v[4:]
			}
			count[v]++
			sels++
		}
	}
	if records != n {
		t.Fatalf("%d records, want %d", records, n)
	}
	if avg := float64(sels) / n; avg < 2.5 || avg > 3.5 {
		t.Errorf("%.2f selectors a report, want about 3", avg)
	}
	shared, most := 0, 0
	for _, c := range count {
		if c > 1 {
			shared++
		}
		most = max(most, c)
	}
	if frac := float64(shared) / float64(len(count)); frac < 0.2 || frac > 0.8 {
		t.Errorf("%.2f of selectors are named more than once", frac)
	}
	if most < 10 {
		t.Errorf("the most named selector is named %d times; want hubs", most)
	}
}

// Distinct selector numbers give distinct values, so communities never
// link by accident.
func TestSyntheticSelectorsInjective(t *testing.T) {
	seen := map[string]int32{}
	for id := int32(0); id < 300_000; id++ {
		v := syntheticSelector(3, id)
		if prev, ok := seen[v]; ok {
			t.Fatalf("ids %d and %d both give %q", prev, id, v)
		}
		seen[v] = id
	}
	// High numbers too, near the top of the supported range.
	for id := int32(59_000_000); id < 59_100_000; id++ {
		v := syntheticSelector(3, id)
		if prev, ok := seen[v]; ok {
			t.Fatalf("ids %d and %d both give %q", prev, id, v)
		}
		seen[v] = id
	}
}

func BenchmarkSynthetic(b *testing.B) {
	for b.Loop() {
		if err := Synthetic(1, 10_000, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(1, Options{})
	}
}
