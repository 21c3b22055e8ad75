package screen

import (
	"fmt"
	"sort"
	"strings"
)

// A Ruleset is everything the screener knows, merged from ruleset files
// (one per language, plus places and signals) and two tables (reference pay
// by role and country, exchange rates). Analysts edit the files; partners
// import them. A Ruleset is read-only once built.
type Ruleset struct {
	Files   []FileInfo
	Rules   []*Rule
	Places  []*Place
	Signals map[string]*Signal
	Combos  []*Combo
	// Terms holds names to put in messages: "role.customer_service",
	// "country.KH", "period.month" -> language -> text.
	Terms map[string]map[string]string
	Roles []RoleRange
	Rates map[string]Rate
}

// FileInfo is one loaded file's header.
type FileInfo struct {
	Name        string `json:"name"`
	Ruleset     string `json:"ruleset,omitempty"`
	Version     string `json:"version"`
	Lang        string `json:"lang,omitempty"`
	Description string `json:"description,omitempty"`
}

// Rule is a set of phrases that signal one thing ("no experience needed").
type Rule struct {
	Code     string // what it signals; the same code in two languages is one signal
	Lang     string // the file's language ("*" for all)
	File     string
	Line     int
	Version  int
	Category string
	Weight   float64
	Role     string // the job the phrases name, for the pay comparison
	Patterns []string
	Except   []string
	Messages map[string]string
	Examples []string // texts that must trigger the rule
	Counters []string // texts that must not
	Note     string
}

// ID names the rule uniquely: "<lang>:<code>".
func (r *Rule) ID() string { return r.Lang + ":" + r.Code }

// Place is a destination known for scam compounds, with its travel advisory.
type Place struct {
	Key      string // "bavet"
	File     string
	Line     int
	Version  int
	Country  string // ISO 3166-1 alpha-2
	Advisory string // Korean MOFA level: "1", "2", "2.5", "3", "4" or ""
	Since    string // when the advisory took effect
	Source   string
	Hub      bool    // a known compound area
	Weight   float64 // 0: the weight of its advisory signal
	Names    map[string]string
	Patterns []string
	Except   []string
	Examples []string
	Counters []string
	Note     string
}

// ID names the place: "place:<key>".
func (p *Place) ID() string { return "place:" + p.Key }

// Signal is a finding the screener makes itself (pay far above the usual,
// a banned destination, a listed contact): its weight and messages live in
// the ruleset so analysts can tune them.
type Signal struct {
	Code     string
	File     string
	Line     int
	Version  int
	Category string
	Weight   float64
	Messages map[string]string
	Examples []string
	Counters []string
	Note     string
}

// Combo adds weight when several categories fire together.
type Combo struct {
	Code     string
	File     string
	Line     int
	Version  int
	All      []string
	Weight   float64
	Messages map[string]string
	Note     string
}

// Categories every rule and signal must use, and which kind of risk each
// points to: a job lure, another scam, either, or none (context words with
// weight 0, and the signs of a genuine offer or of a warning, which lower
// the score).
var categoryKind = map[string]string{
	"pay": "lure", "no_experience": "lure", "destination": "lure", "travel": "lure", "visa": "lure",
	"vague_job": "lure", "appearance": "lure", "document": "lure", "reassurance": "lure", "crime_role": "lure",
	"fee": "lure", "job_messenger": "lure", "unsolicited": "lure",
	"opener": "scam", "investment": "scam", "task": "scam", "prize": "scam",
	"messenger": "", "urgency": "", "listed": "",
	"context": "", "legit": "", "warning": "",
}

// Signals the screener's code emits; a ruleset must define them all.
var builtinSignals = []string{
	"pay.far_above", "pay.far_above_unskilled", "pay.above", "pay.foreign_currency",
	"destination.level4", "destination.level3", "destination.level2_5", "destination.level2",
	"destination.level1", "destination.hub", "destination.country",
	"contact.listed", "contact.messenger_only", "contact.messenger_only_job",
}

// Placeholders a message may use.
var placeholders = map[string]bool{
	"match": true, "amount": true, "usd": true, "min": true, "max": true, "role": true,
	"country": true, "place": true, "since": true, "contact": true, "kind": true, "period": true,
	"converted": true,
}

