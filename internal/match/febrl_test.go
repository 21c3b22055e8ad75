package match

import (
	"counterscam/internal/shareddata"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
)

// loadFEBRL reads a FEBRL dataset: persons, and each record's entity number
// (rec-223-org and rec-223-dup-0 are the same person).
func loadFEBRL(t testing.TB, name string) ([]Person, []string) {
	t.Helper()
	f, err := os.Open(shareddata.Path(t, "febrl/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	var persons []Person
	var entity []string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		p := Person{ID: row[0], Attrs: map[string]string{}}
		var given, family string
		for i, col := range header {
			v := strings.TrimSpace(row[i])
			switch col {
			case "rec_id":
			case "given_name":
				given = v
			case "surname":
				family = v
			case "date_of_birth":
				if d, err := ParseDate(v); err == nil {
					p.DOB = d
				}
			default:
				if v != "" {
					p.Attrs[col] = v
				}
			}
		}
		p.Names = []Name{{Family: family, Given: given, Script: ScriptLatin}}
		parts := strings.Split(row[0], "-")
		persons = append(persons, p)
		entity = append(entity, parts[1])
	}
	return persons, entity
}

type prf struct{ p, r, f1 float64 }

func pairQuality(pred map[[2]int]bool, entity []string) prf {
	truth := 0
	by := map[string][]int{}
	for i, e := range entity {
		by[e] = append(by[e], i)
	}
	for _, m := range by {
		truth += len(m) * (len(m) - 1) / 2
	}
	tp := 0
	for p := range pred {
		if entity[p[0]] == entity[p[1]] {
			tp++
		}
	}
	var q prf
	if len(pred) > 0 {
		q.p = float64(tp) / float64(len(pred))
	}
	if truth > 0 {
		q.r = float64(tp) / float64(truth)
	}
	if q.p+q.r > 0 {
		q.f1 = 2 * q.p * q.r / (q.p + q.r)
	}
	return q
}

// TestFEBRL de-duplicates FEBRL datasets 1-3 and measures pair-level
// precision, recall and F1 against the known duplicates, both for the pairs
// scored Match and for all pairs inside the clusters they form.
func TestFEBRL(t *testing.T) {
	for _, name := range []string{"febrl-dataset1.csv", "febrl-dataset2.csv", "febrl-dataset3.csv"} {
		t.Run(name, func(t *testing.T) {
			persons, entity := loadFEBRL(t, name)
			res := Dedupe(persons)
			pairs := map[[2]int]bool{}
			for _, p := range res.Pairs {
				if p.Score.Class == Match {
					pairs[[2]int{p.A, p.B}] = true
				}
			}
			clustered := clusterPairs(res)
			qp, qc := pairQuality(pairs, entity), pairQuality(clustered, entity)
			t.Logf("%s: %d records; match pairs P=%.4f R=%.4f F1=%.4f; cluster pairs P=%.4f R=%.4f F1=%.4f",
				name, len(persons), qp.p, qp.r, qp.f1, qc.p, qc.r, qc.f1)
			if qc.f1 < 0.95 {
				t.Errorf("cluster pair F1 %.4f < 0.95", qc.f1)
			}

			// The same without the social security number, the strongest field.
			for i := range persons {
				delete(persons[i].Attrs, "soc_sec_id")
			}
			q := pairQuality(clusterPairs(Dedupe(persons)), entity)
			t.Logf("%s without soc_sec_id: cluster pairs P=%.4f R=%.4f F1=%.4f", name, q.p, q.r, q.f1)
			if q.f1 < 0.95 {
				t.Errorf("without soc_sec_id: cluster pair F1 %.4f < 0.95", q.f1)
			}
			// Names and dates of birth alone, for information: FEBRL corrupts
			// them heavily, and without the address many duplicates cannot be told.
			for i := range persons {
				persons[i].Attrs = nil
			}
			q = pairQuality(clusterPairs(Dedupe(persons)), entity)
			t.Logf("%s names and dates of birth only: cluster pairs P=%.4f R=%.4f F1=%.4f", name, q.p, q.r, q.f1)
		})
	}
}

func clusterPairs(res Result) map[[2]int]bool {
	out := map[[2]int]bool{}
	for _, c := range res.Clusters {
		for i := range c {
			for j := i + 1; j < len(c); j++ {
				out[[2]int{c[i], c[j]}] = true
			}
		}
	}
	return out
}
