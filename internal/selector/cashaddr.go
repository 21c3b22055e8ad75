package selector

import "strings"

// CashAddr, Bitcoin Cash's address format: "bitcoincash:" + base32 payload
// (the bech32 character set) ending in a 40-bit BCH checksum over the
// prefix and payload. The payload is a version byte (address type in bits
// 3..6, hash size in bits 0..2) and the hash.

const cashPrefix = "bitcoincash"

func cashPolymod(values []byte) uint64 {
	c := uint64(1)
	for _, d := range values {
		top := c >> 35
		c = (c&0x07ffffffff)<<5 ^ uint64(d)
		if top&0x01 != 0 {
			c ^= 0x98f2bc8e61
		}
		if top&0x02 != 0 {
			c ^= 0x79b76d99e2
		}
		if top&0x04 != 0 {
			c ^= 0xf33e5fb3c4
		}
		if top&0x08 != 0 {
			c ^= 0xae2eabe2a8
		}
		if top&0x10 != 0 {
			c ^= 0x1e4f43e470
		}
	}
	return c ^ 1
}

// cashHashBits maps the size bits of the version byte to the hash length.
var cashHashBits = [8]int{160, 192, 224, 256, 320, 384, 448, 512}

// cashDecode validates a mainnet CashAddr, with or without its
// "bitcoincash:" prefix, and returns its canonical lower-case form with the
// prefix.
func cashDecode(s string) (string, bool) {
	// The longest (512-bit hash) payload is 112 characters.
	if len(s) > len(cashPrefix)+1+112 || len(s) < 42 {
		return "", false
	}
	lower, upper := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			lower = true
		} else if c >= 'A' && c <= 'Z' {
			upper = true
		} else if c >= 0x80 {
			return "", false
		}
	}
	if lower && upper {
		return "", false
	}
	s = strings.ToLower(s)
	payload := s
	if i := strings.IndexByte(s, ':'); i >= 0 {
		if s[:i] != cashPrefix {
			return "", false
		}
		payload = s[i+1:]
	}
	values := make([]byte, 0, len(cashPrefix)+1+len(payload))
	for i := 0; i < len(cashPrefix); i++ {
		values = append(values, cashPrefix[i]&31)
	}
	values = append(values, 0)
	for i := 0; i < len(payload); i++ {
		d := bechDigits[payload[i]]
		if d < 0 {
			return "", false
		}
		values = append(values, byte(d))
	}
	if len(payload) <= 8 || cashPolymod(values) != 0 {
		return "", false
	}
	data, ok := bechConvertBits(values[len(cashPrefix)+1:len(values)-8], 5, 8, false)
	if !ok || len(data) < 1 {
		return "", false
	}
	version := data[0]
	if version&0x80 != 0 {
		return "", false
	}
	// Types 0 (P2PKH), 1 (P2SH) and their token-aware forms 2 and 3.
	if typ := version >> 3 & 0x0f; typ > 3 {
		return "", false
	}
	if len(data)-1 != cashHashBits[version&7]/8 {
		return "", false
	}
	return cashPrefix + ":" + payload, true
}
