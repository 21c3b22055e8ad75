package screen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The ruleset file format, line by line:
//
//	# a comment (whole lines only; '#' inside a value is kept)
//	ruleset = counterscam-lures-ko      header keys come first
//	version = 2025.12.1
//	lang    = ko                        or * for rules in every language
//
//	[rule no_experience]                a section: rule, place, signal, combo or term
//	version  = 1
//	category = no_experience
//	weight   = 0.2
//	pattern  = 경력 무관                   one phrase per line, any number
//	pattern  = 경험 없어도*                a '*' at either end drops the word boundary there
//	pattern  = 항공권 .. 지원              " .. ": the second phrase follows the first closely
//	                                    (within nearGap bytes: "항공권과 숙소까지 지원")
//	except   = 경력 무관하지 않                phrases that cancel an overlapping match
//	message.en = says no experience is needed ("{match}")
//	message.ko = 경력이 필요 없다고 합니다 ("{match}")
//	example  = 경력 무관, 누구나 가능          texts the rule must fire on (its tests)
//	counter  = 경력 3년 이상                 texts it must not fire on
//
// Matching is case-insensitive. Latin phrases match whole words; Hangul,
// Han, Khmer and Thai phrases match anywhere.

// RuleError is a mistake in a ruleset file, with where it is.
type RuleError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *RuleError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
}

// Limits that keep a hostile or broken file from costing much.
const (
	maxRuleLine   = 4096
	maxRuleLines  = 100000
	maxPatternLen = 200
)

// ruleFile is one parsed file before merging.
type ruleFile struct {
	info    FileInfo
	rules   []*Rule
	places  []*Place
	signals []*Signal
	combos  []*Combo
	terms   map[string]map[string]string
}

