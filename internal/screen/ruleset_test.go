package screen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodRules = `# test rules
ruleset = test
version = 1.0
lang = en

[rule free_lunch]
category = pay
weight = 0.3
pattern = free lunch
pattern = *lunch money
except = no free lunch
message.en = offers a free lunch ("{match}")
message.ko = 공짜 점심 ("{match}")
example = a free lunch every day
counter = there is no free lunch

[term role.chef]
en = cooking
ko = 요리
`

func TestParseRuleset(t *testing.T) {
	rs, err := ParseRuleset("test.rules", strings.NewReader(goodRules))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Rules) != 1 {
		t.Fatalf("got %d rules, want 1", len(rs.Rules))
	}
	r := rs.Rules[0]
	if r.ID() != "en:free_lunch" || r.Category != "pay" || r.Weight != 0.3 || r.Line != 6 ||
		len(r.Patterns) != 2 || r.Patterns[1] != "*lunch money" || len(r.Except) != 1 ||
		r.Messages["ko"] != `공짜 점심 ("{match}")` || len(r.Examples) != 1 || len(r.Counters) != 1 {
		t.Errorf("rule parsed as %+v", r)
	}
	if rs.Files[0].Version != "1.0" || rs.Files[0].Lang != "en" || rs.Files[0].Ruleset != "test" {
		t.Errorf("header parsed as %+v", rs.Files[0])
	}
	if rs.term("role.chef", "ko") != "요리" || rs.term("role.chef", "th") != "cooking" || rs.term("role.x", "en") != "x" {
		t.Errorf("terms: %v", rs.Terms)
	}
}

func TestParseRulesetErrors(t *testing.T) {
	head := "version = 1\nlang = en\n"
	rule := "[rule a]\ncategory = pay\nweight = 0.2\npattern = x\nmessage.en = m\nexample = x\n"
	tests := []struct{ in, want string }{
		{"lang = en\n[rule a]\n", "t.rules:2: the header needs version and lang"},
		{head + "colour = red\n", "t.rules:3: colour: unknown header key"},
		{head + "version = 1 2\n", "t.rules:3: version:"},
		{head + "lang = korean\n", "t.rules:3: lang:"},
		{head + "[rule]\n", "t.rules:3: section: want [kind id]"},
		{head + "[rule A]\n", "t.rules:3: section: id \"A\""},
		{head + "[recipe a]\n", "t.rules:3: section: unknown kind \"recipe\""},
		{head + "[rule a\n", "t.rules:3: section:"},
		{head + "just text\n", "t.rules:3: want key = value"},
		{head + "[rule a]\nweight = 2\n", "t.rules:4: weight: \"2\" is not a number from -1 to 1"},
		{head + "[rule a]\nweight = NaN\n", "t.rules:4: weight:"},
		{head + "[rule a]\ncategory = luck\n", "t.rules:4: category: unknown category \"luck\""},
		{head + "[rule a]\nversion = 0\n", "t.rules:4: version:"},
		{head + "[rule a]\npattern = **\n", "t.rules:4: pattern: a phrase needs more than '*'"},
		{head + "[rule a]\npattern = " + strings.Repeat("x", 201) + "\n", "t.rules:4: pattern: longer than 200 bytes"},
		{head + "[rule a]\nmessage.en = pay {salary}\n", "t.rules:4: message.en: unknown placeholder {salary}"},
		{head + "[rule a]\nmessage.en = pay {amount\n", "t.rules:4: message.en: unclosed"},
		{head + "[rule a]\ncolour = red\n", "t.rules:4: colour: unknown key for a rule"},
		{head + "[rule a]\npattern = \n", "t.rules:4: pattern: empty value"},
		{head + "[rule a]\ncategory = pay\nweight = 0.2\nmessage.en = m\nexample = x\n", "t.rules:3: pattern: rule a: needs at least one"},
		{head + "[rule a]\ncategory = pay\nweight = 0.2\npattern = x\nexample = x\n", "t.rules:3: message.en: rule a: missing"},
		{head + "[rule a]\ncategory = pay\nweight = 0.2\npattern = x\nmessage.en = m\n", "t.rules:3: example: rule a: needs at least one"},
		{head + rule + rule, "t.rules:9: rule: rule en:a is already defined in t.rules:3"},
		{head + "[place p]\nname.en = P\npattern = p\nexample = p\n", "t.rules:3: country: place p: missing"},
		{head + "[place p]\ncountry = Cambodia\n", "t.rules:4: country:"},
		{head + "[place p]\nadvisory = 5\n", "t.rules:4: advisory:"},
		{head + "[place p]\ncountry = KH\nadvisory = 4\nname.en = P\npattern = p\nexample = p\n", "t.rules:3: advisory_since:"},
		{head + "[place p]\nhub = maybe\n", "t.rules:4: hub: want yes or no"},
		{head + "[combo c]\nall = pay\nmessage.en = m\n", "t.rules:3: all: combo c: needs at least two categories"},
		{head + "[combo c]\nall = pay, luck\n", "t.rules:4: all: unknown category \"luck\""},
		{head + "[signal s]\ncategory = pay\n", "t.rules:3: message.en: signal s: missing"},
		{head + "[term t]\n", "t.rules:3: term: no names given"},
		{head + "[term t]\nen = x\n[term t]\n", "t.rules:5: term: t is defined twice"},
		{head + "[term t]\nenglish = x\n", "t.rules:4: english: want a language code"},
		{head + "\xff\n", "t.rules:3: not valid UTF-8"},
		{head + strings.Repeat("x", maxRuleLine+10) + "\n", "t.rules:3: line longer than 4096 bytes"},
	}
	for _, tt := range tests {
		_, err := ParseRuleset("t.rules", strings.NewReader(tt.in))
		var re *RuleError
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseRuleset(%.60q) = %v, want an error containing %q", tt.in, err, tt.want)
		} else if !errors.As(err, &re) {
			t.Errorf("ParseRuleset(%.60q): error %v is not a *RuleError", tt.in, err)
		}
	}
}

