package selector

import (
	"counterscam/internal/shareddata"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// scamDomains returns every domain of the MetaMask phishing config (block
// list, allow list, fuzzy list) and of the ScamSniffer domain list.
func scamDomains(tb testing.TB) (metamask, scamsniffer []string) {
	dir := filepath.Join(shareddata.Path(tb, ""), "scam-lists")
	var mm struct {
		Blacklist, Whitelist, Fuzzylist []string
	}
	readJSON(tb, filepath.Join(dir, "metamask-eth-phishing-detect-config.json"), &mm)
	metamask = slices.Concat(mm.Blacklist, mm.Whitelist, mm.Fuzzylist)
	readJSON(tb, filepath.Join(dir, "scamsniffer-domains-2024-03-30.json"), &scamsniffer)
	return metamask, scamsniffer
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("%s: %v", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// Every real scam and allow-listed domain parses as a domain, except
// entries that are no domain name: single labels (an internal Chrome page
// name, an extension ID, numbers, a bare TLD), IPv4 addresses (which must
// parse as kind ip instead), and names under top-level labels that exist
// in no root (typos and made-up ones). Normalising twice changes nothing,
// and the Unicode display form parses back to the same value.
func TestRealDomainLists(t *testing.T) {
	metamask, scamsniffer := scamDomains(t)
	if len(metamask) < 14000 || len(scamsniffer) < 160000 {
		t.Fatalf("lists too short: %d, %d", len(metamask), len(scamsniffer))
	}
	wantRejects := map[string]bool{
		// Single labels.
		"com12786312634": true, "iclexofmarket": true, "chromewebdata": true,
		"nmodpehheanmmecahgonklemobcbpnfg": true, "ad": true,
		// IPv4 addresses.
		"46.226.108.171": true, "209.159.154.156": true, "68.168.123.85": true,
		"185.156.173.87": true, "94.100.18.96": true,
		// No such top-level domain.
		"yugalabs.and": true, "azuki.claim": true, "drapp.web3solutions": true,
		"panquekesawp.cience": true, "api10.uicu": true,
	}
	for d := range wantRejects {
		if s, err := Parse(d, Options{}); err == nil && s.Kind != IP && s.Kind != Handle {
			t.Errorf("Parse(%q) = %+v", d, s)
		}
	}
	var rejects []string
	idn := 0
	for _, d := range slices.Concat(metamask, scamsniffer) {
		s, err := ParseAs(Domain, d, Options{})
		if err != nil {
			rejects = append(rejects, d)
			if !wantRejects[d] {
				t.Errorf("%q: %v", d, err)
			}
			continue
		}
		again, err := ParseAs(Domain, s.Value, Options{})
		if err != nil || again != s {
			t.Errorf("%q -> %+v, again %+v, %v", d, s, again, err)
		}
		if s.Display != s.Value {
			idn++
			if u, err := ParseAs(Domain, s.Display, Options{}); err != nil || u.Value != s.Value {
				t.Errorf("%q: display %q parses to %+v, %v", d, s.Display, u, err)
			}
		}
	}
	if len(rejects) != len(wantRejects) {
		t.Errorf("%d rejects, want %d: %q", len(rejects), len(wantRejects), rejects)
	}
	if idn < 1000 {
		t.Errorf("only %d internationalised names; the lists hold about 2,000", idn)
	}
}

// BenchmarkParseDomainList parses the whole ScamSniffer list per iteration.
func BenchmarkParseDomainList(b *testing.B) {
	_, list := scamDomains(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range list {
			ParseAs(Domain, d, Options{})
		}
	}
	b.ReportMetric(float64(len(list)*b.N)/b.Elapsed().Seconds(), "domains/s")
}
