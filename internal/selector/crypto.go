package selector

import (
	"strings"
	"unicode/utf8"
)

// Crypto wallet addresses. Subtype names the chain family:
//
//	btc   Bitcoin: base58check version 0x00 (1...) or 0x05 (3...), bech32
//	      segwit v0 and bech32m v1+ (bc1...). Bitcoin Cash and Bitcoin SV
//	      legacy addresses and Litecoin's old 3... P2SH addresses use the
//	      same version bytes; the string alone cannot tell them apart, so
//	      they are all "btc" (the hash is the same selector either way).
//	evm   Ethereum and every EVM chain (BSC, Arbitrum, Polygon, Ethereum
//	      Classic, USDT/USDC tokens...): 0x + 40 hex digits, EIP-55 checked
//	      when mixed case. Value is lower case, Display checksummed.
//	tron  TRON: base58check version 0x41, 34 characters, T...
//	ltc   Litecoin: base58check 0x30 (L...) and 0x32 (M...), bech32 ltc1...
//	doge  Dogecoin: 0x1e (D...) and 0x16 (9/A...). Verge (XVG) uses the same
//	      version bytes and shows up as doge.
//	dash  Dash: 0x4c (X...) and 0x10 (7...).
//	btg   Bitcoin Gold: 0x26 (G...) and 0x17 (A...).
//	bch   Bitcoin Cash CashAddr (bitcoincash:q..., p...), prefix optional on
//	      input; Value always carries the lower-case prefix.
//	zec   Zcash transparent: two version bytes 0x1cb8 (t1...) and 0x1cbd
//	      (t3...). Shielded addresses are not parsed.
//	xrp   XRP Ledger classic addresses: base58check with Ripple's alphabet,
//	      version 0x00 (r...).
//	xmr   Monero mainnet standard, subaddress (95 characters) and
//	      integrated (106 characters) addresses, Keccak-checked.
//
// Testnet addresses are rejected: nobody is defrauded in test coins, and
// accepting them would only add false matches in free text. A string that
// fails its checksum is not an address.
//
// Base58 and Monero addresses are case-sensitive and kept as given;
// bech32, CashAddr and EVM addresses are lower-cased.

// cryptoMaxLen bounds the raw input before any work: a CashAddr with prefix,
// URI scheme and query is the longest thing we accept.
const cryptoMaxLen = 512

// b58Versions maps single-byte base58check versions (21-byte payloads) to
// chains.
var b58Versions = map[byte]string{
	0x00: "btc",
	0x05: "btc",
	0x30: "ltc",
	0x32: "ltc",
	0x1e: "doge",
	0x16: "doge",
	0x4c: "dash",
	0x10: "dash",
	0x41: "tron",
	0x26: "btg",
	0x17: "btg",
}

// zcashVersions maps the two-byte versions of Zcash transparent addresses.
var zcashVersions = map[[2]byte]bool{
	{0x1c, 0xb8}: true, // t1, P2PKH
	{0x1c, 0xbd}: true, // t3, P2SH
}

// cryptoURISchemes are payment URI schemes whose path is an address
// (BIP-21, EIP-681 and the like). The scheme and any query are dropped.
var cryptoURISchemes = []string{
	"bitcoin:", "litecoin:", "dogecoin:", "dash:", "zcash:", "monero:",
	"ethereum:", "tron:", "ripple:", "xrp:", "bitcoingold:",
}

func parseCrypto(raw string, o Options) (Selector, error) {
	if len(raw) > cryptoMaxLen {
		return Selector{}, invalid(Crypto, CodeTooLong, raw, "too long for a wallet address")
	}
	if !utf8.ValidString(raw) {
		return Selector{}, invalid(Crypto, CodeBadUTF8, raw, "not valid UTF-8")
	}
	s := cryptoStripURI(raw)
	if s == "" {
		return Selector{}, invalid(Crypto, CodeEmpty, raw, "empty address")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return Selector{}, invalid(Crypto, CodeCryptoCharacters, raw, "wallet addresses are printable ASCII without spaces")
		}
	}
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return cryptoParseEVM(raw, s)
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, cashPrefix+":"):
		if v, ok := cashDecode(s); ok {
			return cryptoSelector(v, v, "bch"), nil
		}
		return Selector{}, badChecksum(raw, "CashAddr", "CashAddr checksum or format is wrong")
	case strings.HasPrefix(lower, "bc1"), strings.HasPrefix(lower, "ltc1"):
		hrp, _, _, ok := segwitDecode(s)
		if !ok {
			return Selector{}, badChecksum(raw, "bech32", "bech32 checksum, witness version or program length is wrong")
		}
		chain := "btc"
		if hrp == "ltc" {
			chain = "ltc"
		} else if hrp != "bc" {
			return Selector{}, invalid(Crypto, CodeCryptoPrefix, raw, "unknown bech32 prefix "+hrp)
		}
		return cryptoSelector(lower, lower, chain), nil
	case len(s) == 42 && (lower[0] == 'q' || lower[0] == 'p'):
		// A CashAddr written without its prefix.
		if v, ok := cashDecode(s); ok {
			return cryptoSelector(v, v, "bch"), nil
		}
	case len(s) == 95 || len(s) == 106:
		if moneroValid(s) {
			return cryptoSelector(s, s, "xmr"), nil
		}
		return Selector{}, badChecksum(raw, "Monero", "Monero checksum or format is wrong")
	}
	if len(s) >= 25 && len(s) <= 36 {
		if chain, ok := cryptoBase58Chain(s); ok {
			return cryptoSelector(s, s, chain), nil
		}
		return Selector{}, badChecksum(raw, "base58check", "base58check checksum fails or version byte unknown")
	}
	return Selector{}, invalid(Crypto, CodeCryptoUnknown, raw, "not a known wallet address format")
}

// cryptoStripURI drops a payment URI scheme and its query ("bitcoin:1A...?
// amount=1" gives "1A..."). A "bitcoincash:" prefix stays: it is part of
// the CashAddr checksum.
func cryptoStripURI(s string) string {
	lower := strings.ToLower(s)
	for _, scheme := range cryptoURISchemes {
		if strings.HasPrefix(lower, scheme) {
			s = strings.TrimPrefix(s[len(scheme):], "//")
			if i := strings.IndexAny(s, "?@/"); i >= 0 {
				s = s[:i]
			}
			return s
		}
	}
	if strings.HasPrefix(lower, cashPrefix+":") {
		if i := strings.IndexByte(s, '?'); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// cryptoBase58Chain decodes s as base58check and names the chain from the
// version bytes.
func cryptoBase58Chain(s string) (string, bool) {
	if p, ok := b58Bitcoin.decodeCheck(s); ok {
		switch len(p) {
		case 21:
			if chain, ok := b58Versions[p[0]]; ok {
				return chain, true
			}
		case 22:
			if zcashVersions[[2]byte{p[0], p[1]}] {
				return "zec", true
			}
		}
		return "", false
	}
	if s[0] == 'r' {
		if p, ok := b58Ripple.decodeCheck(s); ok && len(p) == 21 && p[0] == 0 {
			return "xrp", true
		}
	}
	return "", false
}

func cryptoSelector(value, display, chain string) Selector {
	return Selector{Kind: Crypto, Value: value, Display: display, Subtype: chain}
}

// badChecksum is the error of an address in format whose checksum (or
// structure) does not hold.
func badChecksum(raw, format, reason string) error {
	return fault{code: CodeCryptoChecksum, accepted: format, reason: reason}.err(Crypto, raw)
}