func TestParseTables(t *testing.T) {
	if _, err := ParseRates("rates.tsv", strings.NewReader("USD\t1\nKRW\tabc\n")); err == nil || !strings.Contains(err.Error(), "rates.tsv:2: usd_per_unit") {
		t.Errorf("bad rate: %v", err)
	}
	if _, err := ParseRates("rates.tsv", strings.NewReader("usd\t1\n")); err == nil || !strings.Contains(err.Error(), "rates.tsv:1: currency") {
		t.Errorf("bad currency: %v", err)
	}
	if _, err := ParseRoles("roles.tsv", strings.NewReader("*\t*\t100\t50\n")); err == nil || !strings.Contains(err.Error(), "roles.tsv:1: min_usd") {
		t.Errorf("min above max: %v", err)
	}
	if _, err := ParseRoles("roles.tsv", strings.NewReader("*\tKH\t1\t2\n*\tKH\t1\t2\n")); err == nil || !strings.Contains(err.Error(), "already given on line 1") {
		t.Errorf("duplicate role: %v", err)
	}
	roles, err := ParseRoles("roles.tsv", strings.NewReader("# c\n*\t*\t200\t4000\tnote\ntyping\tKH\t200\t450\n"))
	if err != nil || len(roles) != 2 || roles[1].Max != 450 {
		t.Errorf("ParseRoles = %v, %v", roles, err)
	}
}

