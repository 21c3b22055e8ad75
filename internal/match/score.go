package match

import (
	"fmt"
	"math"
	"strings"
)

// Class is the decision a score supports.
type Class int

// Classes, from the weakest to the strongest.
const (
	NonMatch Class = iota
	Possible       // a person should look
	Match
)

func (c Class) String() string {
	switch c {
	case Match:
		return "match"
	case Possible:
		return "possible"
	}
	return "non-match"
}

// Thresholds on Score.Value. The weights are log2 likelihood ratios
// (Fellegi-Sunter): each feature adds log2(m/u), where m is how often true
// pairs show that agreement and u how often unrelated pairs do. Value maps
// the total W to 0..1 with a logistic curve centred on WeightCentre:
//
//	Value = 1 / (1 + 2^-(W - WeightCentre))
//
// Match needs W >= WeightCentre + 3.2 (e.g. same name and full date of
// birth, or same passport and a similar name); Possible needs W >=
// WeightCentre (e.g. same name and year of birth only). The thresholds were
// chosen on FEBRL datasets 1-3 and on testdata/names.tsv (see the tests).
const (
	WeightCentre      = 14.0
	MatchThreshold    = 0.9
	PossibleThreshold = 0.5
)

// Feature is one piece of evidence and what it contributed: Weight is its
// log2 likelihood ratio, positive for agreement, negative for disagreement.
type Feature struct {
	Name   string
	Weight float64
	Detail string
}

// Score is the outcome of comparing two persons. Value is in 0..1; Weight is
// the sum of the features' weights; Features explain it (only when asked).
type Score struct {
	Value    float64
	Weight   float64
	Class    Class
	Features []Feature
}

func (s Score) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%.3f %s (W=%.1f)", s.Value, s.Class, s.Weight)
	for _, f := range s.Features {
		fmt.Fprintf(&b, "\n  %+5.1f %s", f.Weight, f.Detail)
	}
	return b.String()
}

func valueOf(w float64) float64 {
	return 1 / (1 + math.Exp2(-(w - WeightCentre)))
}

func classOf(v float64) Class {
	switch {
	case v >= MatchThreshold:
		return Match
	case v >= PossibleThreshold:
		return Possible
	}
	return NonMatch
}

// Compare scores how likely a and b are the same person and explains the
// score feature by feature. It uses population-independent defaults for
// how common a name or value is; an Index scores with the frequencies of
// the persons it holds.
func Compare(a, b Person) Score {
	ra, rb := prepare(&a), prepare(&b)
	return scorer{explain: true}.score(&ra, &rb)
}

// scorer compares prepared records. With explain false it only adds weights,
// which keeps candidate scoring free of string building.
type scorer struct {
	freq    *frequencies
	explain bool
}

func (s scorer) score(a, b *record) Score {
	var sc Score
	add := func(name string, w float64, detail func() string) {
		sc.Weight += w
		if s.explain {
			sc.Features = append(sc.Features, Feature{Name: name, Weight: w, Detail: detail()})
		}
	}
	s.names(a, b, add)
	s.dates(a, b, add)
	if a.sex != 0 && b.sex != 0 {
		if a.sex == b.sex {
			add("sex", 0.4, func() string { return "sex: same (" + string(a.sex) + ")" })
		} else {
			add("sex", -4, func() string { return "sex: differs (" + string(a.sex) + " / " + string(b.sex) + ")" })
		}
	}
	if a.nat != "" && b.nat != "" {
		if a.nat == b.nat {
			add("nationality", 0.5, func() string { return "nationality: same (" + a.nat + ")" })
		} else {
			add("nationality", -2.5, func() string { return "nationality: differs (" + a.nat + " / " + b.nat + ")" })
		}
	}
	s.documents(a, b, add)
	s.attributes(a, b, add)
	sc.Value = valueOf(sc.Weight)
	sc.Class = classOf(sc.Value)
	return sc
}

type addFunc func(name string, w float64, detail func() string)

func (s scorer) dates(a, b *record, add addFunc) {
	agr, detail := compareDatesFast(a.dob, b.dob)
	var w float64
	switch agr {
	case dateMissing:
		return
	case dateExact:
		w = 10
	case datePartialSame:
		known := min(dateParts(a.dob), dateParts(b.dob))
		w = []float64{0, 3.5, 6, 10}[known]
	case dateSwapped:
		w = 6
	case dateTypo:
		w = 5
	case dateYearNear:
		w = 3
	case dateYearOnly:
		w = -3
	default:
		w = -6
	}
	add("date of birth", w, func() string {
		if detail == "" {
			_, detail = compareDates(a.dob, b.dob)
		}
		return detail
	})
}

// compareDatesFast classifies without building the explanation.
func compareDatesFast(a, b Date) (dateAgreement, string) {
	return classifyDates(a, b), ""
}

func dateParts(d Date) int {
	n := 0
	if d.Year != 0 {
		n++
	}
	if d.Month != 0 {
		n++
	}
	if d.Day != 0 {
		n++
	}
	return n
}

func (s scorer) documents(a, b *record, add addFunc) {
	if len(a.docs) == 0 || len(b.docs) == 0 {
		return
	}
	var close, conflict *docKey
	var closeOther *docKey
	for i := range a.docs {
		da := &a.docs[i]
		for j := range b.docs {
			db := &b.docs[j]
			if da.country != "" && db.country != "" && da.country != db.country {
				continue
			}
			if da.number == db.number && len(da.number) >= 5 {
				add(docName(da, db), 15, func() string { return docName(da, db) + ": equal" })
				return
			}
			if close == nil && min(len(da.number), len(db.number)) >= 6 && editDistanceAtMost1(da.number, db.number) {
				close, closeOther = da, db
			}
			if conflict == nil && da.kind == db.kind && da.country != "" && da.country == db.country {
				conflict = da
			}
		}
	}
	switch {
	case close != nil:
		add(docName(close, closeOther), 7, func() string {
			return docName(close, closeOther) + ": one character differs (" + close.number + " / " + closeOther.number + ")"
		})
	case conflict != nil:
		add(docName(conflict, conflict), -2, func() string {
			return docName(conflict, conflict) + ": different numbers from the same issuer (a renewal is possible)"
		})
	}
}

func docName(a, b *docKey) string {
	if a.kind != "" && a.kind == b.kind {
		return a.kind
	}
	return "document"
}

// attributes compares the extra fields both records have. Agreement weighs
// log2(0.9/u) with u the value's share of the population (or 1/50 without
// one), capped at 12; a near miss (one edit, or Jaro-Winkler >= 0.9 on
// longer text) weighs +2; disagreement -2.7.
func (s scorer) attributes(a, b *record, add addFunc) {
	i, j := 0, 0
	for i < len(a.attrs) && j < len(b.attrs) {
		x, y := &a.attrs[i], &b.attrs[j]
		switch {
		case x.name < y.name:
			i++
			continue
		case x.name > y.name:
			j++
			continue
		}
		i++
		j++
		switch {
		case x.value == y.value:
			u := 0.02
			if s.freq != nil {
				if sh := s.freq.share(s.freq.attr[*x]); sh > 0 {
					u = sh
				}
			}
			w := math.Min(12, math.Log2(0.9/u))
			add(x.name, w, func() string { return x.name + ": equal" })
		case editDistanceAtMost1(x.value, y.value) || min(len(x.value), len(y.value)) >= 6 && jaroWinkler(x.value, y.value) >= 0.9:
			add(x.name, 2, func() string { return x.name + ": nearly equal (" + x.value + " / " + y.value + ")" })
		default:
			add(x.name, -2.7, func() string { return x.name + ": differs" })
		}
	}
}
