package intel

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"counterscam/internal/selector"
)

// defaultAllowlist is shipped shared infrastructure that names many
// unrelated victims' reports without tying them to one network: exchanges'
// deposit and hot wallets, banks' customer-service lines, messenger and
// platform hosts, popular sites. Analysts edit it with --allowlist FILE.
//
//go:embed allowlist.txt
var defaultAllowlist string

// Allowlist holds selectors that never link reports and are never listed
// publicly, keyed by selector ID.
type Allowlist struct {
	ids   map[string]string // selector ID -> note
	hosts map[string]bool   // registrable domains whose URLs are allow-listed too
}

// DefaultAllowlist parses the shipped allow-list.
func DefaultAllowlist() *Allowlist {
	a, err := ParseAllowlist("allowlist.txt", strings.NewReader(defaultAllowlist))
	if err != nil {
		panic(err) // the shipped file is tested
	}
	return a
}

// ParseAllowlist reads an allow-list: one entry a line, "KIND VALUE [#
// note]" or "VALUE [# note]" with the kind detected; '#' starts a comment.
// A value that does not parse is an error naming the file and line.
func ParseAllowlist(name string, r io.Reader) (*Allowlist, error) {
	a := &Allowlist{ids: map[string]string{}, hosts: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		note := ""
		if i := strings.Index(text, "#"); i >= 0 {
			note = strings.TrimSpace(text[i+1:])
			text = text[:i]
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		var (
			s   selector.Selector
			err error
		)
		if k, kerr := selector.ParseKindName(fields[0]); kerr == nil && len(fields) >= 2 {
			s, err = selector.ParseAs(k, strings.Join(fields[1:], " "), selector.Options{})
		} else {
			s, err = selector.Parse(strings.Join(fields, " "), selector.Options{})
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		a.ids[s.ID().String()] = note
		if s.Kind == selector.Domain {
			a.hosts[s.Value] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, line+1, err)
	}
	return a, nil
}

// Len is the number of entries.
func (a *Allowlist) Len() int { return len(a.ids) }

// Contains says whether s is allow-listed: listed itself, or a URL or
// e-mail on an allow-listed domain.
func (a *Allowlist) Contains(s selector.Selector) bool {
	return a.containsID(&s, s.ID().String())
}

// containsID is Contains for a selector whose ID is known.
func (a *Allowlist) containsID(s *selector.Selector, id string) bool {
	if _, ok := a.ids[id]; ok {
		return true
	}
	switch s.Kind {
	case selector.URL:
		return a.hosts[hostOf(s.Value)]
	case selector.Email:
		if i := strings.LastIndexByte(s.Value, '@'); i >= 0 {
			return a.hosts[s.Value[i+1:]]
		}
	}
	return false
}

// hostOf returns the host of a canonical URL ("https://host/path").
func hostOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, ':'); i >= 0 && !strings.Contains(u[i:], "]") {
		u = u[:i]
	}
	return u
}

// Allowlisted says whether s is on the service's allow-list.
func (s *Service) Allowlisted(sel selector.Selector) bool { return s.allow.Contains(sel) }
