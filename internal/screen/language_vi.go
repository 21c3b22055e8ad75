package screen

// latinWords marks the words that tell a Latin-script language from
// English, keyed by wordKey: Vietnamese syllables typed without diacritics
// (wordVi) and common Indonesian words (wordID, see language_id.go). One
// map, so a text's words are looked up once for both.
var latinWords = map[uint64]uint8{}

// Bits of latinWords.
const (
	wordVi uint8 = 1 << iota
	wordID
)

// wordKey packs a lower-case ASCII word of up to 8 letters into a number,
// so looking a word up needs no string.
func wordKey(w []byte) uint64 {
	var k uint64
	for _, c := range w {
		k = k<<8 | uint64(c)
	}
	return k
}

// vietBareWords are Vietnamese syllables as they are typed without
// diacritics that are not English words, for telling Vietnamese typed on a
// phone without marks ("tuyen nhan vien, luong cao") from English. None is
// longer than maxVietSyllable.
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
		latinWords[wordKey([]byte(w))] |= wordVi
	}
}

// maxVietSyllable is the longest syllable in vietBareWords.
const maxVietSyllable = 6

// latinLooks reports Latin text that is mostly Vietnamese syllables typed
// without diacritics (at least three of them, making up at least a third of
// the words) and text that is mostly Indonesian (at least three of
// indoWords, at least a fifth of the words: Indonesian prose runs well
// above that; an English text naming "Jakarta" or a person called Ada or
// Dan stays far below).
func latinLooks(text string) (vietBare, indonesian bool) {
	words, vi, id := countLatinWords(text)
	return vi >= 3 && vi*3 >= words, id >= 3 && id*5 >= words
}

// countLatinWords counts the ASCII words of text and, among those of at
// most 8 letters, the Vietnamese and Indonesian ones, in one pass.
func countLatinWords(text string) (words, vi, id int) {
	var w [8]byte
	n := 0
	flush := func() {
		if n > 0 {
			words++
			if n <= len(w) {
				b := latinWords[wordKey(w[:n])]
				if b&wordVi != 0 {
					vi++
				}
				if b&wordID != 0 {
					id++
				}
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
	return words, vi, id
}
