package screen

// vietBare are Vietnamese syllables as they are typed without diacritics
// that are not English words, for telling Vietnamese typed on a phone
// without marks ("tuyen nhan vien, luong cao") from English.
var vietBare = map[uint64]bool{}

// wordKey packs a lower-case ASCII word of up to 8 letters into a number,
// so looking a word up needs no string.
func wordKey(w []byte) uint64 {
	var k uint64
	for _, c := range w {
		k = k<<8 | uint64(c)
	}
	return k
}

// vietBareWords are the syllables of vietBare, none longer than maxVietSyllable.
var vietBareWords = []string{
	"khong", "nguoi", "duoc", "viec", "luong", "trieu", "tuyen", "nhan", "vien", "thang",
	"ngay", "cong", "nhieu", "nhung", "trong", "chung", "toi", "minh", "gap", "lam",
	"nha", "hoac", "dang", "cua", "voi", "tien", "lien", "nhe", "kinh", "nghiem",
	"khach", "cham", "soc", "mot", "nay", "rat", "thi", "va", "cac", "nhu",
	"nao", "dieu", "phai", "biet", "muon", "duong", "thuong", "nuoc", "ngoai", "xuat",
	"khau", "tuoi", "viet", "giup", "goi", "nhanh", "tot", "chinh", "thuc", "uu",
	"dong", "luc", "cu", "ung", "ho", "tro", "thu", "nhap", "hoa", "hong",
	"nhat", "duoi", "tren", "ngan", "nghin", "dau", "cuoi", "khi", "ai",
}

func init() {
	for _, w := range vietBareWords {
		vietBare[wordKey([]byte(w))] = true
	}
}

// maxVietSyllable is the longest syllable in vietBare.
const maxVietSyllable = 6

// looksVietnameseBare reports Latin text that is mostly Vietnamese
// syllables typed without diacritics: at least three of them, making up at
// least a third of the words.
func looksVietnameseBare(text string) bool {
	words, viet := countKnownWords(text, vietBare, maxVietSyllable)
	return viet >= 3 && viet*3 >= words
}

// countKnownWords counts the ASCII words of text and how many of them, of
// at most maxLen letters, are in known (keyed by wordKey, lower case).
func countKnownWords(text string, known map[uint64]bool, maxLen int) (words, hits int) {
	var w [8]byte
	n := 0
	flush := func() {
		if n > 0 {
			words++
			if n <= maxLen && known[wordKey(w[:n])] {
				hits++
			}
		}
		n = 0
	}
	for i := 0; i < len(text); i++ {
		c := text[i] | 0x20
		if c >= 'a' && c <= 'z' && text[i] < 0x80 {
			if n < len(w) {
				w[n] = c
			}
			n++
			continue
		}
		flush()
	}
	flush()
	return words, hits
}
