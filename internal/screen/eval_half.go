package screen

import "hash/fnv"

// Halves of the real evaluation texts.
const (
	HalfDev  = "dev"
	HalfTest = "test"
)

// RealHalf names the half of the real texts a text belongs to: FNV-1a (32
// bit) of "counterscam-real-split:" + text, odd for the test half, even for
// the dev half. The split depends on the text alone, so nobody can move a
// text to the half where it scores better; rules are tuned on the dev half.
func RealHalf(text string) string {
	h := fnv.New32a()
	h.Write([]byte("counterscam-real-split:" + text))
	if h.Sum32()&1 == 1 {
		return HalfTest
	}
	return HalfDev
}
