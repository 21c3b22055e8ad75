package match

import "strings"

// Skeleton reduces a Latin name to a phonetic key that the usual ways of
// spelling one Korean (or Chinese) name in Latin letters share:
//
//   - consonants fall into classes that ignore voicing and spelling:
//     k g c q(u) ck → K; t d th → T; p b ph f v → P; j ch z zh tch → C;
//     s sh x hs → S; l r → L; m → M; n → N; ng → G; h → H;
//   - a vowel run is reduced to a class: a → a; ae e ai ei ay → e;
//     i ee ie y → i; o u eo eu oo ou → o; with y- and w- glides kept
//     (yeo yo yu you → yo, wa → wa, oe oi we wae → we, ui wi eui → wi);
//   - silent letters are dropped: h after a vowel and not before one (Oh,
//     Ahn, Sohn), r after a vowel and not before one (Park, Hur), h after r
//     (Rhee), and doubled letters count once;
//   - spaces and hyphens do not count: "Min-Ho", "Min Ho" and "Minho" agree.
//
// "Park Minho", "PAK MIN HO" and "Bak Min-Ho" all give "PaKMiNHo". The key
// is deliberately coarse: it finds candidates and marks a phonetic
// agreement; string similarity on the spelled names grades the rest.
func Skeleton(s string) string {
	return skeletonFolded(strings.ReplaceAll(foldLatin(s), " ", ""))
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}

// skeletonFolded computes the skeleton of lower-case ASCII letters.
func skeletonFolded(w string) string {
	out := make([]byte, 0, len(w))
	emit := func(s string) {
		for i := 0; i < len(s); i++ {
			if n := len(out); n > 0 && out[n-1] == s[i] {
				continue
			}
			out = append(out, s[i])
		}
	}
	at := func(i int) byte {
		if i >= 0 && i < len(w) {
			return w[i]
		}
		return 0
	}
	for i := 0; i < len(w); {
		c := w[i]
		// A vowel run. 'w' and 'y' open a run only before a vowel.
		if isVowelByte(c) && (c != 'w' && c != 'y' || isVowelByte(at(i+1)) || c == 'y' && !isVowelByte(at(i-1))) {
			j := i + 1
			for j < len(w) && isVowelByte(w[j]) {
				j++
			}
			// a trailing 'h' that is not followed by a vowel belongs to the vowel
			if at(j) == 'h' && !isVowelByte(at(j+1)) {
				j++
			}
			emit(vowelClass(strings.TrimSuffix(w[i:j], "h")))
			i = j
			continue
		}
		switch c {
		case 'w', 'y':
			i++ // a stray glide after a vowel (ay, ow) was part of it
			continue
		case 'h':
			// h after a vowel and before a consonant or the end is silent;
			// after r (Rhee) too.
			if (isVowelByte(at(i-1)) || at(i-1) == 'r') && !isVowelByte(at(i+1)) || at(i-1) == 'r' {
				i++
				continue
			}
			emit("H")
			i++
		case 'r':
			if isVowelByte(at(i-1)) && !isVowelByte(at(i+1)) && at(i+1) != 'h' {
				i++ // non-rhotic r: Park, Hur
				continue
			}
			emit("L")
			i++
		case 'l':
			emit("L")
			i++
		case 'n':
			if at(i+1) == 'g' {
				emit("G")
				i += 2
				continue
			}
			emit("N")
			i++
		case 'm':
			emit("M")
			i++
		case 'k', 'g', 'q':
			if c == 'k' && at(i+1) == 'h' || c == 'g' && at(i+1) == 'h' {
				i++ // kh gh
			}
			emit("K")
			i++
		case 'c':
			switch at(i + 1) {
			case 'h':
				emit("C")
				i += 2
			case 'k':
				emit("K")
				i += 2
			case 'e', 'i':
				emit("S")
				i++
			default:
				emit("K")
				i++
			}
		case 't':
			switch {
			case at(i+1) == 'c' && at(i+2) == 'h':
				emit("C")
				i += 3
			case at(i+1) == 'h':
				emit("T")
				i += 2
			default:
				emit("T")
				i++
			}
		case 'd':
			emit("T")
			i++
		case 'p':
			if at(i+1) == 'h' {
				i++
			}
			emit("P")
			i++
		case 'b', 'f', 'v':
			emit("P")
			i++
		case 'j', 'z':
			if c == 'z' && at(i+1) == 'h' {
				i++
			}
			emit("C")
			i++
		case 's':
			if at(i+1) == 'h' {
				i++
			}
			emit("S")
			i++
		case 'x':
			emit("S")
			i++
		default:
			i++
		}
	}
	return string(out)
}

// vowelRuns maps the vowel spellings met in romanised names to a class. A
// run that is not listed is split greedily into listed pieces.
var vowelRuns = map[string]string{
	"a": "a", "aa": "a",
	"ae": "e", "e": "e", "ai": "e", "ay": "e", "ei": "e", "ey": "e", "ea": "e", "eh": "e",
	"i": "i", "ee": "i", "ie": "i", "y": "i", "yi": "i", "iy": "i", "eei": "i",
	"o": "o", "u": "o", "eo": "o", "eu": "o", "oo": "o", "ou": "o", "uu": "o", "w": "o",
	"woo": "o", "wu": "o", "oh": "o", "uh": "o", "oa": "wa",
	"ya": "ya", "yah": "ya",
	"yae": "ye", "ye": "ye", "yea": "ye", "yai": "ye",
	"yo": "yo", "yu": "yo", "yeo": "yo", "yoo": "yo", "you": "yo", "yeu": "yo", "yoe": "yo", "io": "yo", "iu": "yo",
	"wa": "wa", "ua": "wa",
	"wae": "we", "we": "we", "oe": "we", "oi": "we", "wei": "we", "oy": "we", "ue": "we", "oei": "we", "wai": "we",
	"wi": "wi", "ui": "wi", "eui": "wi", "wee": "wi", "uee": "wi", "uy": "wi",
	"wo": "wo", "weo": "wo", "uo": "wo", "wuo": "wo",
	"ia": "ya", "ie~": "ye",
}

func vowelClass(run string) string {
	if c, ok := vowelRuns[run]; ok {
		return c
	}
	var b strings.Builder
	for len(run) > 0 {
		n := min(3, len(run))
		for ; n > 1; n-- {
			if _, ok := vowelRuns[run[:n]]; ok {
				break
			}
		}
		c, ok := vowelRuns[run[:n]]
		if !ok {
			c = "o"
		}
		b.WriteString(c)
		run = run[n:]
	}
	return b.String()
}
