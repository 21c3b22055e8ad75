package match

import (
	"fmt"
	"math"
)

// Defaults for how often two unrelated persons share a name when the
// population is unknown.
const (
	defaultFamilyShare = 0.005
	defaultGivenShare  = 0.004
)

type nameLevel int

const (
	nameMissing nameLevel = iota
	nameEqual
	nameVariant // same Korean surname through a passport spelling
	nameSound   // same skeleton
	nameClose
	nameNear
	nameWeak
	nameDiffer
)

// names scores the best pairing of the two records' name readings.
func (s scorer) names(a, b *record, add addFunc) (family, given nameLevel) {
	if len(a.forms) == 0 || len(b.forms) == 0 {
		return nameMissing, nameMissing
	}
	best := math.Inf(-1)
	var bi, bj int
	var bfw, bgw float64
	var bfl, bgl nameLevel
	var bjw, bgjw float64
	for i := range a.forms {
		for j := range b.forms {
			fa, fb := &a.forms[i], &b.forms[j]
			if fa.reordered && fb.reordered {
				continue // the same as neither reordered
			}
			fw, fl, fjw := s.familyWeight(fa, fb)
			gw, gl, gjw := s.givenWeight(fa, fb)
			w := fw + gw
			if fa.reordered || fb.reordered {
				w -= 0.5
			}
			if w > best {
				best, bi, bj, bfw, bgw, bfl, bgl, bjw, bgjw = w, i, j, fw, gw, fl, gl, fjw, gjw
			}
		}
	}
	fa, fb := &a.forms[bi], &b.forms[bj]
	if bfl != nameMissing {
		add("family name", bfw, func() string {
			return "family name: " + fa.familyShow + " ~ " + fb.familyShow + " (" + levelText(bfl, bjw, fa, fb, true) + ")"
		})
	}
	if bgl != nameMissing {
		add("given name", bgw, func() string {
			return "given name: " + fa.givenShow + " ~ " + fb.givenShow + " (" + levelText(bgl, bgjw, fa, fb, false) + ")"
		})
	}
	if fa.reordered || fb.reordered {
		add("name order", -0.5, func() string { return "name order: family and given names read in swapped order" })
	}
	return bfl, bgl
}

// agrees reports whether a name part agrees well enough to call two names
// the same: equal, a passport variant, the same sound, or a close spelling.
func (l nameLevel) agrees() bool {
	return l == nameEqual || l == nameVariant || l == nameSound || l == nameClose
}

// NameWeightCentre centres Value for CompareNames.
const NameWeightCentre = 5.0

// CompareNames compares two names alone. Its Class is Match when both the
// family and the given name agree (equal, passport variant, same sound or
// a close spelling), Possible when the weights still add up to at least
// NameWeightCentre, NonMatch otherwise. Value = 1/(1+2^-(W-NameWeightCentre)).
func CompareNames(a, b Name) Score {
	ra := record{forms: nameForms(a, nil)}
	rb := record{forms: nameForms(b, nil)}
	var sc Score
	fl, gl := scorer{explain: true}.names(&ra, &rb, func(name string, w float64, detail func() string) {
		sc.Weight += w
		sc.Features = append(sc.Features, Feature{Name: name, Weight: w, Detail: detail()})
	})
	sc.Value = 1 / (1 + math.Exp2(-(sc.Weight - NameWeightCentre)))
	switch {
	case fl.agrees() && gl.agrees():
		sc.Class = Match
	case sc.Weight >= NameWeightCentre:
		sc.Class = Possible
	}
	return sc
}

func levelText(l nameLevel, jw float64, a, b *nameForm, family bool) string {
	switch l {
	case nameEqual:
		if family {
			return "same family name"
		}
		return "same given name"
	case nameVariant:
		return "same family name, passport variant of " + koreanSurnames[commonGroup(a.groups, b.groups)].hangul
	case nameSound:
		k := a.givenSkel
		if family {
			k = a.familySkel
		}
		return "spellings of the same sound, key " + k
	}
	return fmt.Sprintf("Jaro-Winkler %.2f on keys", jw)
}

