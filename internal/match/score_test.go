package match

import (
	"strings"
	"testing"
)

func hasFeature(s Score, detail string) bool {
	for _, f := range s.Features {
		if strings.Contains(f.Detail, detail) {
			return true
		}
	}
	return false
}

// A Korean record (Hangul and passport spelling) against a row of a partner
// country's list.
func TestCompareExplains(t *testing.T) {
	held := Person{
		Names:       []Name{{Text: "박민호"}, {Text: "PARK MINHO"}},
		DOB:         Date{1994, 7, 12},
		Sex:         "M",
		Nationality: "KR",
		Documents:   []Document{{Type: "passport", Number: "M12345678", Country: "KR"}},
	}
	row := Person{
		Names:       []Name{{Text: "PAK MIN HO"}},
		DOB:         Date{1994, 7, 0},
		Sex:         "male",
		Nationality: "KR",
		Documents:   []Document{{Type: "passport", Number: "m1234 5678", Country: "KR"}},
	}
	s := Compare(held, row)
	if s.Class != Match || s.Value < MatchThreshold || s.Value > 1 {
		t.Fatalf("Compare = %s; want a match", s)
	}
	for _, want := range []string{
		"family name: 박 ~ PAK (same family name, passport variant of 박)",
		"given name: 민호 ~ MINHO (same given name)",
		"date of birth: same year and month, day missing",
		"passport: equal",
		"sex: same",
	} {
		if !hasFeature(s, want) {
			t.Errorf("missing feature %q in\n%s", want, s)
		}
	}
	total := 0.0
	for _, f := range s.Features {
		total += f.Weight
	}
	if d := total - s.Weight; d > 1e-9 || d < -1e-9 {
		t.Errorf("features add up to %.3f, score weight %.3f", total, s.Weight)
	}

	// Same name, other person: different date of birth and passport.
	other := row
	other.DOB = Date{1971, 2, 3}
	other.Documents = []Document{{Type: "passport", Number: "M87654321", Country: "KR"}}
	if s := Compare(held, other); s.Class != NonMatch {
		t.Errorf("same name, other date and passport: %s; want non-match", s)
	}
	// Same surname and birth date, other given name.
	sib := row
	sib.Names = []Name{{Text: "PARK MIN SU"}}
	sib.Documents = nil
	if s := Compare(held, sib); s.Class == Match {
		t.Errorf("other given name: %s; want no match", s)
	}
	// Only a name and a year of birth: worth a look, not a match.
	thin := Person{Names: []Name{{Text: "Bak Min-Ho"}}, DOB: Date{Year: 1994}}
	if s := Compare(held, thin); s.Class != Possible {
		t.Errorf("name and year only: %s; want possible", s)
	}
	// Passport typo, swapped day and month.
	typo := Person{Names: []Name{{Text: "Minho Park"}}, DOB: Date{1994, 12, 7},
		Documents: []Document{{Type: "passport", Number: "M12345687", Country: "KR"}}}
	s = Compare(held, typo)
	if s.Class != Match || !hasFeature(s, "day and month swapped") || !hasFeature(s, "one character differs") {
		t.Errorf("typo record: %s", s)
	}
}

func TestCompareSymmetric(t *testing.T) {
	a := Person{Names: []Name{{Text: "이서연"}}, DOB: Date{2001, 1, 2}, Sex: "F"}
	b := Person{Names: []Name{{Text: "Rhee Seo-Yeon"}}, DOB: Date{2001, 1, 0}, Sex: "F", Nationality: "KR"}
	x, y := Compare(a, b), Compare(b, a)
	if x.Weight != y.Weight || x.Class != y.Class {
		t.Errorf("Compare not symmetric: %s vs %s", x, y)
	}
	if x.Class == NonMatch {
		t.Errorf("Compare(이서연, Rhee Seo-Yeon) = %s", x)
	}
}

func TestCompareEmpty(t *testing.T) {
	s := Compare(Person{}, Person{})
	if s.Weight != 0 || s.Class != NonMatch || len(s.Features) != 0 {
		t.Errorf("Compare of empty persons = %s", s)
	}
}

func kr(id, name string, dob Date, passport string) Person {
	p := Person{ID: id, Names: []Name{{Text: name}}, DOB: dob, Nationality: "KR"}
	if passport != "" {
		p.Documents = []Document{{Type: "passport", Number: passport, Country: "KR"}}
	}
	return p
}

