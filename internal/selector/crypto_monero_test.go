package selector

import (
	"encoding/binary"
	"strings"
	"testing"

	"golang.org/x/crypto/sha3"
)

// moneroEncode is the inverse of moneroDecode; tests use it to build
// addresses of every type.
func moneroEncode(b []byte) string {
	var out strings.Builder
	for len(b) > 0 {
		n := min(8, len(b))
		var block [8]byte
		copy(block[8-n:], b[:n])
		v := binary.BigEndian.Uint64(block[:])
		chars := make([]byte, moneroBlockChars[n])
		for i := len(chars) - 1; i >= 0; i-- {
			chars[i] = b58BitcoinAlphabet[v%58]
			v /= 58
		}
		out.Write(chars)
		b = b[n:]
	}
	return out.String()
}

func moneroAddress(prefix byte, body int) string {
	b := []byte{prefix}
	for i := 0; i < body; i++ {
		b = append(b, byte(i*31+7))
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(b)
	return moneroEncode(append(b, h.Sum(nil)[:4]...))
}

func TestMonero(t *testing.T) {
	xmrReal := "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL"
	b, ok := moneroDecode(xmrReal)
	if !ok || moneroEncode(b) != xmrReal {
		t.Fatalf("round trip of %s failed", xmrReal)
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"xmrReal standard", xmrReal, true},
		{"standard", moneroAddress(18, 64), true},
		{"subaddress", moneroAddress(42, 64), true},
		{"integrated", moneroAddress(19, 72), true},
		{"testnet prefix", moneroAddress(53, 64), false},
		{"integrated prefix at standard length", moneroAddress(19, 64), false},
		{"bad checksum", xmrReal[:94] + "M", false},
		{"wrong length", xmrReal[:94], false},
		{"overflowing block", strings.Repeat("z", 95), false},
	}
	for _, tt := range tests {
		if got := moneroValid(tt.in); got != tt.ok {
			t.Errorf("%s: moneroValid(%q) = %v", tt.name, tt.in, got)
		}
	}
	if n := len(moneroAddress(19, 72)); n != 106 {
		t.Errorf("integrated address has %d characters, want 106", n)
	}
	s, err := ParseAs(Crypto, moneroAddress(42, 64), Options{})
	if err != nil || s.Subtype != "xmr" || s.Value[0] != '8' {
		t.Errorf("subaddress: %+v, %v", s, err)
	}
}
