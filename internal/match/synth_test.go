package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Synthetic Korean persons for benchmarks and tests: deterministic for a
// seed, names drawn from the surname table by share and from common given
// name syllables. None is a real person.

var givenSyllables = []rune("민호서연지훈우진현준수영은하윤재성혜승동경태상정희유나예주원석소아다도채시가인용철규기한빈율건혁람린")

// latinVariant writes a Hangul syllable as a passport might: RR, or a
// common variant (eo as u or o, u as oo, i as ee, k/g and so on).
func latinVariant(rng *rand.Rand, syl string) string {
	s := RomanizeHangul(syl, RRName)
	if rng.IntN(3) > 0 {
		return s
	}
	swaps := [][2]string{{"eo", "u"}, {"eo", "o"}, {"u", "oo"}, {"i", "ee"}, {"g", "k"}, {"d", "t"},
		{"b", "p"}, {"j", "ch"}, {"si", "shi"}, {"ae", "e"}, {"eu", "u"}, {"yeo", "yu"}, {"wo", "weo"}}
	sw := swaps[rng.IntN(len(swaps))]
	if strings.Contains(s, sw[0]) {
		return strings.Replace(s, sw[0], sw[1], 1)
	}
	return s
}

func pickSurname(rng *rand.Rand) int {
	x := rng.Float64() * 0.9
	for i, s := range koreanSurnames {
		x -= s.share
		if x < 0 {
			return i
		}
	}
	return rng.IntN(len(koreanSurnames))
}

// synthPersons returns n originals plus about dupRate*n duplicates (spelling
// variants, partial or mistyped dates, missing passports), shuffled, and
// for each record the number of the original it comes from.
func synthPersons(n int, dupRate float64, seed uint64) ([]Person, []int) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	type base struct {
		fam      int
		given    [2]rune
		dob      Date
		sex      string
		passport string
	}
	bases := make([]base, n)
	var persons []Person
	var origin []int
	for i := range bases {
		b := base{fam: pickSurname(rng)}
		b.given = [2]rune{givenSyllables[rng.IntN(len(givenSyllables))], givenSyllables[rng.IntN(len(givenSyllables))]}
		b.dob = Date{1960 + rng.IntN(46), 1 + rng.IntN(12), 1 + rng.IntN(28)}
		b.sex = []string{"M", "F"}[rng.IntN(2)]
		if rng.IntN(10) < 7 {
			b.passport = fmt.Sprintf("M%08d", rng.IntN(100000000))
		}
		bases[i] = b
		hangul := koreanSurnames[b.fam].hangul + string(b.given[:])
		p := Person{
			ID:          fmt.Sprintf("P%06d", i),
			Names:       []Name{{Text: hangul}, {Text: passportSpelling(rng, b.fam, b.given, false)}},
			DOB:         b.dob,
			Sex:         b.sex,
			Nationality: "KR",
		}
		if b.passport != "" {
			p.Documents = []Document{{Type: "passport", Number: b.passport, Country: "KR"}}
		}
		persons = append(persons, p)
		origin = append(origin, i)
	}
	dups := int(float64(n) * dupRate)
	for k := range dups {
		i := rng.IntN(n)
		b := bases[i]
		p := Person{
			ID:    fmt.Sprintf("D%06d", k),
			Names: []Name{{Text: passportSpelling(rng, b.fam, b.given, true)}},
			DOB:   b.dob,
			Sex:   b.sex,
		}
		switch rng.IntN(10) {
		case 0:
			p.DOB.Day = 0
		case 1:
			p.DOB.Month, p.DOB.Day = 0, 0
		case 2:
			if p.DOB.Day <= 12 {
				p.DOB.Day, p.DOB.Month = p.DOB.Month, p.DOB.Day
			}
		case 3:
			p.DOB.Day = p.DOB.Day%28 + 1
		}
		if rng.IntN(2) == 0 {
			p.Nationality = "KR"
		}
		if b.passport != "" && rng.IntN(10) < 6 {
			p.Documents = []Document{{Type: "passport", Number: b.passport}}
		}
		persons = append(persons, p)
		origin = append(origin, i)
	}
	rng.Shuffle(len(persons), func(a, b int) {
		persons[a], persons[b] = persons[b], persons[a]
		origin[a], origin[b] = origin[b], origin[a]
	})
	return persons, origin
}

// passportSpelling writes a name in Latin letters: a surname variant, the
// given name joined, hyphenated or spaced, upper or mixed case, family name
// first or (when vary) sometimes last.
func passportSpelling(rng *rand.Rand, fam int, given [2]rune, vary bool) string {
	surname := koreanSurnames[fam].rr
	if vary {
		vs := strings.Fields(koreanSurnames[fam].variants)
		surname = vs[rng.IntN(len(vs))]
	} else if vs := strings.Fields(koreanSurnames[fam].variants); len(vs) > 0 {
		surname = vs[0]
	}
	a, b := string(given[0]), string(given[1])
	ga, gb := RomanizeHangul(a, RRName), RomanizeHangul(b, RRName)
	if vary {
		ga, gb = latinVariant(rng, a), latinVariant(rng, b)
	}
	var g string
	switch rng.IntN(3) {
	case 0:
		g = ga + gb
	case 1:
		g = ga + "-" + gb
	default:
		g = ga + " " + gb
	}
	name := surname + " " + g
	if vary && rng.IntN(4) == 0 {
		name = g + " " + surname
	}
	if rng.IntN(2) == 0 {
		return strings.ToUpper(name)
	}
	return capitalise(name)
}
