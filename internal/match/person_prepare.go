package match

import (
	"sort"
	"strings"
)

// record is a Person read once into the keys that comparisons use.
type record struct {
	forms []nameForm
	dob   Date
	sex   byte
	nat   string
	docs  []docKey
	attrs []attrValue // sorted by name
}

type docKey struct {
	kind, number, country string
}

type attrValue struct {
	name, value string
}

func prepare(p *Person) record {
	var r record
	for _, n := range p.Names {
		r.forms = nameForms(n, r.forms)
	}
	r.dob = p.DOB
	r.sex = normSex(p.Sex)
	r.nat = strings.ToUpper(strings.TrimSpace(p.Nationality))
	for _, d := range p.Documents {
		num := normDocNumber(d.Number)
		if num == "" {
			continue
		}
		r.docs = append(r.docs, docKey{
			kind:    strings.ToLower(strings.TrimSpace(d.Type)),
			number:  num,
			country: strings.ToUpper(strings.TrimSpace(d.Country)),
		})
	}
	for k, v := range p.Attrs {
		v = strings.Join(strings.Fields(strings.ToLower(v)), " ")
		if v != "" {
			r.attrs = append(r.attrs, attrValue{k, v})
		}
	}
	sort.Slice(r.attrs, func(i, j int) bool { return r.attrs[i].name < r.attrs[j].name })
	return r
}

// frequencies counts how often values occur in a population, so that
// agreement on a rare value weighs more than on a common one (two records
// that share the postcode of a small town say more than two in one state).
type frequencies struct {
	n      int
	family map[string]int32
	given  map[string]int32
	attr   map[attrValue]int32
}

func countFrequencies(recs []record) *frequencies {
	f := &frequencies{
		n:      len(recs),
		family: make(map[string]int32),
		given:  make(map[string]int32),
		attr:   make(map[attrValue]int32),
	}
	for i := range recs {
		r := &recs[i]
		for j := range r.forms {
			if r.forms[j].reordered {
				continue
			}
			if fam := r.forms[j].family; fam != "" {
				f.family[fam]++
			}
			if giv := r.forms[j].given; giv != "" {
				f.given[giv]++
			}
		}
		for _, a := range r.attrs {
			f.attr[a]++
		}
	}
	return f
}

// share is the fraction of the population with this value, or -1 when
// there is no population or too few to tell.
func (f *frequencies) share(count int32) float64 {
	if f == nil || f.n < 50 {
		return -1
	}
	return float64(max(count, 1)) / float64(f.n)
}