func TestDedupeRespectsDecisions(t *testing.T) {
	persons := []Person{
		kr("a", "김지훈", Date{1990, 5, 1}, "M11112222"),
		kr("b", "KIM JI HOON", Date{1990, 5, 1}, "M11112222"),
		kr("c", "Kim Jihun", Date{1990, 5, 1}, ""),
		kr("d", "최수아", Date{1985, 1, 9}, ""),
		kr("e", "Choi Sua", Date{1985, 1, 0}, ""),
		kr("f", "한예린", Date{1999, 9, 9}, ""),
		kr("g", "NAM GEON", Date{1970, 3, 3}, ""),
	}
	plain := Dedupe(persons)
	if len(plain.Clusters) != 2 || len(plain.Clusters[0]) != 3 {
		t.Fatalf("without decisions: clusters %v, pairs %d", plain.Clusters, len(plain.Pairs))
	}
	d := DecisionMap{}
	d.Set("c", "a", Different) // a and c are two people after all
	d.Set("f", "g", Same)      // an officer linked two records that share nothing
	res := Dedupe(persons, WithDecisions(d))
	for _, p := range res.Pairs {
		if pair := persons[p.A].ID + persons[p.B].ID; pair == "ac" {
			t.Errorf("pair judged different returned: %+v", p)
		}
	}
	var sawFG bool
	for _, p := range res.Pairs {
		if persons[p.A].ID == "f" && persons[p.B].ID == "g" {
			sawFG = p.Verdict == Same && p.Score.Class == Match && p.Score.Value == 1
		}
	}
	if !sawFG {
		t.Error("pair judged same not returned as a match")
	}
	for _, c := range res.Clusters {
		var ids string
		for _, i := range c {
			ids += persons[i].ID
		}
		if strings.Contains(ids, "a") && strings.Contains(ids, "c") {
			t.Errorf("cluster %q joins records judged different", ids)
		}
	}
	want := map[string]bool{"ab": true, "de": true, "fg": true}
	for _, c := range res.Clusters {
		var ids string
		for _, i := range c {
			ids += persons[i].ID
		}
		if !want[ids] {
			t.Errorf("unexpected cluster %q", ids)
		}
		delete(want, ids)
	}
	if len(want) != 0 {
		t.Errorf("clusters missing: %v (got %v)", want, res.Clusters)
	}

	ix := NewIndex(persons, WithDecisions(d))
	best := ix.Best(persons[0], 5)
	for _, c := range best {
		if persons[c.Index].ID == "c" {
			t.Errorf("Best returned a person judged different: %+v", c)
		}
	}
	if len(best) == 0 || persons[best[0].Index].ID == "a" {
		t.Errorf("Best(a) = %+v", best)
	}
	best = ix.Best(persons[5], 1)
	if len(best) != 1 || persons[best[0].Index].ID != "g" || best[0].Verdict != Same {
		t.Errorf("Best(f) = %+v; want g, judged the same", best)
	}
}

func TestIndexBestAndCandidates(t *testing.T) {
	persons, origin := synthPersons(3000, 0.1, 7)
	var base []Person
	var baseOrigin []int
	for i, p := range persons {
		if p.ID[0] == 'P' {
			base = append(base, p)
			baseOrigin = append(baseOrigin, origin[i])
		}
	}
	ix := NewIndex(base)
	if ix.Len() != len(base) {
		t.Fatalf("Len = %d", ix.Len())
	}
	var found, asked int
	for i, q := range persons {
		if q.ID[0] != 'D' {
			continue
		}
		asked++
		c := ix.Candidates(q)
		if len(c) > 300 {
			t.Errorf("%d candidates for one query", len(c))
		}
		best := ix.Best(q, 3)
		if len(best) > 0 && baseOrigin[best[0].Index] == origin[i] {
			found++
			if len(best[0].Score.Features) == 0 {
				t.Error("Best without explanations")
			}
		}
	}
	if rate := float64(found) / float64(asked); rate < 0.9 {
		t.Errorf("top-1 found %d of %d (%.3f), want >= 0.9", found, asked, rate)
	}
	// Add makes a person findable.
	p := kr("new", "독고영재", Date{1980, 8, 15}, "")
	i := ix.Add(p)
	best := ix.Best(kr("", "Dokko Youngjae", Date{1980, 8, 15}, ""), 1)
	if len(best) != 1 || best[0].Index != i {
		t.Errorf("after Add: Best = %+v, want index %d", best, i)
	}
}
