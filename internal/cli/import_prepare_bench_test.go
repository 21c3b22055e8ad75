package cli

import (
	"bytes"
	"context"
	"testing"

	"counterscam/internal/demo"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
)

// BenchmarkReadRecords reads and prepares 20,000 synthetic records, as an
// import's first stage does before any store sees them; -cpu 1,2 compares
// one preparing goroutine with one a core (prepareAhead).
func BenchmarkReadRecords(b *testing.B) {
	ctx := context.Background()
	st, _ := newService(b)
	var csv bytes.Buffer
	if err := demo.Synthetic(11, 20000, &csv); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(csv.Len()))
	for b.Loop() {
		// A new service each time: its selector cache starts cold, as an
		// import's does.
		svc, err := intel.New(ctx, st, intel.Config{})
		if err != nil {
			b.Fatal(err)
		}
		rd, err := intake.NewReader("reports.csv", bytes.NewReader(csv.Bytes()), intake.CSV, nil)
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
		if rs.err != nil || rs.read != 20000 {
			b.Fatalf("%+v", rs)
		}
	}
}
