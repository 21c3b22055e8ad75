package selector

import (
	"encoding/binary"
	"math/bits"

	"golang.org/x/crypto/sha3"
)

// Monero addresses use Bitcoin's base58 alphabet but encode in blocks of
// eight bytes (eleven characters each; a shorter last block takes the
// length moneroBlockChars gives), and end with the first four bytes of the
// Keccak-256 of the rest. Mainnet prefixes: 18 standard ("4..."), 19
// integrated ("4...", with an 8-byte payment ID), 42 subaddress ("8...").

// moneroBlockChars[n] is the encoded length of an n-byte block.
var moneroBlockChars = [9]int{0, 2, 3, 5, 6, 7, 9, 10, 11}

func moneroDecode(s string) ([]byte, bool) {
	full, rest := len(s)/11, len(s)%11
	lastBytes := -1
	for n, c := range moneroBlockChars {
		if c == rest {
			lastBytes = n
			break
		}
	}
	if lastBytes < 0 {
		return nil, false
	}
	out := make([]byte, 0, full*8+lastBytes)
	decodeBlock := func(chunk string, size int) bool {
		var v uint64
		for i := 0; i < len(chunk); i++ {
			d := b58Bitcoin.digits[chunk[i]]
			if d < 0 {
				return false
			}
			hi, lo := bits.Mul64(v, 58)
			lo, carry := bits.Add64(lo, uint64(d), 0)
			if hi != 0 || carry != 0 {
				return false
			}
			v = lo
		}
		if size < 8 && v>>(8*uint(size)) != 0 {
			return false
		}
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], v)
		out = append(out, b[8-size:]...)
		return true
	}
	for i := 0; i < full; i++ {
		if !decodeBlock(s[i*11:i*11+11], 8) {
			return nil, false
		}
	}
	if rest > 0 && !decodeBlock(s[full*11:], lastBytes) {
		return nil, false
	}
	return out, true
}

// moneroValid says whether s is a mainnet Monero standard, integrated or
// subaddress address with a good checksum.
func moneroValid(s string) bool {
	if len(s) != 95 && len(s) != 106 {
		return false
	}
	b, ok := moneroDecode(s)
	if !ok {
		return false
	}
	switch {
	case len(b) == 69 && (b[0] == 18 || b[0] == 42):
	case len(b) == 77 && b[0] == 19:
	default:
		return false
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(b[:len(b)-4])
	sum := h.Sum(nil)
	for i := 0; i < 4; i++ {
		if sum[i] != b[len(b)-4+i] {
			return false
		}
	}
	return true
}
