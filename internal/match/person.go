package match

import (
	"strings"
	"unicode"
)

// Script names the writing system of a name, as an ISO 15924 code.
type Script string

// Scripts the package reads. An empty Script is detected from the text.
const (
	ScriptAuto   Script = ""
	ScriptLatin  Script = "Latn"
	ScriptHangul Script = "Hang"
	ScriptHan    Script = "Hani"
	ScriptKhmer  Script = "Khmr"
	ScriptThai   Script = "Thai"
)

// Name is one written form of a person's name. Text is the name as found
// ("PARK MIN HO", "박민호", "Minho Park"); when the source keeps family and
// given names apart, set Family and Given instead (Text is then ignored).
type Name struct {
	Text   string
	Family string
	Given  string
	Script Script
}

// Document is an identity document: Type as the source gives it
// ("passport", "national_id"...), Number as printed, Country ISO 3166-1
// alpha-2 of the issuer.
type Document struct {
	Type    string
	Number  string
	Country string
}

// Person is what one record says about a person. Every field may be empty.
// Attrs carries any further evidence (address, postcode, phone...) by field
// name; two records are compared on the fields both have.
type Person struct {
	ID          string
	Names       []Name
	DOB         Date
	Sex         string // "M", "F" or "" (also read: male/female, 남/여)
	Nationality string // ISO 3166-1 alpha-2
	Documents   []Document
	Attrs       map[string]string
}

// DetectScript returns the script of the first letter of s that belongs to
// a script this package reads, or ScriptLatin.
func DetectScript(s string) Script {
	for _, r := range s {
		switch {
		case isHangulSyllable(r) || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
			return ScriptHangul
		case isHan(r):
			return ScriptHan
		case isKhmer(r):
			return ScriptKhmer
		case isThai(r):
			return ScriptThai
		case unicode.IsLetter(r):
			return ScriptLatin
		}
	}
	return ScriptLatin
}

// nameForm is one reading of a name as family + given name, in folded Latin
// letters, with the keys used to compare and block.
type nameForm struct {
	family, given         string // folded, no spaces ("park", "minho")
	familySkel, givenSkel string
	groups                []int // Korean surname entries the family name may be
	written               string
	familyShow, givenShow string // as written, for explanations
	script                Script
	reordered             bool // read against the written order
}

// familyKey is the blocking key of the family name: the Korean surname entry
// when known (Park, Pak, Bak and 박 share it), else the skeleton.
func (f *nameForm) familyKeys(dst []string) []string {
	for _, g := range f.groups {
		dst = append(dst, "#"+koreanSurnames[g].hangul)
	}
	if len(f.groups) == 0 && f.familySkel != "" {
		dst = append(dst, f.familySkel)
	}
	return dst
}

