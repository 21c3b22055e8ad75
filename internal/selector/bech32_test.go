package selector

import (
	"strings"
	"testing"
)

// bechEncode builds a bech32 (constant 1) or bech32m string; tests use it to
// make addresses that break exactly one rule.
func bechEncode(hrp string, data []byte, constant uint32) string {
	values := make([]byte, 0, 2*len(hrp)+1+len(data)+6)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := bechPolymod(values, 1) ^ constant
	var b strings.Builder
	b.WriteString(hrp)
	b.WriteByte('1')
	for _, d := range data {
		b.WriteByte(bechCharset[d])
	}
	for i := 0; i < 6; i++ {
		b.WriteByte(bechCharset[(mod>>(5*(5-i)))&31])
	}
	return b.String()
}

func segwitEncode(hrp string, version byte, program []byte, constant uint32) string {
	conv, _ := bechConvertBits(program, 8, 5, true)
	return bechEncode(hrp, append([]byte{version}, conv...), constant)
}

func TestSegwitDecode(t *testing.T) {
	prog20 := make([]byte, 20)
	prog32 := make([]byte, 32)
	for i := range prog32 {
		prog32[i] = byte(i * 7)
	}
	copy(prog20, prog32)
	tests := []struct {
		name    string
		in      string
		wantHRP string
		wantVer byte
		ok      bool
	}{
		{"BIP-173 P2WPKH upper case", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc", 0, true},
		{"BIP-173 P2WSH", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc", 0, true},
		{"BIP-350 taproot", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc", 1, true},
		{"v0 built here", segwitEncode("bc", 0, prog20, bechConstBech32), "bc", 0, true},
		{"v1 built here", segwitEncode("bc", 1, prog32, bechConstBech32m), "bc", 1, true},
		{"v16 two-byte program", segwitEncode("bc", 16, prog32[:2], bechConstBech32m), "bc", 16, true},
		{"v0 with bech32m checksum", segwitEncode("bc", 0, prog20, bechConstBech32m), "", 0, false},
		{"v1 with bech32 checksum", segwitEncode("bc", 1, prog32, bechConstBech32), "", 0, false},
		{"v0 program of 21 bytes", segwitEncode("bc", 0, append(prog20, 1), bechConstBech32), "", 0, false},
		{"program of 41 bytes", segwitEncode("bc", 1, append(append(prog32, prog32[:8]...), 1), bechConstBech32m), "", 0, false},
		{"program of 1 byte", segwitEncode("bc", 1, prog32[:1], bechConstBech32m), "", 0, false},
		{"version 17", bechEncode("bc", append([]byte{17}, make([]byte, 32)...), bechConstBech32m), "", 0, false},
		{"wrong checksum", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "", 0, false},
		{"mixed case", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7Kv8f3t4", "", 0, false},
		{"character outside charset", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3tb", "", 0, false},
		{"no separator", "bcqw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "", 0, false},
		{"too long", "bc1" + strings.Repeat("q", 100), "", 0, false},
	}
	for _, tt := range tests {
		hrp, ver, _, ok := segwitDecode(tt.in)
		if ok != tt.ok || hrp != tt.wantHRP || ver != tt.wantVer {
			t.Errorf("%s: segwitDecode(%q) = %q, %d, %v; want %q, %d, %v", tt.name, tt.in, hrp, ver, ok, tt.wantHRP, tt.wantVer, tt.ok)
		}
	}
}
