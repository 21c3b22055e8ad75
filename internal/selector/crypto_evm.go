package selector

import (
	"golang.org/x/crypto/sha3"
)

// EVM addresses: "0x" and 40 hex digits. All-lower and all-upper hex carry
// no checksum and are accepted; mixed case is an EIP-55 checksum and must
// match exactly (one wrong letter means a mistyped address).

func cryptoParseEVM(raw, s string) (Selector, error) {
	if len(s) != 42 {
		return Selector{}, invalid(Crypto, CodeCryptoEVMLength, raw, "an EVM address is 0x and 40 hex digits")
	}
	var lower [40]byte
	hasLower, hasUpper := false, false
	for i := 0; i < 40; i++ {
		c := s[2+i]
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'f':
			hasLower = true
		case c >= 'A' && c <= 'F':
			hasUpper = true
			c += 'a' - 'A'
		default:
			return Selector{}, invalid(Crypto, CodeCryptoEVMLength, raw, "an EVM address is 0x and 40 hex digits")
		}
		lower[i] = c
	}
	checksummed := evmChecksum(lower)
	if hasLower && hasUpper && s[2:] != checksummed[2:] {
		return Selector{}, badChecksum(raw, "EIP-55", "mixed-case EIP-55 checksum does not match (mistyped address?)")
	}
	return cryptoSelector("0x"+string(lower[:]), checksummed, "evm"), nil
}

// evmChecksum writes a lower-case hex address in EIP-55 form: a letter is
// upper case where the matching nibble of Keccak-256(lower-case hex) is 8
// or more.
func evmChecksum(lower [40]byte) string {
	h := sha3.NewLegacyKeccak256()
	h.Write(lower[:])
	var sum [32]byte
	h.Sum(sum[:0])
	out := make([]byte, 42)
	out[0], out[1] = '0', 'x'
	for i, c := range lower {
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if c >= 'a' && nibble >= 8 {
			c -= 'a' - 'A'
		}
		out[2+i] = c
	}
	return string(out)
}