// NameKeys returns the normalised Latin keys of a name, one per reading
// ("family|given" with the family name as its Korean surname entry where
// there is one, else its skeleton, and the given name's skeleton). "Park
// Minho", "PAK MIN HO", "Bak Min-Ho", "Minho Park" and "박민호" all yield
// "#박|MiNHo".
func NameKeys(n Name) []string {
	var keys []string
	for _, f := range nameForms(n, nil) {
		for _, fk := range f.familyKeys(nil) {
			k := fk + "|" + f.givenSkel
			if !containsString(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// nameForms reads a name into its possible family/given splits.
func nameForms(n Name, dst []nameForm) []nameForm {
	if n.Family != "" || n.Given != "" {
		fam, giv := latinParts(n.Family, n.Script), latinParts(n.Given, n.Script)
		written := strings.TrimSpace(n.Family + " " + n.Given)
		dst = append(dst, makeForm(fam, giv, written, n.Script, false))
		// records swap the two fields now and then
		if fam != "" && giv != "" {
			dst = append(dst, makeForm(giv, fam, written, n.Script, true))
		}
		return dst
	}
	text := strings.TrimSpace(n.Text)
	if text == "" {
		return dst
	}
	script := n.Script
	if script == ScriptAuto {
		script = DetectScript(text)
	}
	switch script {
	case ScriptHangul:
		var fam, giv string
		if f, g, ok := strings.Cut(text, " "); ok && len([]rune(f)) <= 2 {
			fam, giv = f, g
		} else {
			fam, giv = splitKoreanName(strings.ReplaceAll(text, " ", ""))
		}
		f := makeForm(foldLatin(RomanizeHangul(fam, RRName)),
			strings.ReplaceAll(foldLatin(RomanizeHangul(giv, RRName)), " ", ""), text, script, false)
		f.familyShow, f.givenShow = fam, strings.TrimSpace(giv)
		return append(dst, f)
	case ScriptHan:
		fam, giv := romanizeHanName(text)
		f := makeForm(fam, giv, text, script, false)
		rs := []rune(text)
		if n := len([]rune(fam)); n > 0 && len(rs) > 1 {
			k := 1
			if len(rs) >= 3 && hanCompoundSurnames[string(rs[:2])] {
				k = 2
			}
			f.familyShow, f.givenShow = string(rs[:k]), string(rs[k:])
		}
		return append(dst, f)
	case ScriptKhmer:
		text = TransliterateKhmer(text)
	case ScriptThai:
		text = TransliterateThai(text)
	}
	return latinForms(text, n.Text, script, dst)
}

// latinParts folds one part of a name to letters without spaces,
// romanising it first if it is not in Latin script.
func latinParts(s string, script Script) string {
	if script == ScriptAuto {
		script = DetectScript(s)
	}
	switch script {
	case ScriptHangul:
		s = RomanizeHangul(s, RRName)
	case ScriptHan:
		f, g := romanizeHanName(s)
		s = f + g
	case ScriptKhmer:
		s = TransliterateKhmer(s)
	case ScriptThai:
		s = TransliterateThai(s)
	}
	return strings.ReplaceAll(foldLatin(s), " ", "")
}

// latinForms reads a name written in Latin letters. "FAMILY, Given" is
// explicit. Otherwise the first or the last word is the family name: a
// known Korean surname at one end and not the other decides; if neither or
// both ends are, both readings are kept.
func latinForms(text, written string, script Script, dst []nameForm) []nameForm {
	if fam, giv, ok := strings.Cut(text, ","); ok {
		return append(dst, makeForm(strings.ReplaceAll(foldLatin(fam), " ", ""),
			strings.ReplaceAll(foldLatin(giv), " ", ""), written, script, false))
	}
	words := strings.Fields(foldLatin(text))
	switch len(words) {
	case 0:
		return dst
	case 1:
		return append(dst, makeForm("", words[0], written, script, false))
	}
	first, last := words[0], words[len(words)-1]
	_, firstKnown := surnames.byLatin[first]
	_, lastKnown := surnames.byLatin[last]
	// Both readings are kept; the one against the evidence of the surname
	// table is marked as reordered and costs a little.
	lastFirst := lastKnown && !firstKnown
	dst = append(dst, makeForm(first, strings.Join(words[1:], ""), written, script, lastFirst))
	dst = append(dst, makeForm(last, strings.Join(words[:len(words)-1], ""), written, script, !lastFirst))
	return dst
}

func makeForm(family, given, written string, script Script, reordered bool) nameForm {
	f := nameForm{
		family: family, given: given,
		familyShow: strings.ToUpper(family), givenShow: strings.ToUpper(given),
		familySkel: skeletonFolded(family), givenSkel: skeletonFolded(given),
		written: written, script: script, reordered: reordered,
	}
	if family != "" {
		f.groups = surnames.byLatin[family]
		if len(f.groups) == 0 && script == ScriptLatin {
			f.groups = surnamesBySkeleton[f.familySkel]
		}
	}
	return f
}

// surnamesBySkeleton finds Korean surnames from spellings not in the table
// ("Parc", "Kimm") by their skeleton, for Latin input only.
var surnamesBySkeleton = func() map[string][]int {
	m := map[string][]int{}
	for i, s := range koreanSurnames {
		for v := range strings.FieldsSeq(s.variants) {
			k := skeletonFolded(v)
			if len(k) >= 2 && !containsInt(m[k], i) {
				m[k] = append(m[k], i)
			}
		}
	}
	return m
}()

// normSex reads M/F in the usual spellings.
func normSex(s string) byte {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "m", "male", "man", "남", "남성", "남자", "ប្រុស":
		return 'M'
	case "f", "female", "woman", "여", "여성", "여자", "ស្រី":
		return 'F'
	}
	return 0
}

// normDocNumber keeps the letters and digits of a document number, upper case.
func normDocNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		}
	}
	return b.String()
}
