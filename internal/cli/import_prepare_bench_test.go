package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"counterscam/internal/demo"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
)

// benchRecords is the size of the preparation benchmarks' input.
const benchRecords = 20000

// syntheticCSV is benchRecords synthetic reports in the default layout.
func syntheticCSV(b *testing.B) []byte {
	var csv bytes.Buffer
	if err := demo.Synthetic(11, benchRecords, &csv); err != nil {
		b.Fatal(err)
	}
	return csv.Bytes()
}

// reportCPU reports the process's CPU time per operation since start
// (cpu-ms/op), which the shared machine's load disturbs less than wall
// time.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkReadRecords reads and prepares 20,000 synthetic records, as an
// import's first stage does before any store sees them; -cpu 1,2 compares
// one preparing goroutine with one a core (prepareAhead).
func BenchmarkReadRecords(b *testing.B) {
	ctx := context.Background()
	st, _ := newService(b)
	csv := syntheticCSV(b)
	b.SetBytes(int64(len(csv)))
	start := cpuTime()
	for b.Loop() {
		// A new service each time: its selector cache starts cold, as an
		// import's does.
		svc, err := intel.New(ctx, st, intel.Config{})
		if err != nil {
			b.Fatal(err)
		}
		rd, err := intake.NewReader("reports.csv", bytes.NewReader(csv), intake.CSV, nil)
		if err != nil {
			b.Fatal(err)
		}
		out := make(chan *readBatch, 100)
		go func() {
			for range out {
			}
		}()
		rs := readRecords(ctx, svc, rd, &rejectFile{path: b.TempDir() + "/rejects.tsv"}, out)
		close(out)
		if rs.err != nil || rs.read != benchRecords {
			b.Fatalf("%+v", rs)
		}
	}
	reportCPU(b, start)
}

// BenchmarkPrepareRecords is the preparation alone (svc.PrepareUnnumbered
// on records already read), on one goroutine, with a cold selector cache.
func BenchmarkPrepareRecords(b *testing.B) {
	ctx := context.Background()
	st, _ := newService(b)
	rd, err := intake.NewReader("reports.csv", bytes.NewReader(syntheticCSV(b)), intake.CSV, nil)
	if err != nil {
		b.Fatal(err)
	}
	var recs []*intake.Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rec)
	}
	start := cpuTime()
	for b.Loop() {
		svc, err := intel.New(ctx, st, intel.Config{})
		if err != nil {
			b.Fatal(err)
		}
		for _, rec := range recs {
			if _, err := svc.PrepareUnnumbered(rec.Input()); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, start)
}
