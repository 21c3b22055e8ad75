package selector

import (
	"errors"
	"strings"
	"testing"
)

func TestParseCrypto(t *testing.T) {
	hash := make([]byte, 20)
	for i := range hash {
		hash[i] = byte(0xa0 + i)
	}
	withVersion := func(v ...byte) string { return b58Bitcoin.encodeCheck(append(v, hash...)) }
	tests := []struct {
		name, in            string
		value, display, sub string // value "" means the input must fail
	}{
		// EVM, EIP-55 vectors from the EIP itself.
		{"EIP-55 checksummed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
			"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "evm"},
		{"EIP-55 all lower", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
			"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "evm"},
		{"EIP-55 all upper", "0xDBF03B407C01E7CD3CBEA99509D93F8DDDC8C6FB",
			"0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "evm"},
		{"EIP-55 upper 0X prefix", "0XD1220A0CF47C7B9BE7A2E6BA89F429762E7B9ADB",
			"0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "evm"},
		{"EIP-55 one letter flipped", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "", "", ""},
		{"EIP-55 one letter lowered", "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "", "", ""},
		{"EVM 39 hex digits", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae", "", "", ""},
		{"EVM non-hex", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "", "", ""},
		{"EIP-681 URI", "ethereum:0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359@56?value=1e18",
			"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "evm"},

		// Bitcoin.
		{"P2PKH genesis", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc"},
		{"P2SH BIP-16", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "btc"},
		{"P2PKH bad checksum", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "", "", ""},
		{"P2PKH case changed", "1a1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "", "", ""},
		{"BIP-21 URI", "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc"},
		{"bech32 upper case", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
			"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc"},
		{"bech32m taproot", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
			"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "btc"},
		{"bech32 wrong checksum", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "", "", ""},
		{"taproot with bech32 checksum", segwitEncode("bc", 1, make([]byte, 32), bechConstBech32), "", "", ""},
		{"testnet bech32", segwitEncode("tb", 0, hash, bechConstBech32), "", "", ""},
		{"testnet base58", withVersion(0x6f), "", "", ""},

		// Other base58check chains, built from their version bytes.
		{"TRON", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "tron"},
		{"TRON one char off", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLrf", "", "", ""},
		{"LTC L", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "ltc"},
		{"LTC M", "M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3", "M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3", "M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3", "ltc"},
		{"LTC bech32", segwitEncode("ltc", 0, hash, bechConstBech32), segwitEncode("ltc", 0, hash, bechConstBech32), segwitEncode("ltc", 0, hash, bechConstBech32), "ltc"},
		{"DOGE", withVersion(0x1e), withVersion(0x1e), withVersion(0x1e), "doge"},
		{"DOGE P2SH", withVersion(0x16), withVersion(0x16), withVersion(0x16), "doge"},
		{"DASH", withVersion(0x4c), withVersion(0x4c), withVersion(0x4c), "dash"},
		{"BTG", "GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", "GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", "GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", "btg"},
		{"unknown version byte", withVersion(0x99), "", "", ""},
		{"ZEC t1", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "zec"},
		{"ZEC t3 built here", b58Bitcoin.encodeCheck(append([]byte{0x1c, 0xbd}, hash...)), b58Bitcoin.encodeCheck(append([]byte{0x1c, 0xbd}, hash...)), b58Bitcoin.encodeCheck(append([]byte{0x1c, 0xbd}, hash...)), "zec"},

		// Bitcoin Cash CashAddr.
		{"CashAddr no prefix", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq",
			"bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "bch"},
		{"CashAddr upper with prefix", "BITCOINCASH:QPF2CPHC5DKUCLKQUR7LHJ2YUQQ9PK3HMUKLE77VHQ",
			"bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "bch"},
		{"CashAddr bad checksum", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhp", "", "", ""},
		{"CashAddr wrong prefix", "bchtest:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "", "", ""},

		// XRP and Monero.
		{"XRP genesis account", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "xrp"},
		{"XRP bad checksum", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTj", "", "", ""},
		{"XMR standard", "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
			"49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
			"49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL", "xmr"},
		{"XMR one char off", "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsM", "", "", ""},

		// Not addresses.
		{"plain word", "hello", "", "", ""},
		{"space inside", "1A1zP1eP5QGefi2D MPTfTL5SLmv7DivfNa", "", "", ""},
		{"invalid UTF-8", "0x\xff\xfe", "", "", ""},
		{"huge", strings.Repeat("1", 10<<20), "", "", ""},
		{"URI scheme only", "bitcoin:", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAs(Crypto, tt.in, Options{})
			if tt.value == "" {
				if err == nil {
					t.Fatalf("ParseAs(%.60q) = %+v, want an error", tt.in, got)
				}
				var e *Error
				if !errors.As(err, &e) || e.Kind != Crypto || !errors.Is(err, ErrInvalid) {
					t.Fatalf("error %v is not a crypto *Error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAs(%q): %v", tt.in, err)
			}
			want := Selector{Kind: Crypto, Value: tt.value, Display: tt.display, Subtype: tt.sub}
			if got != want {
				t.Fatalf("ParseAs(%q)\n got %+v\nwant %+v", tt.in, got, want)
			}
			again, err := ParseAs(Crypto, got.Value, Options{})
			if err != nil || again != got {
				t.Fatalf("not a fixed point: ParseAs(%q) = %+v, %v", got.Value, again, err)
			}
		})
	}
}

func FuzzParseCrypto(f *testing.F) {
	for _, s := range []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre",
		"qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
		"49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
		"t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "bitcoin:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy?amount=1", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseAs(Crypto, in, Options{})
		if err != nil {
			return
		}
		if s.Kind != Crypto || s.Value == "" || s.Subtype == "" {
			t.Fatalf("ParseAs(%q) = %+v", in, s)
		}
		again, err := ParseAs(Crypto, s.Value, Options{})
		if err != nil || again != s {
			t.Fatalf("not a fixed point: %q -> %+v -> %+v, %v", in, s, again, err)
		}
	})
}

func BenchmarkParseCrypto(b *testing.B) {
	inputs := []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre",
		"qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "not an address at all",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = ParseAs(Crypto, inputs[i%len(inputs)], Options{})
	}
}
