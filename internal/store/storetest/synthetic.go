package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"counterscam/internal/store"
)

// SyntheticReports makes n synthetic reports numbered from start, each
// naming three selectors: a phone number of its own, a bank account from a
// pool of 20,000 and a wallet from a pool of 200,000, so selectors are
// partly shared within and across batches. The same arguments always give
// the same reports.
func SyntheticReports(seed uint64, start, n int) []*store.Report {
	rng := rand.New(rand.NewPCG(seed, uint64(start)))
	origins := []string{"kr-knpa", "kh-police", "partner-th"}
	scams := []string{"romance", "crypto_investment", "gambling", "job_lure", "voice_phishing"}
	currencies := []string{"USD", "KRW", "USDT", "KHR"}
	out := make([]*store.Report, n)
	for i := range out {
		num := start + i
		received := base.Add(time.Duration(num) * time.Minute).Add(time.Duration(rng.IntN(1_000_000)) * time.Microsecond)
		phone := fmt.Sprintf("+85510%07d", num%10_000_000)
		bank := fmt.Sprintf("KH:ABA:%09d", rng.IntN(20_000))
		wallet := fmt.Sprintf("T%033d", rng.IntN(200_000))
		out[i] = &store.Report{
			ID:            rid(num),
			Origin:        origins[rng.IntN(len(origins))],
			ExternalRef:   fmt.Sprintf("SYN-%d", num),
			Channel:       "import",
			ReceivedAt:    received,
			OccurredAt:    received.Add(-time.Duration(rng.IntN(2000)) * time.Hour),
			ScamType:      scams[rng.IntN(len(scams))],
			Narrative:     fmt.Sprintf("Synthetic report %d: contacted from %s, asked to pay into %s and then %s.", num, phone, bank, wallet),
			VictimRef:     fmt.Sprintf("v-%d", num/2),
			VictimCountry: []string{"KR", "KH"}[num%2],
			TLP:           store.TLPAmber,
			Losses:        []store.Loss{{AmountMinor: int64(rng.IntN(10_000_000)), Currency: currencies[rng.IntN(len(currencies))]}},
			Selectors: []store.ReportSelector{
				{SelectorID: selID("phone", phone), Kind: "phone", Value: phone, Display: phone, Region: "KH", Subtype: "mobile",
					Role: "contacted_by", Source: "field", Raw: phone},
				{SelectorID: selID("bank_account", bank), Kind: "bank_account", Value: bank, Display: bank, Region: "KH", Subtype: "ABA",
					Role: "paid_to", Source: "field", Raw: bank},
				{SelectorID: selID("crypto", wallet), Kind: "crypto", Value: wallet, Display: wallet, Subtype: "tron",
					Role: "paid_to", Source: "narrative", Raw: wallet},
			},
			CreatedAt: received.Add(time.Second),
		}
	}
	return out
}

// BenchInsertReports measures InsertReports on batches of 5,000 synthetic
// reports (three selectors each, partly shared), one batch per Update, into
// one growing store, and reports reports per second.
func BenchInsertReports(b *testing.B, s store.Store) {
	const size = 5000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		reports := SyntheticReports(uint64(i), i*size, size)
		b.StartTimer()
		err := s.Update(b.Context(), func(w store.Writer) error {
			_, err := w.InsertReports(b.Context(), reports)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "reports/s")
}
