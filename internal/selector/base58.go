package selector

import (
	"crypto/sha256"
)

// Base58 as Bitcoin and its descendants use it, and the same scheme with
// Ripple's alphabet. Monero's block-wise variant lives in crypto_monero.go.

const (
	b58BitcoinAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	b58RippleAlphabet  = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
)

// b58Alphabet maps each byte to its digit value, or -1.
type b58Alphabet struct {
	chars  string
	digits [256]int8
}

func newB58Alphabet(chars string) *b58Alphabet {
	a := &b58Alphabet{chars: chars}
	for i := range a.digits {
		a.digits[i] = -1
	}
	for i := 0; i < len(chars); i++ {
		a.digits[chars[i]] = int8(i)
	}
	return a
}

var (
	b58Bitcoin = newB58Alphabet(b58BitcoinAlphabet)
	b58Ripple  = newB58Alphabet(b58RippleAlphabet)
)

// b58MaxLen bounds what we decode: the longest base58check address we know
// (Zcash transparent, 35 characters) is far below it, and the quadratic
// decoder stays cheap.
const b58MaxLen = 64

// decode turns a base58 string into bytes. Leading zero digits become
// leading zero bytes. It fails (ok=false) on any character outside the
// alphabet and on strings longer than b58MaxLen.
func (a *b58Alphabet) decode(s string) ([]byte, bool) {
	if len(s) == 0 || len(s) > b58MaxLen {
		return nil, false
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == a.chars[0] {
		zeros++
	}
	// Big-endian base-256 accumulator; 64 base58 digits need at most 47 bytes.
	var buf [48]byte
	n := 0 // bytes in use at the end of buf
	for i := zeros; i < len(s); i++ {
		d := a.digits[s[i]]
		if d < 0 {
			return nil, false
		}
		carry := int(d)
		j := 0
		for k := len(buf) - 1; k >= 0 && (carry != 0 || j < n); k-- {
			carry += 58 * int(buf[k])
			buf[k] = byte(carry)
			carry >>= 8
			j++
		}
		if carry != 0 {
			return nil, false
		}
		n = j
	}
	out := make([]byte, zeros+n)
	copy(out[zeros:], buf[len(buf)-n:])
	return out, true
}

// b58Checksum is the first four bytes of SHA-256(SHA-256(payload)).
func b58Checksum(payload []byte) [4]byte {
	h1 := sha256.Sum256(payload)
	h2 := sha256.Sum256(h1[:])
	return [4]byte{h2[0], h2[1], h2[2], h2[3]}
}

// decodeCheck decodes a base58check string and returns the payload (version
// bytes and hash, without the checksum) when the checksum holds.
func (a *b58Alphabet) decodeCheck(s string) ([]byte, bool) {
	b, ok := a.decode(s)
	if !ok || len(b) < 5 {
		return nil, false
	}
	payload, sum := b[:len(b)-4], b[len(b)-4:]
	want := b58Checksum(payload)
	if sum[0] != want[0] || sum[1] != want[1] || sum[2] != want[2] || sum[3] != want[3] {
		return nil, false
	}
	return payload, true
}
