package selector

import (
	"bytes"
	"math/big"
	"testing"
)

// encode is the inverse of decode; tests use it to build addresses.
func (a *b58Alphabet) encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	x := new(big.Int).SetBytes(b)
	base := big.NewInt(58)
	mod := new(big.Int)
	var rev []byte
	for x.Sign() > 0 {
		x.DivMod(x, base, mod)
		rev = append(rev, a.chars[mod.Int64()])
	}
	for i := 0; i < zeros; i++ {
		rev = append(rev, a.chars[0])
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return string(rev)
}

// encodeCheck appends the checksum and encodes; tests use it.
func (a *b58Alphabet) encodeCheck(payload []byte) string {
	sum := b58Checksum(payload)
	return a.encode(append(append([]byte{}, payload...), sum[:]...))
}

func TestBase58RoundTrip(t *testing.T) {
	for _, a := range []*b58Alphabet{b58Bitcoin, b58Ripple} {
		for _, in := range [][]byte{
			{0}, {0, 0, 1}, {1, 2, 3, 4, 5}, bytes.Repeat([]byte{0xff}, 25), bytes.Repeat([]byte{0}, 5),
		} {
			enc := a.encode(in)
			got, ok := a.decode(enc)
			if !ok || !bytes.Equal(got, in) {
				t.Errorf("decode(encode(%x)) = %x, %v via %q", in, got, ok, enc)
			}
		}
	}
}

func TestBase58Decode(t *testing.T) {
	got, ok := b58Bitcoin.decode("1112")
	if !ok || !bytes.Equal(got, []byte{0, 0, 0, 1}) {
		t.Errorf(`decode("1112") = %x, %v`, got, ok)
	}
	for _, bad := range []string{"", "0", "O", "I", "l", "abc+", string(bytes.Repeat([]byte("z"), b58MaxLen+1))} {
		if _, ok := b58Bitcoin.decode(bad); ok {
			t.Errorf("decode(%q) succeeded", bad)
		}
	}
	// The largest value that fits: 64 'z' digits overflow nothing.
	if _, ok := b58Bitcoin.decode(string(bytes.Repeat([]byte("z"), b58MaxLen))); !ok {
		t.Error("64 z digits should decode")
	}
}

func TestBase58CheckGenesis(t *testing.T) {
	p, ok := b58Bitcoin.decodeCheck("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
	if !ok || len(p) != 21 || p[0] != 0 {
		t.Fatalf("genesis address payload %x, %v", p, ok)
	}
	if got := b58Bitcoin.encodeCheck(p); got != "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa" {
		t.Errorf("re-encoded %q", got)
	}
	if _, ok := b58Bitcoin.decodeCheck("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"); ok {
		t.Error("bad checksum accepted")
	}
}
