package match

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./gen -out han_pinyin.txt

// hanPinyinData is the compact table written by ./gen from the CLDR
// Han-Latin transform (Unicode-DFS-2016; see the file's header).
//
//go:embed han_pinyin.txt
var hanPinyinData string

// hanTable is the parsed table: runes sorted, each with the index of its
// syllable. It is built on first use and read-only afterwards.
type hanTable struct {
	runes []rune
	syl   []uint16
	names []string
}

var loadHanTable = sync.OnceValue(func() *hanTable {
	t := &hanTable{}
	type entry struct {
		r rune
		s uint16
	}
	var entries []entry
	for line := range strings.SplitSeq(hanPinyinData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		syl, chars, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		idx := uint16(len(t.names))
		t.names = append(t.names, syl)
		for _, r := range chars {
			entries = append(entries, entry{r, idx})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].r < entries[j].r })
	t.runes = make([]rune, len(entries))
	t.syl = make([]uint16, len(entries))
	for i, e := range entries {
		t.runes[i], t.syl[i] = e.r, e.s
	}
	return t
})

// hanSurnameReading holds characters read differently as a family name
// than in running text (朴 is Piao as a surname, 单 is Shan...).
var hanSurnameReading = map[rune]string{
	'朴': "piao", '单': "shan", '解': "xie", '仇': "qiu", '区': "ou", '查': "zha",
	'盖': "ge", '曾': "zeng", '沈': "shen", '乐': "yue", '翟': "zhai", '任': "ren",
	'华': "hua", '召': "shao", '尉': "yu", '长': "chang", '种': "chong", '重': "chong",
	'秘': "bi", '卜': "bu", '纪': "ji", '牟': "mu", '折': "she", '燕': "yan", '葛': "ge",
}

// hanCompoundSurnames are two-character Chinese family names.
var hanCompoundSurnames = map[string]bool{
	"欧阳": true, "司马": true, "诸葛": true, "上官": true, "东方": true, "皇甫": true,
	"尉迟": true, "公孙": true, "慕容": true, "令狐": true, "夏侯": true, "长孙": true,
	"宇文": true, "司徒": true, "澹台": true, "南宫": true, "西门": true, "歐陽": true,
	"司馬": true, "諸葛": true, "東方": true, "公孫": true, "長孫": true,
}

// HanPinyin returns the toneless pinyin of a Han character ("张" -> "zhang",
// "吕" -> "lv") and whether it is in the table.
func HanPinyin(r rune) (string, bool) {
	t := loadHanTable()
	i := sort.Search(len(t.runes), func(i int) bool { return t.runes[i] >= r })
	if i < len(t.runes) && t.runes[i] == r {
		return t.names[t.syl[i]], true
	}
	return "", false
}

// isHan reports whether r is a CJK unified ideograph (any block).
func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF,
		r >= 0x20000 && r <= 0x323AF, r >= 0xF900 && r <= 0xFAFF:
		return true
	}
	return false
}

// pinyinSyllable writes ü as passports do: lv -> lyu, nv -> nyu, and u
// elsewhere (ju, qu, xu, yu already are).
func pinyinSyllable(s string) string {
	if strings.Contains(s, "v") {
		if strings.HasPrefix(s, "l") || strings.HasPrefix(s, "n") {
			return strings.Replace(s, "v", "yu", 1)
		}
		return strings.ReplaceAll(s, "v", "u")
	}
	return s
}

// romanizeHanName splits a Chinese name into family and given name (the
// family name first, one character or a known two-character one) and writes
// both in toneless pinyin, the given name as one word ("张小明" -> "zhang",
// "xiaoming"). Characters outside the table are dropped.
func romanizeHanName(s string) (family, given string) {
	rs := make([]rune, 0, len(s)/3)
	for _, r := range s {
		if isHan(r) {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return "", ""
	}
	n := 1
	if len(rs) >= 3 && hanCompoundSurnames[string(rs[:2])] {
		n = 2
	}
	var fb, gb strings.Builder
	for i, r := range rs {
		syl := ""
		if i == 0 {
			syl = hanSurnameReading[r]
		}
		if syl == "" {
			syl, _ = HanPinyin(r)
		}
		syl = pinyinSyllable(syl)
		if i < n {
			fb.WriteString(syl)
		} else {
			gb.WriteString(syl)
		}
	}
	return fb.String(), gb.String()
}
