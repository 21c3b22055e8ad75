// Package screen reads a job advertisement or a message and says how much
// it looks like a recruitment lure for a scam compound or another scam:
// a risk level, a score, the text's language, and every reason with the
// span of text that triggered it, in words a job seeker can act on.
//
// The rules live in human-readable ruleset files, one per language (see
// ruleset_parse.go for the format), compiled into the binary and replaceable
// from a folder. All languages' rules run on every text, since real ads mix
// scripts; the detected language only chooses the language of the messages.
//
// The package does no I/O of its own: contacts are found by an injected
// extractor and looked up through an injected ListingLookup.
package screen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// Level is the overall risk.
type Level string

// Risk levels.
const (
	Low      Level = "low"
	Elevated Level = "elevated"
	High     Level = "high"
)

// Score thresholds (0-100) for the levels. A single strong sign (pay far
// above the usual, a banned destination) reaches elevated; high needs two
// or three independent signs, or a contact already listed.
const (
	ElevatedAt = 30
	HighAt     = 60
)

// DefaultMaxBytes is the largest text Assess takes unless configured.
const DefaultMaxBytes = 64 << 10

// Errors for input Assess will not judge.
var (
	ErrEmpty    = errors.New("screen: the text is empty")
	ErrTooLarge = errors.New("screen: the text is too large")
	ErrNotText  = errors.New("screen: the input is not text (binary data)")
)

// Result is the verdict on one text.
type Result struct {
	Level Level `json:"level"`
	Score int   `json:"score"`
	// Kind is what the signs point to: "lure" (a job offer that recruits
	// for scam compounds), "scam" (another scam), or "" when low.
	Kind      string      `json:"kind"`
	Language  string      `json:"language"`
	Languages []LangShare `json:"languages,omitempty"`
	// MessageLanguage is the language the messages are in.
	MessageLanguage string         `json:"message_language"`
	Reasons         []Reason       `json:"reasons"`
	Combos          []ComboFound   `json:"combos,omitempty"`
	Selectors       []ContactFound `json:"selectors"`
	Amounts         []PayFound     `json:"amounts,omitempty"`
	RulesVersion    string         `json:"rules_version"`
	// leaning is the kind the signs point to whatever the level (a
	// threshold sweep needs it for texts below elevated).
	leaning string
}

