package screen

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
)

// The ruleset that ships in the binary.
//
//go:embed rules/*.rules rules/*.tsv
var embedded embed.FS

// Names of the two tables in a rules folder.
const (
	ratesFile = "rates.tsv"
	rolesFile = "roles.tsv"
)

var (
	defaultOnce sync.Once
	defaultRS   *Ruleset
	defaultErr  error
)

// DefaultRuleset is the ruleset compiled into counterscam.
func DefaultRuleset() (*Ruleset, error) {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(embedded, "rules")
		if err != nil {
			defaultErr = err
			return
		}
		defaultRS, defaultErr = LoadRulesetFS(sub)
	})
	return defaultRS, defaultErr
}

// EmbeddedFiles lists the compiled-in rules files and returns their contents,
// for `counterscam screen rules export`.
func EmbeddedFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(embedded, "rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := embedded.ReadFile(p)
		out[path.Base(p)] = b
		return err
	})
	return out, err
}

// LoadRulesetFS loads every *.rules file and the two tables at the top of fsys.
func LoadRulesetFS(fsys fs.FS) (*Ruleset, error) {
	return loadLayers(fsys)
}

// LoadRulesDir loads the compiled-in ruleset with the files in dir laid
// over it: a file in dir replaces the compiled-in file of the same name, and
// new files are added. So an analyst edits or adds only the files they need.
func LoadRulesDir(dir string) (*Ruleset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	sub, err := fs.Sub(embedded, "rules")
	if err != nil {
		return nil, err
	}
	return loadLayers(sub, os.DirFS(dir))
}

// loadLayers merges folders; a later folder's file replaces an earlier
// one's of the same name.
func loadLayers(layers ...fs.FS) (*Ruleset, error) {
	type src struct {
		fsys fs.FS
		name string
	}
	files := map[string]src{}
	for _, l := range layers {
		entries, err := fs.ReadDir(l, ".")
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !(strings.HasSuffix(n, ".rules") || n == ratesFile || n == rolesFile) {
				continue
			}
			files[n] = src{l, n}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	rs := &Ruleset{Signals: map[string]*Signal{}, Terms: map[string]map[string]string{}}
	for _, n := range names {
		s := files[n]
		f, err := s.fsys.Open(s.name)
		if err != nil {
			return nil, err
		}
		switch n {
		case ratesFile:
			rs.Rates, err = ParseRates(n, f)
		case rolesFile:
			rs.Roles, err = ParseRoles(n, f)
		default:
			var rf *ruleFile
			rf, err = parseRuleFile(n, f)
			if err == nil {
				err = rs.merge(rf)
			}
		}
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := rs.check(); err != nil {
		return nil, err
	}
	return rs, nil
}
