package casework

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"counterscam/internal/match"
	"counterscam/internal/store"
)

// Synthetic persons for benchmarks: Korean names drawn from common family
// names and given-name syllables (no real person), the passport spelling
// made by the matching engine's romaniser, and partner-list rows written as
// another country's officers would: other spellings of the family name,
// syllables split or hyphenated, the order swapped, dates day first or
// partial, passports sometimes missing.

// genSurnames: family names with rough shares (per mille) and the other
// spellings a partner list may use.
var genSurnames = []struct {
	hangul string
	share  int
	other  []string
}{
	{"김", 215, []string{"GIM", "KIM"}}, {"이", 147, []string{"YI", "RHEE", "LEE"}}, {"박", 84, []string{"PAK", "BAK"}},
	{"최", 47, []string{"CHOE"}}, {"정", 44, []string{"JEONG", "CHUNG"}}, {"강", 23, []string{"GANG"}},
	{"조", 21, []string{"JO"}}, {"윤", 21, []string{"YUN"}}, {"장", 20, []string{"CHANG"}}, {"임", 17, []string{"IM", "LIM"}},
	{"한", 15, []string{"HAHN"}}, {"오", 15, []string{"OH"}}, {"서", 14, []string{"SUH"}}, {"신", 14, []string{"SIN"}},
	{"권", 14, []string{"GWON"}}, {"황", 14, []string{"HWANG"}}, {"안", 13, []string{"AN"}}, {"송", 13, []string{"SONG"}},
	{"전", 11, []string{"JUN", "CHUN"}}, {"홍", 11, []string{"HONG"}}, {"유", 11, []string{"YOO", "RYU"}},
	{"고", 9, []string{"GO"}}, {"문", 9, []string{"MUN"}}, {"양", 9, []string{"YANG"}}, {"손", 9, []string{"SOHN"}},
	{"배", 8, []string{"PAE"}}, {"백", 7, []string{"PAIK"}}, {"허", 7, []string{"HUR"}}, {"남", 6, []string{"NAM"}},
}

var genSyllables = strings.Fields("민 서 지 현 우 준 영 수 하 은 도 연 예 진 성 호 윤 재 원 주 혜 승 동 태 경 상 소 아 유 정 희 선 훈 석 용 나 다 빈 규 찬")

type genPerson struct {
	hangul, family, given string // family and given in Hangul
	dob                   match.Date
	sex, passport         string
}

func genPersons(n int, seed uint64) []genPerson {
	rng := rand.New(rand.NewPCG(seed, 99))
	total := 0
	for _, s := range genSurnames {
		total += s.share
	}
	out := make([]genPerson, n)
	for i := range out {
		k := rng.IntN(total)
		fam := genSurnames[0].hangul
		for _, s := range genSurnames {
			if k < s.share {
				fam = s.hangul
				break
			}
			k -= s.share
		}
		giv := genSyllables[rng.IntN(len(genSyllables))] + genSyllables[rng.IntN(len(genSyllables))]
		p := genPerson{hangul: fam + giv, family: fam, given: giv, sex: "MF"[rng.IntN(2):][:1]}
		p.dob = match.Date{Year: 1970 + rng.IntN(36), Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(28)}
		switch r := rng.IntN(100); {
		case r < 8:
			p.dob.Day = 0
		case r < 12:
			p.dob.Month, p.dob.Day = 0, 0
		}
		if rng.IntN(10) < 7 {
			p.passport = fmt.Sprintf("M%08d", i)
		}
		out[i] = p
	}
	return out
}

func latinOf(hangul string) string {
	return strings.ToUpper(match.RomanizeHangul(hangul, match.RRName))
}

// input is the person as the embassy holds it.
func (g genPerson) input(ref string) *PersonInput {
	in := &PersonInput{ExternalRef: ref, LegalBasis: "consular assistance", Purpose: "protection",
		Names: []store.PersonName{{Kind: "primary", Text: g.hangul},
			{Kind: "passport", Script: "Latn", Text: latinOf(g.family) + " " + latinOf(g.given)}},
		DOB: g.dob.String(), Sex: g.sex, Nationalities: []string{"KR"}}
	if g.passport != "" {
		in.Documents = []store.IdentityDocument{{Number: g.passport, Country: "KR", Status: "seized"}}
	}
	return in
}

// partnerRow is the person as a partner's list writes them.
func (g genPerson) partnerRow(ref string, rng *rand.Rand) PartnerRow {
	fam := latinOf(g.family)
	for _, s := range genSurnames {
		if s.hangul == g.family && rng.IntN(2) == 0 {
			fam = s.other[rng.IntN(len(s.other))]
		}
	}
	syl := []rune(g.given)
	giv := latinOf(g.given)
	switch rng.IntN(3) {
	case 0:
		giv = latinOf(string(syl[0])) + " " + latinOf(string(syl[1]))
	case 1:
		giv = latinOf(string(syl[0])) + "-" + strings.ToLower(latinOf(string(syl[1])))
	}
	name := fam + " " + giv
	if rng.IntN(5) == 0 {
		name = giv + " " + fam
	}
	r := PartnerRow{RowRef: ref, NameLatin: name, DOB: g.dob, Nationality: "KR"}
	if rng.IntN(10) == 0 && r.DOB.Day != 0 {
		r.DOB.Day = 0
	}
	if g.passport != "" && rng.IntN(10) < 4 {
		r.PassportNumber = g.passport
	}
	return r
}
