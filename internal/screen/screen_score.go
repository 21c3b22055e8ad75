package screen

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// assessment is the working state of one Assess call.
type assessment struct {
	s       *Screener
	text    string
	lang    string
	msgLang string

	found      []*finding
	roles      []string
	places     []*Place
	jobContext bool
	jobWords   bool // the text names a job or speaks of hiring (context, vague job or a role)
	// otherContact is set when a contact other than a messenger handle
	// (an e-mail address, a web site) was found.
	otherContact bool
	cats         map[string]bool
	pays         []PayFound
	contacts     []ContactFound
}

// finding is a reason before its message is written.
type finding struct {
	separate             bool // never merged with another finding (each listed contact)
	code, rule, category string
	weight               float64
	tmpl                 string
	vars                 map[string]string
	spans                []Span
}

// matchPhrases runs the automaton once and turns hits into findings.
func (a *assessment) matchPhrases() {
	s := a.s
	type ownerHit struct {
		owner  int32
		except bool
		near   uint8
		span   Span
	}
	var hits []ownerHit
	text, back := a.text, (*composedText)(nil)
	if hasCombiningMark(text) {
		back = composeText(text)
		text = back.text
	}
	s.m.scan(text, func(h mhit) {
		if len(hits) < maxHits {
			p := &s.m.pats[h.pat]
			sp := Span{h.start, h.end}
			if back != nil {
				sp = Span{back.start(h.start), back.end(h.end)}
			}
			hits = append(hits, ownerHit{p.owner, p.except, p.near, sp})
		}
	})
	// Group by owner, keeping the order of first appearance within each.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].owner < hits[j].owner })
	a.cats = map[string]bool{}
	for i := 0; i < len(hits); {
		oi := hits[i].owner
		var spans, excepts, firsts, seconds []Span
		for ; i < len(hits) && hits[i].owner == oi; i++ {
			switch h := hits[i]; {
			case h.except:
				excepts = append(excepts, h.span)
			case h.near == 1:
				firsts = append(firsts, h.span)
			case h.near == 2:
				seconds = append(seconds, h.span)
			default:
				spans = append(spans, h.span)
			}
		}
		spans = append(spans, nearSpans(firsts, seconds)...)
		spans = mergeSpans(withoutOverlaps(spans, excepts))
		if len(spans) == 0 {
			continue
		}
		o := s.owners[oi]
		if r := o.rule; r != nil {
			if r.Role != "" {
				a.roles = append(a.roles, r.Role)
			}
			if r.Role != "" || r.Category == "context" || r.Category == "vague_job" {
				a.jobWords = true
			}
			if kind := categoryKind[r.Category]; kind == "lure" || r.Category == "context" {
				a.jobContext = true
			}
			if r.Weight == 0 {
				continue
			}
			a.add(&finding{code: r.Code, rule: r.ID(), category: r.Category, weight: r.Weight,
				tmpl: pickMessage(s.msgs[r.Code], a.msgLang), spans: spans})
			continue
		}
		p := o.place
		if p.advisorySignal() == "destination.country" && p.Country == homeCountry[a.lang] {
			continue // "Cambodia" in a Khmer text is home, not a destination
		}
		sig := s.rs.Signals[p.advisorySignal()]
		w := p.Weight
		if w == 0 {
			w = sig.Weight
		}
		a.places = append(a.places, p)
		name := p.Names[a.msgLang]
		if name == "" {
			name = p.Names["en"]
		}
		a.add(&finding{code: sig.Code, rule: p.ID(), category: sig.Category, weight: w,
			tmpl: pickMessage(sig.Messages, a.msgLang), spans: spans,
			vars: map[string]string{"place": name, "since": p.Since, "country": s.rs.term("country."+p.Country, a.msgLang)}})
	}
}

// maxHits bounds the phrase hits kept for one text (a 64 KiB text of
// repeated phrases cannot make the assessment quadratic).
const maxHits = 4096