var (
	reID       = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)
	reTermID   = regexp.MustCompile(`^[a-z0-9][A-Za-z0-9_.-]{0,63}$`) // "country.KH"
	reLang     = regexp.MustCompile(`^([a-z]{2,3}|\*)$`)
	reCountry  = regexp.MustCompile(`^([A-Z]{2}|\*)$`)
	reVersion  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$`)
	reMsgField = regexp.MustCompile(`^(message|name)\.([a-z]{2,3})$`)
)

// ParseRuleset reads one ruleset file. name is used in error messages.
func ParseRuleset(name string, r io.Reader) (*Ruleset, error) {
	f, err := parseRuleFile(name, r)
	if err != nil {
		return nil, err
	}
	rs := &Ruleset{}
	if err := rs.merge(f); err != nil {
		return nil, err
	}
	return rs, nil
}

func parseRuleFile(name string, r io.Reader) (*ruleFile, error) {
	f := &ruleFile{info: FileInfo{Name: name}, terms: map[string]map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxRuleLine+1)
	var (
		kind    string // current section kind
		line    int
		rule    *Rule
		place   *Place
		signal  *Signal
		combo   *Combo
		termID  string
		secLine int
	)
	errAt := func(field, format string, args ...any) error {
		return &RuleError{File: name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	finish := func() error {
		var err error
		switch kind {
		case "rule":
			err = finishRule(rule, name)
			if err == nil {
				f.rules = append(f.rules, rule)
			}
		case "place":
			err = finishPlace(place, name)
			if err == nil {
				f.places = append(f.places, place)
			}
		case "signal":
			err = finishSignal(signal, name)
			if err == nil {
				f.signals = append(f.signals, signal)
			}
		case "combo":
			err = finishCombo(combo, name)
			if err == nil {
				f.combos = append(f.combos, combo)
			}
		case "term":
			if len(f.terms[termID]) == 0 {
				err = &RuleError{File: name, Line: secLine, Field: "term", Msg: "no names given"}
			}
		}
		return err
	}
	for sc.Scan() {
		line++
		if line > maxRuleLines {
			return nil, errAt("", "more than %d lines", maxRuleLines)
		}
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			return nil, errAt("", "not valid UTF-8")
		}
		s := strings.TrimSpace(strings.TrimPrefix(raw, "\ufeff"))
		if s == "" || s[0] == '#' {
			continue
		}
		if s[0] == '[' {
			if !strings.HasSuffix(s, "]") {
				return nil, errAt("section", "want [kind id], got %q", s)
			}
			if err := finish(); err != nil {
				return nil, err
			}
			if kind == "" && (f.info.Version == "" || f.info.Lang == "") {
				return nil, errAt("", "the header needs version and lang before the first section")
			}
			parts := strings.Fields(s[1 : len(s)-1])
			if len(parts) != 2 {
				return nil, errAt("section", "want [kind id], got %q", s)
			}
			kind, secLine = parts[0], line
			id := parts[1]
			if !reID.MatchString(id) && !(parts[0] == "term" && reTermID.MatchString(id)) {
				return nil, errAt("section", "id %q: use lower-case letters, digits, '_', '.' and '-'", id)
			}
			switch kind {
			case "rule":
				rule = &Rule{Code: id, Lang: f.info.Lang, File: name, Line: line, Version: 1, Messages: map[string]string{}}
			case "place":
				place = &Place{Key: id, File: name, Line: line, Version: 1, Names: map[string]string{}}
			case "signal":
				signal = &Signal{Code: id, File: name, Line: line, Version: 1, Messages: map[string]string{}}
			case "combo":
				combo = &Combo{Code: id, File: name, Line: line, Version: 1, Messages: map[string]string{}}
			case "term":
				termID = id
				if _, dup := f.terms[id]; dup {
					return nil, errAt("term", "%s is defined twice", id)
				}
				f.terms[id] = map[string]string{}
			default:
				return nil, errAt("section", "unknown kind %q (rule, place, signal, combo or term)", kind)
			}
			continue
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, errAt("", "want key = value, got %q", s)
		}
		key := strings.TrimSpace(s[:eq])
		val := strings.TrimSpace(s[eq+1:])
		if val == "" {
			return nil, errAt(key, "empty value")
		}
		var err error
		switch kind {
		case "":
			err = setHeader(&f.info, key, val)
		case "rule":
			err = setRule(rule, key, val)
		case "place":
			err = setPlace(place, key, val)
		case "signal":
			err = setSignal(signal, key, val)
		case "combo":
			err = setCombo(combo, key, val)
		case "term":
			if !reLang.MatchString(key) || key == "*" {
				err = fmt.Errorf("want a language code")
			} else {
				f.terms[termID][key] = val
			}
		}
		if err != nil {
			return nil, errAt(key, "%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			line++
			return nil, errAt("", "line longer than %d bytes", maxRuleLine)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if f.info.Version == "" || f.info.Lang == "" {
		return nil, &RuleError{File: name, Line: line, Msg: "the header needs version and lang"}
	}
	return f, nil
}

func setHeader(h *FileInfo, key, val string) error {
	switch key {
	case "ruleset":
		h.Ruleset = val
	case "version":
		if !reVersion.MatchString(val) {
			return fmt.Errorf("%q is not a version (like 2025.12.1)", val)
		}
		h.Version = val
	case "lang":
		if !reLang.MatchString(val) {
			return fmt.Errorf("%q is not a language code (like ko) or *", val)
		}
		h.Lang = val
	case "description":
		h.Description = val
	default:
		return fmt.Errorf("unknown header key (ruleset, version, lang, description)")
	}
	return nil
}

func parseWeight(val string) (float64, error) {
	w, err := strconv.ParseFloat(val, 64)
	if err != nil || w < -1 || w > 1 || w != w {
		return 0, fmt.Errorf("%q is not a number from -1 to 1", val)
	}
	return w, nil
}

func parseVersion(val string) (int, error) {
	v, err := strconv.Atoi(val)
	if err != nil || v < 1 || v > 1e6 {
		return 0, fmt.Errorf("%q is not a whole number from 1", val)
	}
	return v, nil
}

func parseCategory(val string) (string, error) {
	if _, ok := categoryKind[val]; !ok {
		return "", fmt.Errorf("unknown category %q", val)
	}
	return val, nil
}

func checkPattern(val string) error {
	if len(val) > maxPatternLen {
		return fmt.Errorf("longer than %d bytes", maxPatternLen)
	}
	if strings.Trim(val, "*") == "" {
		return fmt.Errorf("a phrase needs more than '*'")
	}
	if strings.Contains(val, nearSep) {
		a, b, ok := splitNear(val)
		if !ok || strings.Trim(a, "*") == "" || strings.Trim(b, "*") == "" {
			return fmt.Errorf("a near phrase is two phrases joined by %q", strings.TrimSpace(nearSep))
		}
	}
	return nil
}

func checkMessage(val string) error {
	for s := val; ; {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return fmt.Errorf("unclosed '{'")
		}
		if name := s[i+1 : i+j]; !placeholders[name] {
			return fmt.Errorf("unknown placeholder {%s}", name)
		}
		s = s[i+j+1:]
	}
}

// setText handles the keys shared by rules, places and signals.
func setText(key, val string, msgs map[string]string, examples, counters, patterns, excepts *[]string, note *string) (bool, error) {
	if m := reMsgField.FindStringSubmatch(key); m != nil && m[1] == "message" && msgs != nil {
		if err := checkMessage(val); err != nil {
			return true, err
		}
		msgs[m[2]] = val
		return true, nil
	}
	switch {
	case key == "example" && examples != nil:
		*examples = append(*examples, val)
	case key == "counter" && counters != nil:
		*counters = append(*counters, val)
	case key == "pattern" && patterns != nil:
		if err := checkPattern(val); err != nil {
			return true, err
		}
		*patterns = append(*patterns, val)
	case key == "except" && excepts != nil:
		if err := checkPattern(val); err != nil {
			return true, err
		}
		*excepts = append(*excepts, val)
	case key == "note":
		*note = val
	default:
		return false, nil
	}
	return true, nil
}

func setRule(r *Rule, key, val string) error {
	if ok, err := setText(key, val, r.Messages, &r.Examples, &r.Counters, &r.Patterns, &r.Except, &r.Note); ok {
		return err
	}
	var err error
	switch key {
	case "version":
		r.Version, err = parseVersion(val)
	case "category":
		r.Category, err = parseCategory(val)
	case "weight":
		r.Weight, err = parseWeight(val)
	case "role":
		if !reID.MatchString(val) {
			err = fmt.Errorf("%q is not a role id", val)
		}
		r.Role = val
	default:
		err = fmt.Errorf("unknown key for a rule")
	}
	return err
}

func finishRule(r *Rule, file string) error {
	e := func(field, msg string) error {
		return &RuleError{File: file, Line: r.Line, Field: field, Msg: "rule " + r.Code + ": " + msg}
	}
	switch {
	case r.Category == "":
		return e("category", "missing")
	case len(r.Patterns) == 0:
		return e("pattern", "needs at least one")
	case r.Weight != 0 && r.Messages["en"] == "":
		return e("message.en", "missing (every rule that counts needs an English message)")
	case len(r.Examples) == 0:
		return e("example", "needs at least one text it fires on (its test)")
	}
	return nil
}

func setPlace(p *Place, key, val string) error {
	if m := reMsgField.FindStringSubmatch(key); m != nil && m[1] == "name" {
		p.Names[m[2]] = val
		return nil
	}
	if ok, err := setText(key, val, nil, &p.Examples, &p.Counters, &p.Patterns, &p.Except, &p.Note); ok {
		return err
	}
	var err error
	switch key {
	case "version":
		p.Version, err = parseVersion(val)
	case "country":
		if !reCountry.MatchString(val) || val == "*" {
			err = fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", val)
		}
		p.Country = val
	case "advisory":
		switch val {
		case "1", "2", "2.5", "3", "4":
			p.Advisory = val
		default:
			err = fmt.Errorf("%q is not an advisory level (1, 2, 2.5, 3 or 4)", val)
		}
	case "advisory_since":
		p.Since = val
	case "advisory_source":
		p.Source = val
	case "hub":
		switch val {
		case "yes", "true":
			p.Hub = true
		case "no", "false":
			p.Hub = false
		default:
			err = fmt.Errorf("want yes or no")
		}
	case "weight":
		p.Weight, err = parseWeight(val)
	default:
		err = fmt.Errorf("unknown key for a place")
	}
	return err
}

func finishPlace(p *Place, file string) error {
	e := func(field, msg string) error {
		return &RuleError{File: file, Line: p.Line, Field: field, Msg: "place " + p.Key + ": " + msg}
	}
	switch {
	case p.Country == "":
		return e("country", "missing")
	case p.Names["en"] == "":
		return e("name.en", "missing")
	case p.Advisory != "" && p.Since == "":
		return e("advisory_since", "an advisory needs the date it took effect")
	case len(p.Patterns) == 0:
		return e("pattern", "needs at least one")
	case len(p.Examples) == 0:
		return e("example", "needs at least one text it fires on (its test)")
	}
	return nil
}

func setSignal(s *Signal, key, val string) error {
	if ok, err := setText(key, val, s.Messages, &s.Examples, &s.Counters, nil, nil, &s.Note); ok {
		return err
	}
	var err error
	switch key {
	case "version":
		s.Version, err = parseVersion(val)
	case "category":
		s.Category, err = parseCategory(val)
	case "weight":
		s.Weight, err = parseWeight(val)
	default:
		err = fmt.Errorf("unknown key for a signal")
	}
	return err
}

func finishSignal(s *Signal, file string) error {
	e := func(field, msg string) error {
		return &RuleError{File: file, Line: s.Line, Field: field, Msg: "signal " + s.Code + ": " + msg}
	}
	switch {
	case s.Category == "":
		return e("category", "missing")
	case s.Messages["en"] == "":
		return e("message.en", "missing")
	}
	return nil
}

func setCombo(c *Combo, key, val string) error {
	if ok, err := setText(key, val, c.Messages, nil, nil, nil, nil, &c.Note); ok {
		return err
	}
	var err error
	switch key {
	case "version":
		c.Version, err = parseVersion(val)
	case "weight":
		c.Weight, err = parseWeight(val)
	case "all":
		for _, cat := range strings.Split(val, ",") {
			cat = strings.TrimSpace(cat)
			if _, err := parseCategory(cat); err != nil {
				return err
			}
			c.All = append(c.All, cat)
		}
	default:
		err = fmt.Errorf("unknown key for a combo")
	}
	return err
}

func finishCombo(c *Combo, file string) error {
	e := func(field, msg string) error {
		return &RuleError{File: file, Line: c.Line, Field: field, Msg: "combo " + c.Code + ": " + msg}
	}
	switch {
	case len(c.All) < 2:
		return e("all", "needs at least two categories")
	case c.Messages["en"] == "":
		return e("message.en", "missing")
	}
	return nil
}