// advisorySignal is the signal whose message and weight a place takes.
func (p *Place) advisorySignal() string {
	switch p.Advisory {
	case "4":
		return "destination.level4"
	case "3":
		return "destination.level3"
	case "2.5":
		return "destination.level2_5"
	case "2":
		return "destination.level2"
	case "1":
		return "destination.level1"
	}
	if p.Hub {
		return "destination.hub"
	}
	return "destination.country"
}

// Version is a short description of the files the ruleset was built from.
func (rs *Ruleset) Version() string {
	parts := make([]string, 0, len(rs.Files))
	for _, f := range rs.Files {
		parts = append(parts, strings.TrimSuffix(f.Name, ".rules")+"@"+f.Version)
	}
	return strings.Join(parts, " ")
}

// merge adds a parsed file's content, checking for clashes.
func (rs *Ruleset) merge(f *ruleFile) error {
	rs.Files = append(rs.Files, f.info)
	if rs.Signals == nil {
		rs.Signals = map[string]*Signal{}
		rs.Terms = map[string]map[string]string{}
	}
	for _, r := range f.rules {
		for _, o := range rs.Rules {
			if o.Code == r.Code && o.Category != r.Category {
				return &RuleError{File: r.File, Line: r.Line, Field: "category",
					Msg: fmt.Sprintf("rule %s is %q here but %q in %s:%d", r.Code, r.Category, o.Category, o.File, o.Line)}
			}
			if o.Code == r.Code && o.Lang == r.Lang {
				return &RuleError{File: r.File, Line: r.Line, Field: "rule",
					Msg: fmt.Sprintf("rule %s is already defined in %s:%d", r.ID(), o.File, o.Line)}
			}
		}
		rs.Rules = append(rs.Rules, r)
	}
	for _, p := range f.places {
		for _, o := range rs.Places {
			if o.Key == p.Key {
				return &RuleError{File: p.File, Line: p.Line, Field: "place",
					Msg: fmt.Sprintf("place %s is already defined in %s:%d", p.Key, o.File, o.Line)}
			}
		}
		rs.Places = append(rs.Places, p)
	}
	for _, s := range f.signals {
		if o, ok := rs.Signals[s.Code]; ok {
			return &RuleError{File: s.File, Line: s.Line, Field: "signal",
				Msg: fmt.Sprintf("signal %s is already defined in %s:%d", s.Code, o.File, o.Line)}
		}
		rs.Signals[s.Code] = s
	}
	rs.Combos = append(rs.Combos, f.combos...)
	for id, m := range f.terms {
		if rs.Terms[id] == nil {
			rs.Terms[id] = map[string]string{}
		}
		for lang, v := range m {
			rs.Terms[id][lang] = v
		}
	}
	return nil
}

// check verifies what only the whole ruleset can show.
func (rs *Ruleset) check() error {
	var missing []string
	for _, code := range builtinSignals {
		if _, ok := rs.Signals[code]; !ok {
			missing = append(missing, code)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("ruleset: signals not defined: %s", strings.Join(missing, ", "))
	}
	if len(rs.Rates) == 0 || rs.Rates["USD"].PerUnit != 1 {
		return fmt.Errorf("ruleset: rates.tsv must be loaded and give USD as 1")
	}
	if len(rs.Roles) == 0 {
		return fmt.Errorf("ruleset: roles.tsv must be loaded")
	}
	if _, ok := rs.payRange("*", "*"); !ok {
		return fmt.Errorf("ruleset: roles.tsv needs a row for role * in country *")
	}
	sort.SliceStable(rs.Rules, func(i, j int) bool { return rs.Rules[i].ID() < rs.Rules[j].ID() })
	return nil
}

// message picks a template in lang, else English, else any.
func pickMessage(m map[string]string, lang string) string {
	if s, ok := m[lang]; ok {
		return s
	}
	if s, ok := m["en"]; ok {
		return s
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		return m[keys[0]]
	}
	return ""
}

// term names a thing in lang, else English, else its id's last part.
func (rs *Ruleset) term(id, lang string) string {
	if m, ok := rs.Terms[id]; ok {
		if s, ok := m[lang]; ok {
			return s
		}
		if s, ok := m["en"]; ok {
			return s
		}
	}
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// fill replaces {name} placeholders.
func fill(tmpl string, vars map[string]string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			break
		}
		name := tmpl[i+1 : i+j]
		b.WriteString(tmpl[:i])
		if v, ok := vars[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	return b.String()
}
