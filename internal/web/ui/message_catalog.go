package ui

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

//go:embed messages/*.json
var messageFS embed.FS

// catalog holds every string the interface shows, by language and key.
// Each language's file is a flat JSON object of key to text; a text with
// arguments takes fmt verbs (with indexes, %[2]s, where a translation
// reorders them).
type catalog struct {
	msgs map[string]map[string]string // lang -> key -> text
}

// message is a text to translate when the page is rendered: a key and its
// arguments.
type message struct {
	Key  string
	Args []any
}

func msg(key string, args ...any) message { return message{Key: key, Args: args} }

// verbRe finds the fmt verbs of a text.
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// loadCatalog reads every language's messages and checks them: the same
// keys in every language, none empty, and the same number of arguments in
// each translation as in English. A language's messages are
// messages/<lang>.json plus one file per area of the workspace,
// messages/<area>.<lang>.json; a key defined twice is an error.
func loadCatalog() (*catalog, error) {
	c := &catalog{msgs: map[string]map[string]string{}}
	for _, l := range Languages {
		m, err := readMessages(messageFS, l)
		if err != nil {
			return nil, err
		}
		c.msgs[l] = m
	}
	return c, c.check()
}

// readMessages merges a language's message files from fsys.
func readMessages(fsys fs.FS, lang string) (map[string]string, error) {
	files, err := fs.Glob(fsys, "messages/*."+lang+".json")
	if err != nil {
		return nil, err
	}
	files = append([]string{"messages/" + lang + ".json"}, files...)
	m := map[string]string{}
	for _, name := range files {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		part := map[string]string{}
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for k, v := range part {
			if _, dup := m[k]; dup {
				return nil, fmt.Errorf("%s: %q is already defined in another file for %s", name, k, lang)
			}
			m[k] = v
		}
	}
	return m, nil
}

// check reports the first inconsistency between the languages.
func (c *catalog) check() error {
	en := c.msgs["en"]
	for _, l := range Languages {
		for k, v := range c.msgs[l] {
			if strings.TrimSpace(v) == "" {
				return fmt.Errorf("messages/%s.json: %q is empty", l, k)
			}
			if _, ok := en[k]; !ok {
				return fmt.Errorf("messages/%s.json: %q is not in English", l, k)
			}
			if n, want := argCount(v), argCount(en[k]); n != want {
				return fmt.Errorf("messages/%s.json: %q takes %d arguments, English %d", l, k, n, want)
			}
		}
		for _, k := range c.keys() {
			if _, ok := c.msgs[l][k]; !ok {
				return fmt.Errorf("messages/%s.json: %q is missing", l, k)
			}
		}
	}
	return nil
}

// argCount is how many distinct arguments a text uses.
func argCount(s string) int {
	n, next := 0, 1
	seen := map[string]bool{}
	for _, v := range verbRe.FindAllStringSubmatch(s, -1) {
		if v[0] == "%%" {
			continue
		}
		idx := v[1]
		if idx == "" {
			idx = fmt.Sprintf("[%d]", next)
		}
		fmt.Sscanf(idx, "[%d]", &next)
		next++
		if !seen[idx] {
			seen[idx] = true
			n++
		}
	}
	return n
}

// keys lists the English keys, sorted.
func (c *catalog) keys() []string {
	out := make([]string, 0, len(c.msgs["en"]))
	for k := range c.msgs["en"] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// T translates key into lang with args; an argument that is a message is
// translated first. A missing key is an error, so a page that names one
// fails to render (and its test fails).
func (c *catalog) T(lang, key string, args ...any) (string, error) {
	m, ok := c.msgs[lang][key]
	if !ok {
		return "", fmt.Errorf("no message %q in %s", key, lang)
	}
	if len(args) == 0 {
		return m, nil
	}
	var own []any // args with the messages translated; args stays as it is
	for i, a := range args {
		inner, ok := a.(message)
		if !ok {
			continue
		}
		if own == nil {
			own = slices.Clone(args)
		}
		s, err := c.T(lang, inner.Key, inner.Args...)
		if err != nil {
			return "", err
		}
		own[i] = s
	}
	if own != nil {
		args = own
	}
	return fmt.Sprintf(m, args...), nil
}

// has says whether key exists.
func (c *catalog) has(key string) bool {
	_, ok := c.msgs["en"][key]
	return ok
}
