package misp

import (
	"fmt"
	"io"
	"testing"

	"counterscam/internal/indicator"
	"counterscam/internal/intel"
	"counterscam/internal/stix"
	"counterscam/internal/store"
)

// benchReports are 10,000 reports naming three of 2,000 phone numbers,
// wallets and handles each, as a large network's export would.
func benchReports() []*store.Report {
	sels := make([]store.ReportSelector, 2000)
	for i := range sels {
		switch i % 3 {
		case 0:
			sels[i] = sel("phone", fmt.Sprintf("+8559%08d", i), "", "mobile", "contacted_by")
		case 1:
			sels[i] = sel("crypto", fmt.Sprintf("T%033d", i), "", "tron", "paid_to")
		default:
			sels[i] = sel("handle", fmt.Sprintf("telegram:job_%d", i), "", "telegram", "recruited_via")
		}
	}
	reps := make([]*store.Report, 10000)
	for i := range reps {
		reps[i] = &store.Report{ID: fmt.Sprintf("01K%023d", i), Origin: "CNP", ExternalRef: fmt.Sprintf("CNP-%d", i), ReceivedAt: day(1 + i%28),
			ScamType: "crypto_investment", TLP: store.TLPAmber, Narrative: "Met on Telegram, paid to a wallet the 'broker' gave, then asked for a withdrawal fee.",
			Selectors: []store.ReportSelector{sels[i%2000], sels[(i*7+1)%2000], sels[(i*13+2)%2000]}}
	}
	return reps
}

// BenchmarkExport writes the same 10,000 reports as a MISP event and as a
// STIX bundle, alternately, for the ratio of their costs.
func BenchmarkExport(b *testing.B) {
	reps := benchReports()
	for _, f := range []struct {
		name string
		open func(io.Writer) intel.ReportWriter
	}{
		{"stix", func(w io.Writer) intel.ReportWriter { return stix.NewWriter(w, "KNPA", indicator.Marks{}) }},
		{"misp", func(w io.Writer) intel.ReportWriter { return NewWriter(w, Options{Producer: "KNPA", MaxTLP: "AMBER"}) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := f.open(io.Discard)
				for _, r := range reps {
					if err := w.Report(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
