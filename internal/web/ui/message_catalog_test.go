package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// TestEveryMessageInEveryLanguage: every key of every catalogue is in
// English, Korean and Khmer, none is empty, and each translation takes
// the same arguments as the English text.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	en := c.msgs["en"]
	if len(en) < 300 {
		t.Fatalf("only %d English messages: the catalogue did not load", len(en))
	}
	for _, l := range Languages {
		if len(c.msgs[l]) != len(en) {
			t.Errorf("%s has %d messages, English %d", l, len(c.msgs[l]), len(en))
		}
		for k, v := range en {
			tr, ok := c.msgs[l][k]
			switch {
			case !ok:
				t.Errorf("%s: %q missing", l, k)
			case strings.TrimSpace(tr) == "":
				t.Errorf("%s: %q empty", l, k)
			case argCount(tr) != argCount(v):
				t.Errorf("%s: %q takes %d arguments, English %d", l, k, argCount(tr), argCount(v))
			}
		}
	}
}

// TestCatalogCheckCatchesMistakes: the start-up check refuses a missing
// key, an empty text and a wrong number of arguments.
func TestCatalogCheckCatchesMistakes(t *testing.T) {
	base := func() *catalog {
		return &catalog{msgs: map[string]map[string]string{
			"en": {"a": "one %d", "b": "two"},
			"ko": {"a": "하나 %d", "b": "둘"},
			"km": {"a": "មួយ %d", "b": "ពីរ"},
		}}
	}
	if err := base().check(); err != nil {
		t.Fatalf("a sound catalogue was refused: %v", err)
	}
	for name, spoil := range map[string]func(*catalog){
		"missing key":    func(c *catalog) { delete(c.msgs["km"], "b") },
		"empty text":     func(c *catalog) { c.msgs["ko"]["b"] = "  " },
		"extra key":      func(c *catalog) { c.msgs["ko"]["c"] = "셋" },
		"lost argument":  func(c *catalog) { c.msgs["km"]["a"] = "មួយ" },
		"extra argument": func(c *catalog) { c.msgs["ko"]["b"] = "둘 %s" },
	} {
		c := base()
		spoil(c)
		if err := c.check(); err == nil {
			t.Errorf("%s: not caught", name)
		}
	}
}

func TestArgCount(t *testing.T) {
	for s, want := range map[string]int{
		"none": 0, "100%% sure": 0, "%d of %d": 2, "%[2]d개 중 %[1]d개": 2, "%s and %s again %[1]s": 2, "%5.2f": 1,
	} {
		if got := argCount(s); got != want {
			t.Errorf("argCount(%q) = %d, want %d", s, got, want)
		}
	}
}

var (
	literalKeyRe = regexp.MustCompile(`\bt "([^"]+)"`)
	dynamicKeyRe = regexp.MustCompile(`\(print "([^"]+)"`)
	goKeyRe      = regexp.MustCompile(`(?:\bmsg\(|Key: |Failure = |Failure, st\.Failure = "[a-z]+", |fail\(|fail\("[a-z_]+", )"([a-z_]+\.[a-z_.]+)"`)
)

// TestTemplatesAndCodeNameOnlyKnownMessages: every literal key a template
// or a handler names exists, and every family of computed keys ("status."
// and a status) has a message for each member the code can produce.
func TestTemplatesAndCodeNameOnlyKnownMessages(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	prefixes := map[string]bool{}
	err = fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := templateFS.ReadFile(p)
		for _, m := range literalKeyRe.FindAllStringSubmatch(string(b), -1) {
			if !c.has(m[1]) {
				t.Errorf("%s names message %q, which does not exist", p, m[1])
			}
		}
		for _, m := range dynamicKeyRe.FindAllStringSubmatch(string(b), -1) {
			prefixes[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKeyRe.FindAllStringSubmatch(string(b), -1) {
			found++
			if !c.has(m[1]) {
				t.Errorf("%s names message %q, which does not exist", name, m[1])
			}
		}
	}
	if found < 40 {
		t.Errorf("found only %d message keys in the Go code: the pattern has gone stale", found)
	}
	var roles, kinds, marks, periodKeys []string
	for _, r := range auth.Roles() {
		roles = append(roles, string(r))
	}
	for _, k := range selector.Kinds {
		kinds = append(kinds, string(k))
	}
	for k := range markFlags {
		marks = append(marks, k)
	}
	for _, p := range periods {
		periodKeys = append(periodKeys, p.Key)
	}
	statuses := []string{intel.StatusListed, intel.StatusNotListed, intel.StatusAllowlisted, intel.StatusInvalid}
	families := map[string][]string{
		"status.":            statuses,
		"advice.":            statuses,
		"next.":              statuses,
		"kind.":              kinds,
		"scamtype.":          intel.ScamTypes,
		"scamtype_hint.":     intel.ScamTypes,
		"country.":           regions,
		"role.":              roles,
		"level.":             {"low", "elevated", "high"},
		"screen.level_text.": {"low", "elevated", "high"},
		"screen.kind.":       {"lure", "scam"},
		"period.":            periodKeys,
		"nets.sort.":         networkSorts,
		"tlp_text.":          intel.TLPs,
		"rep.source.":        {"field", "narrative"},
		"sel.done.":          marks,
		"job.status.":        {"running", "done", "failed", "stopped"},
		"selrole.":           {"contacted_by", "paid_to", "recruited_via", "website", "mentioned"},
		"channel.":           intel.Channels,
	}
	for _, code := range intake.MappingCodes {
		families["import.mapping."] = append(families["import.mapping."], string(code))
	}
	for p, members := range repatriationFamilies() {
		families[p] = members
	}
	for p := range prefixes {
		if _, ok := families[p]; !ok {
			t.Errorf("templates compute keys %q+...: list the family's members in this test", p)
		}
	}
	for p, members := range families {
		for _, m := range members {
			if !c.has(p + m) {
				t.Errorf("message %q missing", p+m)
			}
		}
	}
	for _, l := range []string{store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed} {
		if tlpClass(l) == "tlp-red" && l != store.TLPRed {
			t.Errorf("TLP %s shown as RED", l)
		}
	}
}