func commonGroup(a, b []int) int {
	for _, x := range a {
		if containsInt(b, x) {
			return x
		}
	}
	return -1
}

func weightFor(share float64, m float64, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, math.Log2(m/share)))
}

func (s scorer) familyShare(f *nameForm) float64 {
	share := -1.0
	if s.freq != nil {
		share = s.freq.share(s.freq.family[f.family])
	}
	for _, g := range f.groups {
		share = math.Max(share, koreanSurnames[g].share)
	}
	if share <= 0 {
		share = defaultFamilyShare
	}
	return share
}

func (s scorer) familyWeight(a, b *nameForm) (float64, nameLevel, float64) {
	if a.family == "" || b.family == "" {
		return 0, nameMissing, 0
	}
	if a.family == b.family {
		return weightFor(s.familyShare(a), 0.95, 1.5, 10), nameEqual, 1
	}
	if g := commonGroup(a.groups, b.groups); g >= 0 {
		share := koreanSurnames[g].share
		if s.freq != nil {
			share = math.Max(share, s.freq.share(s.freq.family[a.family]))
		}
		return weightFor(share, 0.9, 1.2, 9), nameVariant, 1
	}
	if len(a.groups) > 0 && len(b.groups) > 0 {
		// two known, different Korean surnames
		return -5, nameDiffer, jaroWinkler(a.family, b.family)
	}
	exact := a.script == b.script && (a.script == ScriptHangul || a.script == ScriptHan)
	if !exact && a.familySkel == b.familySkel && len(a.familySkel) >= 2 {
		return weightFor(math.Max(s.familyShare(a), 0.01), 0.8, 1, 7), nameSound, 1
	}
	jw := jaroWinkler(a.family, b.family)
	switch {
	case jw >= 0.95 || min(len(a.family), len(b.family)) >= 4 && editDistanceAtMost1(a.family, b.family):
		return 4, nameClose, jw
	case jw >= 0.85:
		return 1, nameNear, jw
	}
	return -4, nameDiffer, jw
}

func (s scorer) givenWeight(a, b *nameForm) (float64, nameLevel, float64) {
	if a.given == "" || b.given == "" {
		return 0, nameMissing, 0
	}
	share := -1.0
	if s.freq != nil {
		share = s.freq.share(s.freq.given[a.given])
	}
	if share <= 0 {
		share = defaultGivenShare
	}
	if a.given == b.given {
		return weightFor(share, 0.9, 2, 10), nameEqual, 1
	}
	// Two names both written in Hangul (or Han) are exact: 서연 and 서윤
	// are different names even though their romanisations sound alike.
	exact := a.script == b.script && (a.script == ScriptHangul || a.script == ScriptHan)
	if !exact && a.givenSkel == b.givenSkel && len(a.givenSkel) >= 2 {
		return weightFor(math.Max(share, 0.01), 0.8, 1.5, 7), nameSound, 1
	}
	jw := jaroWinkler(a.given, b.given)
	if sj := jaroWinkler(a.givenSkel, b.givenSkel); sj > jw && !exact {
		jw = sj
	}
	korean := len(a.groups) > 0 || len(b.groups) > 0 || a.script == ScriptHangul || b.script == ScriptHangul ||
		a.script == ScriptHan || b.script == ScriptHan
	if korean {
		// Korean (and Chinese) given names are syllables picked from a small
		// set: a shared prefix says little, and a changed syllable (세훈,
		// 세현) is another name however close the letters, so only a
		// phonetic agreement counts as agreement.
		if jw >= 0.92 {
			return 0.5, nameNear, jw
		}
		return -5, nameDiffer, jw
	}
	switch {
	case jw >= 0.94 || min(len(a.given), len(b.given)) >= 4 && editDistanceAtMost1(a.given, b.given):
		return 4, nameClose, jw
	case jw >= 0.88:
		return 2, nameNear, jw
	case jw >= 0.8:
		return -1, nameWeak, jw
	}
	return -4.5, nameDiffer, jw
}
