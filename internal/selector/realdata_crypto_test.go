package selector

import (
	"bufio"
	"counterscam/internal/shareddata"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func cryptoReadLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// ofacChains says which Subtype each OFAC list's addresses must parse as.
var ofacChains = map[string][]string{
	"XBT":  {"btc"},
	"ETH":  {"evm"},
	"TRX":  {"tron"},
	"USDT": {"evm", "tron", "btc"}, // ERC-20, TRC-20, and Omni Layer USDT on Bitcoin addresses
	"USDC": {"evm"},
	"LTC":  {"ltc"},
	"ARB":  {"evm"},
	"BSC":  {"evm"},
	"ETC":  {"evm"},
	"BCH":  {"bch", "btc"}, // CashAddr, or a legacy address shared with BTC
	"BSV":  {"btc"},        // BSV legacy addresses share Bitcoin's version byte
	"BTG":  {"btg"},
	"DASH": {"dash"},
	"XMR":  {"xmr"},
	"XRP":  {"xrp"},
	"XVG":  {"doge"}, // Verge shares Dogecoin's version byte 0x1e
	"ZEC":  {"zec"},
}

// ofacKnownOdd lists entries of the OFAC lists that are not addresses of
// the list's own chain, with the reason. Each must behave as stated.
var ofacKnownOdd = map[string]struct {
	list, chain, why string // chain "" means it must be rejected
}{
	// A TRON address filed under XBT in the SDN list; it parses as TRON.
	"TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq": {"XBT", "tron", "TRON address filed under XBT"},
	// 64 hex digits: not an address (it looks like a transaction or key hash).
	"5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320": {"XMR", "", "64-hex string, not a Monero address"},
}

func TestRealDataOFAC(t *testing.T) {
	dir := filepath.Join(shareddata.Path(t, ""), "scam-lists", "ofac")
	files, _ := filepath.Glob(filepath.Join(dir, "sanctioned_addresses_*.txt"))
	if len(files) == 0 {
		t.Skipf("no OFAC lists in %s", dir)
	}
	sort.Strings(files)
	for _, file := range files {
		list := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), "sanctioned_addresses_"), ".txt")
		want, known := ofacChains[list]
		if !known {
			t.Errorf("OFAC list %s has no expected chain; add it to ofacChains", list)
			continue
		}
		lines := cryptoReadLines(t, file)
		parsed := 0
		for _, addr := range lines {
			s, err := ParseAs(Crypto, addr, Options{})
			if odd, ok := ofacKnownOdd[addr]; ok && odd.list == list {
				if odd.chain == "" && err == nil {
					t.Errorf("%s %s (%s) parsed as %+v, want a reject", list, addr, odd.why, s)
				}
				if odd.chain != "" && (err != nil || s.Subtype != odd.chain) {
					t.Errorf("%s %s (%s): got %+v, %v; want chain %s", list, addr, odd.why, s, err, odd.chain)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s %s rejected: %v", list, addr, err)
				continue
			}
			if !containsString(want, s.Subtype) {
				t.Errorf("%s %s parsed as chain %s, want one of %v", list, addr, s.Subtype, want)
				continue
			}
			if s.Subtype == "evm" && s.Value != strings.ToLower(addr) {
				t.Errorf("%s %s: value %s", list, addr, s.Value)
			}
			parsed++
		}
		t.Logf("OFAC %-4s %3d/%3d parsed as %v", list, parsed, len(lines), want)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRealDataScamSnifferAddresses(t *testing.T) {
	path := filepath.Join(shareddata.Path(t, ""), "scam-lists", "scamsniffer-address.json")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var addrs []string
	if err := json.Unmarshal(data, &addrs); err != nil {
		t.Fatal(err)
	}
	if len(addrs) < 1000 {
		t.Fatalf("only %d addresses in %s", len(addrs), path)
	}
	for _, a := range addrs {
		s, err := ParseAs(Crypto, a, Options{})
		if err != nil || s.Subtype != "evm" || s.Value != strings.ToLower(a) {
			t.Errorf("%s: %+v, %v", a, s, err)
		}
	}
	t.Logf("ScamSniffer: %d EVM addresses parsed", len(addrs))
}

func BenchmarkParseCryptoOFAC(b *testing.B) {
	dir := filepath.Join(shareddata.Path(b, ""), "scam-lists", "ofac")
	data, err := os.ReadFile(filepath.Join(dir, "sanctioned_addresses_XBT.txt"))
	if err != nil {
		b.Skip(err)
	}
	lines := strings.Fields(string(data))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = ParseAs(Crypto, lines[i%len(lines)], Options{})
	}
}