func TestDefaultRulesetPayRange(t *testing.T) {
	rs, err := DefaultRuleset()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		role, country string
		max           float64
	}{
		{"customer_service", "KH", 600},
		{"customer_service", "LA", 700}, // no row: any job in Laos
		{"it", "MM", 1500},
		{"astronaut", "ZZ", 4000}, // last resort
	}
	for _, tt := range tests {
		r, ok := rs.payRange(tt.role, tt.country)
		if !ok || r.Max != tt.max {
			t.Errorf("payRange(%s, %s) = %+v, want max %v", tt.role, tt.country, r, tt.max)
		}
	}
}

// TestLoadRulesDir checks that an analyst's folder replaces and adds files.
func TestLoadRulesDir(t *testing.T) {
	dir := t.TempDir()
	extra := "version = 2026.1.1\nlang = en\n\n[rule ferry_paid]\ncategory = travel\nweight = 0.3\npattern = ferry ticket paid\nmessage.en = pays the ferry (\"{match}\")\nexample = ferry ticket paid by us\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.rules"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	rs, err := LoadRulesDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Rules: rs})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Assess(context.Background(), "Ferry ticket paid, work in Poipet", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasCode(res, "ferry_paid") || !hasCode(res, "destination.level4") {
		t.Errorf("overlay rule not applied: %+v", res.Reasons)
	}
	if !strings.Contains(rs.Version(), "extra@2026.1.1") {
		t.Errorf("Version() = %q", rs.Version())
	}
	// Replacing a compiled-in file: an empty ko.rules drops the Korean rules.
	if err := os.WriteFile(filepath.Join(dir, "ko.rules"), []byte("version = 0.1\nlang = ko\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rs, err = LoadRulesDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		if r.Lang == "ko" {
			t.Fatalf("ko rule %s survived the replacement of ko.rules", r.ID())
		}
	}
	// A broken file names itself.
	if err := os.WriteFile(filepath.Join(dir, "bad.rules"), []byte("version = 1\nlang = en\n[rule x]\nweight = 9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRulesDir(dir); err == nil || !strings.Contains(err.Error(), "bad.rules:4: weight") {
		t.Errorf("LoadRulesDir with a broken file: %v", err)
	}
	if _, err := LoadRulesDir(filepath.Join(dir, "nope")); err == nil {
		t.Error("LoadRulesDir of a missing folder succeeded")
	}
}

func TestEmbeddedFiles(t *testing.T) {
	files, err := EmbeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"ko.rules", "en.rules", "zh.rules", "km.rules", "th.rules", "vi.rules", "places.rules", "signals.rules", "rates.tsv", "roles.tsv"} {
		if len(files[n]) == 0 {
			t.Errorf("embedded file %s missing or empty", n)
		}
	}
}

func hasCode(r *Result, code string) bool {
	for _, x := range r.Reasons {
		if x.Code == code {
			return true
		}
	}
	return false
}

func FuzzParseRuleset(f *testing.F) {
	f.Add(goodRules)
	for _, n := range []string{"ko.rules", "places.rules", "signals.rules"} {
		if b, err := embedded.ReadFile("rules/" + n); err == nil {
			f.Add(string(b[:min(len(b), 3000)]))
		}
	}
	f.Add("version = 1\nlang = en\n[rule a]\npattern = *\n")
	f.Add("version = 1\nlang = en\n[rule a]\npattern = a .. b\npattern = .. b\n")
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := ParseRuleset("f.rules", strings.NewReader(s))
		if err != nil {
			var re *RuleError
			if !errors.As(err, &re) && !strings.HasPrefix(err.Error(), "f.rules") {
				t.Fatalf("error without a location: %v", err)
			}
			return
		}
		// Whatever parses must compile and run.
		var phrases []matcherPhrase
		for i, r := range rs.Rules {
			for _, p := range r.Patterns {
				phrases = append(phrases, matcherPhrase{text: p, owner: int32(i)})
			}
		}
		m := newMatcher(phrases)
		m.scan(s, func(h mhit) {
			if h.start < 0 || h.end > len(s) || h.start > h.end {
				t.Fatalf("bad hit %d:%d", h.start, h.end)
			}
		})
	})
}
