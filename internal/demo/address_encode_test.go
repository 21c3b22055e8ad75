package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func hash20(t *testing.T, h string) [20]byte {
	t.Helper()
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 20 {
		t.Fatalf("bad hex %q", h)
	}
	return [20]byte(b)
}

// Published vectors: the genesis block's pay-to address, BIP 173's first
// P2WPKH example, and the USDT contract on TRON.
func TestAddressVectors(t *testing.T) {
	if got := btcP2PKH(hash20(t, "62e907b15cbf27d5425399ebf6f0fb50ebb88f18")); got != "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa" {
		t.Errorf("P2PKH %s", got)
	}
	if got := btcBech32(hash20(t, "751e76e8199196d454941c45d1b3a323f1433bd6")); got != "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" {
		t.Errorf("bech32 %s", got)
	}
	if got := tronAddress(hash20(t, "a614f803b6fd780986a42c78ec9c7f77e6ded13c")); got != "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" {
		t.Errorf("TRON %s", got)
	}
	if got := base58([]byte{0, 0, 1}); got != "112" {
		t.Errorf("base58 leading zeros %s", got)
	}
}

func TestLuhn(t *testing.T) {
	for in, want := range map[string]string{"7992739871": "79927398713", "411111111111111": "4111111111111111", "0": "00"} {
		if got := luhnComplete(in); got != want {
			t.Errorf("luhnComplete(%s) = %s, want %s", in, got, want)
		}
	}
}

func sha256d(p []byte) [32]byte {
	h := sha256.Sum256(p)
	return sha256.Sum256(h[:])
}
