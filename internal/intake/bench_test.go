package intake_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"counterscam/internal/demo"
	"counterscam/internal/intake"
)

// BenchmarkReadCSV parses a 100,000-report CSV in the default layout.
func BenchmarkReadCSV(b *testing.B) {
	const n = 100_000
	var buf bytes.Buffer
	if err := demo.Synthetic(1, n, &buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		rd, err := intake.NewReader("bench.csv", bytes.NewReader(data), intake.CSV, nil)
		if err != nil {
			b.Fatal(err)
		}
		got := 0
		for {
			_, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			got++
		}
		if got != n {
			b.Fatalf("%d records, want %d", got, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkReadJSONL parses the demo scene as JSON Lines.
func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	sc := demo.Generate(1, demo.Options{Networks: 40, Lone: 2000})
	if err := demo.WriteJSONL(&buf, sc.Records); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		rd, err := intake.NewReader("bench.jsonl", bytes.NewReader(data), intake.JSONL, nil)
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := rd.Next(); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(sc.Records)*b.N)/b.Elapsed().Seconds(), "records/s")
}