// add records a finding; a rule code seen before (the same sign in another
// language) only adds its spans.
func (a *assessment) add(f *finding) {
	for _, g := range a.found {
		if f.separate || g.separate {
			continue
		}
		if g.rule == f.rule || (g.code == f.code && !strings.HasPrefix(f.rule, "place:") && !strings.HasPrefix(g.rule, "place:")) {
			g.spans = mergeSpans(append(g.spans, f.spans...))
			if f.weight > g.weight {
				g.weight = f.weight
			}
			return
		}
	}
	a.found = append(a.found, f)
	if f.weight > 0 {
		a.cats[f.category] = true
	}
}

// withoutOverlaps drops spans that overlap any exception span.
func withoutOverlaps(spans, ex []Span) []Span {
	if len(ex) == 0 {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		keep := true
		for _, e := range ex {
			if sp.Start < e.End && e.Start < sp.End {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, sp)
		}
	}
	return out
}

// mergeSpans sorts spans and joins overlapping ones.
func mergeSpans(spans []Span) []Span {
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			if sp.End > out[n-1].End {
				out[n-1].End = sp.End
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// homeCountry is the country whose language a text is in, where that is
// clear: a country-level place there is the reader's home, not a
// destination (towns known for compounds still count).
var homeCountry = map[string]string{"ko": "KR", "km": "KH", "th": "TH", "vi": "VN", "zh": "CN", "id": "ID"}

// The currency a text most likely means when it names none, by language.
var usualCurrency = map[string]string{
	"ko": "KRW", "zh": "CNY", "th": "THB", "vi": "VND", "km": "USD", "en": "USD", "ja": "JPY", "lo": "LAK", "my": "MMK", "id": "IDR",
}

// The country whose pay a currency suggests when the text names no place.
var currencyCountry = map[string]string{
	"KRW": "KR", "THB": "TH", "VND": "VN", "CNY": "CN", "KHR": "KH", "MYR": "MY", "PHP": "PH",
	"IDR": "ID", "MMK": "MM", "LAK": "LA", "JPY": "JP", "INR": "IN", "TWD": "TW", "HKD": "HK", "MOP": "MO",
}

// maxGuessedMonthlyUSD is the most a month's pay may come to when the
// currency was guessed; above it the guess is taken to be wrong.
const maxGuessedMonthlyUSD = 50000

// Pay ratios to the usual maximum that make a sign.
const (
	farAboveRatio = 2.0
	aboveRatio    = 1.4
)

// upToWords say an amount is a maximum ("up to", "lên đến", "最高").
var upToWords = []string{"up to", "upto", "lên đến", "lên tới", "最高", "高达", "高達", "최대", "สูงสุด", "สูงถึง", "រហូតដល់", "hingga", "sampai", "mencapai", "maksimal"}

// upToTail is the most bytes the longest up-to word can take in a text,
// in any case: lower-casing keeps the number of runes, and a rune takes at
// most 4 bytes.
var upToTail = func() int {
	n := 0
	for _, w := range upToWords {
		n = max(n, utf8.RuneCountInString(w))
	}
	return 4 * n
}()

// upToBefore reports whether an up-to word stands just before an amount:
// right before its number or before the pay word or currency that leads it.
func upToBefore(text string, prefixStart, start int) bool {
	for _, at := range []int{start, prefixStart} {
		before := strings.TrimRight(text[:at], " \t:：")
		if len(before) > upToTail { // lower-case only the tail a word can take, not all the text before
			cut := len(before) - upToTail
			for cut < len(before) && !utf8.RuneStart(before[cut]) {
				cut++
			}
			before = before[cut:]
		}
		before = strings.ToLower(before)
		for _, w := range upToWords {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
	}
	return false
}

// findPay reads amounts, keeps those that are pay, and compares the most
// generous with the usual pay for the job and place.
func (a *assessment) findPay() {
	amounts := ParseAmounts(a.text)
	if len(amounts) == 0 {
		return
	}
	rs := a.s.rs
	country := ""
	bestW := -1.0
	for _, p := range a.places {
		w := p.Weight
		if w == 0 {
			w = rs.Signals[p.advisorySignal()].Weight
		}
		if w > bestW {
			country, bestW = p.Country, w
		}
	}
	unskilled := a.cats["no_experience"]
	var best *PayFound
	bestRatio := 0.0
	foreignAt := -1
	for _, am := range amounts {
		if !am.Pay && (am.Period == PeriodNone || !a.jobContext) {
			continue
		}
		pf := PayFound{Amount: am}
		cur := am.Currency
		if cur == "" {
			cur = am.hint
			if cur == "" {
				cur = usualCurrency[a.lang]
			}
			if cur == "" {
				cur = "USD"
			}
			pf.CurrencyGuessed = true
			// "월 300" in a Korean ad means ₩3,000,000: amounts in 만원.
			if cur == "KRW" && !am.Scaled && am.High < 1e4 && am.Pay {
				pf.Value, pf.High = am.Value*1e4, am.High*1e4
			}
			pf.Currency = cur
		}
		if pf.High > pf.Value && upToBefore(a.text, am.PrefixStart, am.Start) {
			// "up to 15-30 million": the offer is its top, so that is the
			// amount compared (a range alone is compared by its low end).
			pf.Value = pf.High
		}
		usd, ok := rs.toUSD(pf.Value, cur)
		if !ok {
			continue
		}
		pf.MonthlyUSD = math.Round(usd * perMonth[am.Period])
		if pf.CurrencyGuessed && pf.MonthlyUSD > maxGuessedMonthlyUSD {
			// "1,800,000" in an English text is not dollars: some currency
			// the text did not name, or one the parser does not know.
			continue
		}
		c := country
		if c == "" {
			c = currencyCountry[cur]
		}
		if c == "" && cur == "USD" {
			// Dollars name no country; a Khmer ad in dollars is for work
			// at home (the country itself is not kept as a destination).
			c = homeCountry[a.lang]
		}
		if c == "" {
			c = "*"
		}
		role := a.pickRole(c, unskilled)
		rng, _ := rs.payRange(role, c)
		pf.Role, pf.Country, pf.UsualMin, pf.UsualMax = role, c, rng.Min, rng.Max
		a.pays = append(a.pays, pf)
		if foreignAt < 0 && !pf.CurrencyGuessed && a.foreignCurrency(cur, country) {
			foreignAt = len(a.pays) - 1
		}
		if ratio := pf.MonthlyUSD / rng.Max; ratio > bestRatio {
			bestRatio = ratio
			best = &a.pays[len(a.pays)-1]
		}
	}
	a.addForeignPay(foreignAt)
	if best == nil || bestRatio < aboveRatio {
		return
	}
	code := "pay.above"
	if bestRatio >= farAboveRatio {
		code = "pay.far_above"
		if unskilled {
			code = "pay.far_above_unskilled"
		}
	}
	sig := rs.Signals[code]
	period := best.Period
	if period == PeriodNone {
		period = PeriodMonth
	}
	vars := map[string]string{
		"amount":    best.Currency + " " + formatMoney(best.Value),
		"period":    rs.term("period."+string(period), a.msgLang),
		"usd":       formatMoney(best.MonthlyUSD),
		"min":       formatMoney(best.UsualMin),
		"max":       formatMoney(best.UsualMax),
		"converted": "",
		"role":      rs.term("role."+anyTerm(best.Role), a.msgLang),
		"country":   rs.term("country."+anyTerm(best.Country), a.msgLang),
	}
	if best.Currency != "USD" || period != PeriodMonth {
		vars["converted"] = fill(rs.term("pay.converted", a.msgLang), vars)
	}
	a.add(&finding{code: code, rule: "signal:" + code, category: sig.Category, weight: sig.Weight,
		tmpl: pickMessage(sig.Messages, a.msgLang), vars: vars,
		spans: []Span{{best.PrefixStart, best.End}}})
}

// pickRole chooses, among the jobs the text names, the best paid in the
// country (so a vague mention never makes genuine pay look high).
func (a *assessment) pickRole(country string, unskilled bool) string {
	best, bestMax := "", -1.0
	for _, r := range a.roles {
		if rng, ok := a.s.rs.payRange(r, country); ok && rng.Max > bestMax {
			best, bestMax = r, rng.Max
		}
	}
	switch {
	case best != "":
		return best
	case unskilled:
		return "unskilled"
	}
	return "*"
}

// formatMoney writes 1234567.8 as "1,234,568" (and small amounts with cents).
func formatMoney(v float64) string {
	if v < 10 && v != math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Contacts beyond this many are reported but not looked up.
const maxLookups = 64

// findContacts extracts contacts, looks them up, and adds the signs they give.
func (a *assessment) findContacts(ctx context.Context) error {
	rs := a.s.rs
	messenger := -1
	other := false
	for _, c := range a.s.extract(a.text) {
		if c.Start < 0 || c.End > len(a.text) || c.Start > c.End {
			continue
		}
		cf := ContactFound{Contact: c, Status: Unknown}
		if a.s.lookup != nil && len(a.contacts) < maxLookups {
			st, err := a.s.lookup.Status(ctx, c.Kind, c.Value)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err == nil && (st == Listed || st == NotListed || st == Allowlisted) {
				cf.Status = st
			}
		}
		a.contacts = append(a.contacts, cf)
		switch {
		case c.Kind == "handle" || c.Platform != "":
			if messenger < 0 {
				messenger = len(a.contacts) - 1
			}
		case c.Kind == "email" || c.Kind == "url" || c.Kind == "domain":
			other = true
		}
		if cf.Status == Listed {
			sig := rs.Signals["contact.listed"]
			a.add(&finding{code: sig.Code, rule: "signal:contact.listed", separate: true, category: sig.Category,
				weight: sig.Weight, tmpl: pickMessage(sig.Messages, a.msgLang),
				vars:  map[string]string{"contact": a.written(c), "kind": rs.term("kind."+c.Kind, a.msgLang)},
				spans: []Span{{c.Start, c.End}}})
		}
	}
	a.otherContact = other
	if messenger >= 0 && !other {
		// In a job offer, a messenger handle as the only way to apply is a
		// lure sign of its own: compounds recruit through Telegram, LINE
		// and WhatsApp so nothing ties the offer to a company.
		code := "contact.messenger_only"
		if a.jobWords {
			code = "contact.messenger_only_job"
		}
		sig := rs.Signals[code]
		m := a.contacts[messenger]
		platform := m.Platform
		if platform == "" {
			platform = "messenger"
		}
		a.add(&finding{code: sig.Code, rule: "signal:" + code, category: sig.Category,
			weight: sig.Weight, tmpl: pickMessage(sig.Messages, a.msgLang),
			vars:  map[string]string{"contact": a.written(m.Contact), "kind": rs.term("platform."+platform, a.msgLang)},
			spans: []Span{{m.Start, m.End}}})
	}
	return nil
}

// written is a contact as the text has it ("+855 12 345 678", "@hr88"),
// which the person reading the reasons recognises, rather than its
// canonical form ("+85512345678", "telegram:hr88").
func (a *assessment) written(c Contact) string {
	if c.Start >= 0 && c.Start < c.End && c.End <= len(a.text) {
		return a.text[c.Start:c.End]
	}
	return c.Value
}

// maxQuote bounds the quoted text in a message.
const maxQuote = 80

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxQuote {
		return s
	}
	cut := maxQuote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// result scores the findings.
func (a *assessment) result() *Result {
	rs := a.s.rs
	res := &Result{MessageLanguage: a.msgLang, Reasons: []Reason{}, Selectors: a.contacts, Amounts: a.pays, RulesVersion: a.s.version}
	if res.Selectors == nil {
		res.Selectors = []ContactFound{}
	}
	sort.SliceStable(a.found, func(i, j int) bool { return a.found[i].spans[0].Start < a.found[j].spans[0].Start })
	// One weight per code (the same sign twice counts once), and at most the
	// two strongest codes per category, so ten vague job titles do not add
	// up to a lure.
	byCode := map[string]*finding{}
	for _, f := range a.found {
		if g, ok := byCode[f.code]; !ok || math.Abs(f.weight) > math.Abs(g.weight) {
			byCode[f.code] = f
		}
	}
	byCat := map[string][]float64{}
	for _, f := range byCode {
		byCat[f.category] = append(byCat[f.category], f.weight)
	}
	// pos is the product of (1 - w) over positive weights; posText leaves
	// out listed contacts, whose effect is on the level (below).
	pos, posText, neg := 1.0, 1.0, 1.0
	kindW := map[string]float64{}
	present := map[string]bool{}
	listed := false
	for cat, ws := range byCat {
		sort.Slice(ws, func(i, j int) bool { return math.Abs(ws[i]) > math.Abs(ws[j]) })
		if len(ws) > 2 {
			ws = ws[:2]
		}
		for _, w := range ws {
			if w > 0 {
				pos *= 1 - w
				if cat != "listed" {
					posText *= 1 - w
				}
				kind := categoryKind[cat]
				if cat == "messenger" && a.jobWords && !a.otherContact {
					// "Contact us on Zalo" in a job offer with no e-mail or
					// site is what contact.messenger_only_job says of a
					// handle: a job applied for only through a messenger.
					kind = "lure"
				}
				kindW[kind] += w
				present[cat] = true
			} else {
				neg *= 1 + w
			}
		}
		if cat == "listed" {
			listed = true
		}
	}
	for _, c := range rs.Combos {
		all := true
		for _, cat := range c.All {
			if !present[cat] {
				all = false
				break
			}
		}
		if all && c.Weight != 0 {
			pos *= 1 - c.Weight
			posText *= 1 - c.Weight
			res.Combos = append(res.Combos, ComboFound{Code: c.Code, Message: pickMessage(c.Messages, a.msgLang), Weight: c.Weight})
		}
	}
	clamp := func(x float64) int { return int(math.Round(math.Max(0, math.Min(100, x)))) }
	res.Score = clamp((1 - pos) * neg * 100)
	// The level comes from the text's own signs; a contact already reported
	// in counterscam then raises it a step (alone: elevated; with any other
	// sign that reaches elevated: high).
	switch textScore := clamp((1 - posText) * neg * 100); {
	case textScore >= HighAt:
		res.Level = High
	case textScore >= ElevatedAt:
		res.Level = Elevated
	default:
		res.Level = Low
	}
	if listed {
		if res.Level == Low {
			res.Level = Elevated
		} else {
			res.Level = High
		}
	}
	res.leaning = "scam"
	if kindW["lure"] >= kindW["scam"] && kindW["lure"] > 0 {
		res.leaning = "lure"
	}
	if res.Level != Low {
		res.Kind = res.leaning
	}
	for _, f := range a.found {
		vars := map[string]string{"match": quote(a.text[f.spans[0].Start:f.spans[0].End])}
		for k, v := range f.vars {
			vars[k] = v
		}
		r := Reason{Code: f.code, Rule: f.rule, Category: f.category, Weight: f.weight,
			Message: tidy(fill(f.tmpl, vars)), Start: f.spans[0].Start, End: f.spans[0].End,
			Text: a.text[f.spans[0].Start:f.spans[0].End]}
		if len(f.spans) > 1 {
			r.Spans = f.spans[1:]
		}
		res.Reasons = append(res.Reasons, r)
	}
	return res
}

// anyTerm names the "*" of roles.tsv in term ids ("role.any", "country.any").
func anyTerm(s string) string {
	if s == "*" {
		return "any"
	}
	return s
}

// tidy removes the doubled and stray spaces an empty placeholder leaves.
var tidier = strings.NewReplacer("  ", " ", " ,", ",", " ;", ";", " )", ")", " .", ".")

func tidy(s string) string { return strings.TrimSpace(tidier.Replace(s)) }
