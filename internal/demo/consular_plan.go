package demo

import (
	"encoding/csv"
	"fmt"
	"strings"

	"counterscam/internal/casework"
	"counterscam/internal/match"
)

// cPerson is a Korean national of the consular scene, as the embassy's
// records know them (or, for the unknown, as the truth the scene hides).
type cPerson struct {
	ref              string // the embassy's reference
	family, given    string // Hangul
	latin            string // passport spelling
	dob, sex         string
	passport         string
	phoneKH, handle  string // the Cambodian phone and messenger handle used in the compound
	kinName, kinRel  string
	kinPhone, kinRKo string // the reporting relative's phone, relation in Korean
	kinCalls         string // what the relative calls the person in Korean: 아들, 딸, 동생...
}

func (p cPerson) hangul() string { return p.family + p.given }

// consularPlan is the whole scene, decided before anything is stored.
type consularPlan struct {
	registry  []cPerson // in the embassy's records before the scene starts
	families  []int     // registry persons whose families report them (the first two escape early)
	newByFam  []cPerson // persons reported by families, unknown to the embassy before
	queued    []cPerson // reported at the end, still waiting for triage
	detained  []int     // registry persons arrested in the raid
	unknown   []cPerson // arrested in the raid, unknown to the embassy
	falseRow  int       // index in detained of the one who gave a false name
	arrestCSV string    // the partner's arrest list
	rowRefs   []string  // row_ref of each detainee: detained then unknown
	wallets   []string  // ransom payee wallets
	handles   []string  // recruiters' handles
	sites     []string  // recruitment sites
}

// krPerson draws one national.
func (g *gen) krPerson(ref string) cPerson {
	fam := g.pick(krFamilies)
	var giv string
	for {
		giv = g.pick(krGivens) + g.pick(krGivens)
		if !g.used["name:"+fam+giv] {
			g.used["name:"+fam+giv] = true
			break
		}
	}
	p := cPerson{ref: ref, family: fam, given: giv,
		latin: strings.ToUpper(match.RomanizeHangul(fam, match.RRName) + " " + match.RomanizeHangul(giv, match.RRName)),
		sex:   "MF"[g.rng.IntN(2):][:1]}
	p.dob = fmt.Sprintf("%04d-%02d-%02d", 1985+g.rng.IntN(20), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	if g.rng.IntN(6) == 0 {
		p.dob = p.dob[:7] // the month is all the records have
	}
	p.passport = fmt.Sprintf("M%d%07d", 1+g.rng.IntN(9), g.rng.IntN(10_000_000))
	p.phoneKH = g.phone("KH").intl[0]
	p.handle = g.handle().intl[0]
	rel := krRelations[g.rng.IntN(len(krRelations))]
	woman := 0
	if p.sex == "F" {
		woman = 1
	}
	p.kinRKo, p.kinRel, p.kinCalls = rel.ko[woman], rel.kin, rel.calls[woman]
	p.kinName = g.pick(krFamilies) + g.pick(krGivens) + g.pick(krGivens)
	p.kinPhone = g.phone("KR").intl[0]
	return p
}

// partnerSpelling writes a person's name as the partner's list does:
// another spelling of the family name now and then, the given name's
// syllables apart, the order sometimes given name first.
func (g *gen) partnerSpelling(p cPerson) string {
	fam := strings.ToUpper(match.RomanizeHangul(p.family, match.RRName))
	if alt, ok := krSpellings[p.family]; ok && g.rng.IntN(2) == 0 {
		fam = g.pick(alt)
	}
	var parts []string
	for _, r := range p.given {
		parts = append(parts, strings.ToUpper(match.RomanizeHangul(string(r), match.RRName)))
	}
	giv := strings.Join(parts, " ")
	if g.rng.IntN(3) == 0 {
		giv = strings.Join(parts, "")
	}
	if g.rng.IntN(4) == 0 {
		return giv + " " + fam
	}
	return fam + " " + giv
}

// partnerDate writes a date of birth day first, as Cambodian lists do,
// or by its year only.
func (g *gen) partnerDate(dob string) string {
	if len(dob) < 10 || g.rng.IntN(8) == 0 {
		return dob[:4]
	}
	return dob[8:10] + "/" + dob[5:7] + "/" + dob[:4]
}

// planConsular draws the scene from a seed.
func planConsular(seed int64) *consularPlan {
	g := newGen(seed)
	pl := &consularPlan{}
	for i := range 40 {
		pl.registry = append(pl.registry, g.krPerson(fmt.Sprintf("MOFA-KH-%04d", i+1)))
	}
	pl.families = []int{3, 7, 12, 15, 21}
	for i := range 2 {
		pl.newByFam = append(pl.newByFam, g.krPerson(fmt.Sprintf("MOFA-KH-%04d", 101+i)))
	}
	for i := range 2 {
		pl.queued = append(pl.queued, g.krPerson(fmt.Sprintf("MOFA-KH-%04d", 201+i)))
	}
	// The raid: three of the reported (not the two who escaped), seven
	// others from the records, three unknown.
	pl.detained = []int{12, 15, 21, 1, 5, 8, 19, 26, 30, 33}
	for i := range 3 {
		pl.unknown = append(pl.unknown, g.krPerson(fmt.Sprintf("MOFA-KH-%04d", 301+i)))
	}
	pl.falseRow = 6 // registry 19 gave a false name; only the passport is right
	for range 4 {
		pl.wallets = append(pl.wallets, g.wallet("tron").intl[0])
		pl.handles = append(pl.handles, g.handle().intl[0])
		pl.sites = append(pl.sites, g.site("job").intl[0])
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(casework.PartnerColumns)
	row := func(ref, name, dob, passport string) {
		w.Write([]string{ref, name, dob, "KR", passport, "Golden Crane Park, Kampot"})
		pl.rowRefs = append(pl.rowRefs, ref)
	}
	for i, k := range pl.detained {
		p := pl.registry[k]
		ref := fmt.Sprintf("CNP-2025-%03d", 101+i)
		switch {
		case i == pl.falseRow:
			fake := g.krPerson("")
			row(ref, g.partnerSpelling(fake), g.partnerDate(fake.dob), p.passport)
		case g.rng.IntN(3) == 0:
			row(ref, g.partnerSpelling(p), g.partnerDate(p.dob), p.passport)
		default:
			row(ref, g.partnerSpelling(p), g.partnerDate(p.dob), "")
		}
	}
	for i, p := range pl.unknown {
		row(fmt.Sprintf("CNP-2025-%03d", 101+len(pl.detained)+i), g.partnerSpelling(p), g.partnerDate(p.dob), "")
	}
	w.Flush()
	pl.arrestCSV = b.String()
	return pl
}
