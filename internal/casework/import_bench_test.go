package casework

import (
	"fmt"
	"testing"

	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// BenchmarkImport5k imports 5,000 persons in one batch into a fresh store.
func BenchmarkImport5k(b *testing.B) {
	persons := genPersons(5000, 3)
	var recs []*PersonRecord
	for i, g := range persons {
		recs = append(recs, &PersonRecord{File: "bench", Line: i + 2, Input: *g.input(fmt.Sprintf("EMB-%06d", i))})
	}
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(b.Context(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		svc := New(st, nil, Config{})
		if err := putOrg(b.Context(), st, orgEmbassy); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := svc.ImportPersons(b.Context(), trust.Operator(), recs, ImportOptions{Origin: orgEmbassy, LegalBasis: "x", Purpose: "y"}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(recs)), "µs/person")
}