// Reason is one sign, with the text that triggered it: text[Start:End]
// (byte offsets). Further occurrences of the same sign are in Spans.
type Reason struct {
	Code     string  `json:"code"`
	Rule     string  `json:"rule"`
	Category string  `json:"category"`
	Message  string  `json:"message"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Weight   float64 `json:"weight"`
	Spans    []Span  `json:"spans,omitempty"`
}

// Span is a byte range of the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ComboFound is a combination of signs that adds weight.
type ComboFound struct {
	Code    string  `json:"code"`
	Message string  `json:"message"`
	Weight  float64 `json:"weight"`
}

// PayFound is an amount read as pay, converted to a month in US dollars.
type PayFound struct {
	Amount
	MonthlyUSD float64 `json:"monthly_usd"`
	// CurrencyGuessed is set when the text named no currency and the
	// language's usual one was assumed.
	CurrencyGuessed bool    `json:"currency_guessed,omitempty"`
	Role            string  `json:"role"`
	Country         string  `json:"country"`
	UsualMin        float64 `json:"usual_min_usd"`
	UsualMax        float64 `json:"usual_max_usd"`
}

// Config builds a Screener.
type Config struct {
	// Rules is the ruleset; nil means the compiled-in one.
	Rules *Ruleset
	// Extract finds contacts in a text; nil means FindContacts. counterscam
	// passes its selector extractor here.
	Extract func(text string) []Contact
	// Lookup checks contacts against counterscam's listings; nil skips it
	// and every contact's status is "unknown".
	Lookup ListingLookup
	// MaxBytes is the largest text accepted; 0 means DefaultMaxBytes.
	MaxBytes int
}

// Options steer one assessment.
type Options struct {
	// Lang is the language for messages ("ko", "en", ...); "" means the
	// text's own language.
	Lang string
}

// Screener assesses texts. It is safe for concurrent use.
type Screener struct {
	rs       *Ruleset
	m        *matcher
	owners   []owner
	msgs     map[string]map[string]string // rule code -> language -> message, merged over files
	extract  func(string) []Contact
	lookup   ListingLookup
	maxBytes int
	version  string
}

// owner is what a matcher phrase belongs to: a rule or a place.
type owner struct {
	rule  *Rule
	place *Place
}

// New compiles a Screener.
func New(c Config) (*Screener, error) {
	rs := c.Rules
	if rs == nil {
		var err error
		if rs, err = DefaultRuleset(); err != nil {
			return nil, err
		}
	}
	s := &Screener{rs: rs, extract: c.Extract, lookup: c.Lookup, maxBytes: c.MaxBytes, version: rs.Version()}
	if s.extract == nil {
		s.extract = FindContacts
	}
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	var phrases []matcherPhrase
	phrase := func(text string, id int32, except bool, near uint8) {
		phrases = append(phrases, matcherPhrase{text: text, owner: id, except: except, near: near})
		if v, ok := strippedVariant(text); ok {
			phrases = append(phrases, matcherPhrase{text: v, owner: id, except: except, near: near})
		}
	}
	add := func(o owner, pats, excepts []string) {
		id := int32(len(s.owners))
		s.owners = append(s.owners, o)
		var nears [][2]string
		for _, p := range pats {
			if a, b, ok := splitNear(p); ok {
				nears = append(nears, [2]string{a, b})
				continue
			}
			phrase(p, id, false, 0)
		}
		for _, p := range excepts {
			phrase(p, id, true, 0)
		}
		// Each "A .. B" phrase has an owner of its own, so the parts of two
		// such phrases never pair up; its findings merge with the rule's.
		for _, n := range nears {
			nid := int32(len(s.owners))
			s.owners = append(s.owners, o)
			phrase(n[0], nid, false, 1)
			phrase(n[1], nid, false, 2)
			for _, p := range excepts {
				phrase(p, nid, true, 0)
			}
		}
	}
	s.msgs = map[string]map[string]string{}
	for _, r := range rs.Rules {
		add(owner{rule: r}, r.Patterns, r.Except)
		if s.msgs[r.Code] == nil {
			s.msgs[r.Code] = map[string]string{}
		}
		for lang, m := range r.Messages {
			if _, ok := s.msgs[r.Code][lang]; !ok || lang == r.Lang {
				s.msgs[r.Code][lang] = m
			}
		}
	}
	for _, p := range rs.Places {
		add(owner{place: p}, p.Patterns, p.Except)
	}
	s.m = newMatcher(phrases)
	return s, nil
}

// Ruleset returns the screener's ruleset.
func (s *Screener) Ruleset() *Ruleset { return s.rs }

// MaxBytes is the largest text the screener accepts.
func (s *Screener) MaxBytes() int { return s.maxBytes }

// Assess judges one text. It fails with ErrEmpty, ErrTooLarge or ErrNotText
// for input it will not judge, and with the context's error if ctx ends
// while contacts are looked up.
func (s *Screener) Assess(ctx context.Context, text string, o Options) (*Result, error) {
	if err := s.checkInput(text); err != nil {
		return nil, err
	}
	lang, shares := DetectLanguage(text)
	msgLang := lang
	if o.Lang != "" {
		msgLang = o.Lang
	}
	if !reLang.MatchString(msgLang) || msgLang == "*" || msgLang == "und" {
		msgLang = "en"
	}
	a := &assessment{s: s, text: text, lang: lang, msgLang: msgLang}
	a.matchPhrases()
	a.findPay()
	if err := a.findContacts(ctx); err != nil {
		return nil, err
	}
	res := a.result()
	res.Language, res.Languages = lang, shares
	return res, nil
}

// checkInput refuses empty, oversized and binary input.
func (s *Screener) checkInput(text string) error {
	if len(text) > s.maxBytes {
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(text), s.maxBytes)
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	bad := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return fmt.Errorf("%w: it holds NUL bytes", ErrNotText)
			}
			if c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
				bad++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 {
			bad++
		}
		i += w
	}
	if bad > 8 && bad*10 > len(text) {
		return fmt.Errorf("%w: %d of %d bytes are not text", ErrNotText, bad, len(text))
	}
	return nil
}

var (
	defaultScreenerOnce sync.Once
	defaultScreener     *Screener
	defaultScreenerErr  error
)

// Assess judges text with the compiled-in ruleset, the crude contact finder
// and no listing lookup.
func Assess(text string) (*Result, error) {
	defaultScreenerOnce.Do(func() { defaultScreener, defaultScreenerErr = New(Config{}) })
	if defaultScreenerErr != nil {
		return nil, defaultScreenerErr
	}
	return defaultScreener.Assess(context.Background(), text, Options{})
}
