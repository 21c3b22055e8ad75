package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58 encodes b in Bitcoin's base58: each leading zero byte becomes a
// '1', the rest is the big-endian number in base 58.
func base58(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	// Digits in base 58, least significant first.
	digits := make([]byte, 0, len(b)*138/100+1)
	for _, c := range b[zeros:] {
		carry := int(c)
		for i := range digits {
			carry += int(digits[i]) << 8
			digits[i] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	var s strings.Builder
	s.Grow(zeros + len(digits))
	for range zeros {
		s.WriteByte('1')
	}
	for i := len(digits) - 1; i >= 0; i-- {
		s.WriteByte(base58Alphabet[digits[i]])
	}
	return s.String()
}

// base58Check appends the first four bytes of the payload's double SHA-256
// and encodes the whole in base58.
func base58Check(payload []byte) string {
	h := sha256.Sum256(payload)
	h = sha256.Sum256(h[:])
	return base58(append(append([]byte(nil), payload...), h[:4]...))
}

// tronAddress is a TRON address: version byte 0x41 and a 20-byte account.
func tronAddress(account [20]byte) string {
	return base58Check(append([]byte{0x41}, account[:]...))
}

// btcP2PKH is a legacy Bitcoin address ("1..."): version 0x00.
func btcP2PKH(hash [20]byte) string {
	return base58Check(append([]byte{0x00}, hash[:]...))
}

// evmAddress is an EVM address in lower case, which is valid without the
// EIP-55 checksum of mixed case.
func evmAddress(account [20]byte) string {
	return "0x" + hex.EncodeToString(account[:])
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := range 5 {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// btcBech32 is a native SegWit version 0 address ("bc1q...") for a 20-byte
// witness program (BIP 173).
func btcBech32(program [20]byte) string {
	const hrp = "bc"
	data := []byte{0} // witness version 0
	// Regroup 8-bit bytes into 5-bit groups, padding the last.
	acc, bits := 0, 0
	for _, b := range program {
		acc = acc<<8 | int(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			data = append(data, byte(acc>>bits&31))
		}
	}
	if bits > 0 {
		data = append(data, byte(acc<<(5-bits)&31))
	}
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
	mod := bech32Polymod(values) ^ 1
	var s strings.Builder
	s.WriteString(hrp + "1")
	for _, d := range data {
		s.WriteByte(bech32Charset[d])
	}
	for i := range 6 {
		s.WriteByte(bech32Charset[mod>>(5*(5-i))&31])
	}
	return s.String()
}

// luhnComplete appends the Luhn check digit to a string of digits.
func luhnComplete(digits string) string {
	sum := 0
	double := true // the digit next to the check digit is doubled
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return digits + string(rune('0'+(10-sum%10)%10))
}
