package selector

import "strings"

// Bech32 (BIP-173) and Bech32m (BIP-350), and the segwit address rules on
// top of them. CashAddr, which shares the character set but not the
// checksum, is in cashaddr.go.

const bechCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bechDigits maps a lower-case character to its 5-bit value, or -1.
var bechDigits = func() [256]int8 {
	var d [256]int8
	for i := range d {
		d[i] = -1
	}
	for i := 0; i < len(bechCharset); i++ {
		d[bechCharset[i]] = int8(i)
	}
	return d
}()

// The constants a valid checksum leaves behind.
const (
	bechConstBech32  = 1
	bechConstBech32m = 0x2bc830a3
)

// bechMaxLen is BIP-173's limit on the whole string.
const bechMaxLen = 90

func bechPolymod(values []byte, chk uint32) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// bechDecode splits a bech32/bech32m string into its lower-case HRP and
// 5-bit data (checksum removed), and says which constant the checksum
// matched (bechConstBech32 or bechConstBech32m). Mixed case fails.
func bechDecode(s string) (hrp string, data []byte, constant uint32, ok bool) {
	if len(s) < 8 || len(s) > bechMaxLen {
		return "", nil, 0, false
	}
	lower, upper := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 33 || c > 126 {
			return "", nil, 0, false
		}
		if c >= 'a' && c <= 'z' {
			lower = true
		} else if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if lower && upper {
		return "", nil, 0, false
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return "", nil, 0, false
	}
	hrp = s[:sep]
	values := make([]byte, 0, 2*len(hrp)+1+len(s)-sep-1)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	dataStart := len(values)
	for i := sep + 1; i < len(s); i++ {
		d := bechDigits[s[i]]
		if d < 0 {
			return "", nil, 0, false
		}
		values = append(values, byte(d))
	}
	switch bechPolymod(values, 1) {
	case bechConstBech32:
		constant = bechConstBech32
	case bechConstBech32m:
		constant = bechConstBech32m
	default:
		return "", nil, 0, false
	}
	return hrp, values[dataStart : len(values)-6], constant, true
}

// bechConvertBits regroups from-bit groups into to-bit groups. With pad
// false (decoding) leftover bits must be fewer than from and all zero.
func bechConvertBits(in []byte, from, to uint, pad bool) ([]byte, bool) {
	acc, bits := uint32(0), uint(0)
	maxv := uint32(1)<<to - 1
	out := make([]byte, 0, len(in)*int(from)/int(to)+1)
	for _, v := range in {
		if uint32(v)>>from != 0 {
			return nil, false
		}
		acc = acc<<from | uint32(v)
		bits += from
		for bits >= to {
			bits -= to
			out = append(out, byte(acc>>bits&maxv))
		}
	}
	if pad {
		if bits > 0 {
			out = append(out, byte(acc<<(to-bits)&maxv))
		}
	} else if bits >= from || acc<<(to-bits)&maxv != 0 {
		return nil, false
	}
	return out, true
}

// segwitDecode checks a segwit address against BIP-173/350: witness
// version 0..16, program of 2..40 bytes, v0 programs of 20 or 32 bytes
// with a bech32 checksum, v1+ with bech32m. It returns the lower-case HRP.
func segwitDecode(s string) (hrp string, version byte, program []byte, ok bool) {
	hrp, data, constant, ok := bechDecode(s)
	if !ok || len(data) < 1 {
		return "", 0, nil, false
	}
	version = data[0]
	if version > 16 {
		return "", 0, nil, false
	}
	program, ok = bechConvertBits(data[1:], 5, 8, false)
	if !ok || len(program) < 2 || len(program) > 40 {
		return "", 0, nil, false
	}
	if version == 0 {
		if len(program) != 20 && len(program) != 32 {
			return "", 0, nil, false
		}
		if constant != bechConstBech32 {
			return "", 0, nil, false
		}
	} else if constant != bechConstBech32m {
		return "", 0, nil, false
	}
	return hrp, version, program, true
}
