package intel_test

import (
	"context"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/store/sqlite"
)

// BenchmarkCheckText is the check page's work on a pasted job ad (about
// 200 bytes) and on a text at the page's limit (16 KiB of such ads).
func BenchmarkCheckText(b *testing.B) {
	st, err := sqlite.Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc, err := intel.New(b.Context(), st, intel.Config{PublicationThreshold: 2})
	if err != nil {
		b.Fatal(err)
	}
	if err := svc.WarmChecks(b.Context()); err != nil {
		b.Fatal(err)
	}
	ad := "캄보디아 고수익 알바 월 1000만원, 항공권 제공, 경력 무관. 연락 095 756 407 또는 +855 12 345 678, 텔레그램 @job_kh, 사이트 coin-tiger.net, 입금 TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL\n"
	long := strings.Repeat(ad, intel.MaxCheckText/len(ad))
	for _, tc := range []struct{ name, text string }{{"ad", ad}, {"16KiB", long}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				if _, err := svc.CheckText(context.Background(), tc.text, "KR"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
