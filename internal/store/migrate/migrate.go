// Package migrate reads the numbered SQL migrations that each storage driver
// compiles into the binary. It only parses and checks them; every driver runs
// them itself, in a transaction, recording each applied version in its
// schema_migrations table.
//
// A migration is a file named NNNN_what_it_does.sql (0001_init.sql,
// 0002_network_redirects.sql): the number is its version, versions start at
// 1 and have no gaps. A migration is plain SQL written for the schema as it
// was when the migration was made; it never depends on today's Go structs.
package migrate

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema change.
type Migration struct {
	Version int    // 1, 2, ...
	Name    string // the file name without its extension, e.g. "0001_init"
	SQL     string
}

// Load reads every *.sql file in dir of fsys, ordered by version, and checks
// that the versions run 1, 2, 3 ... without gaps or repeats.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		v, err := version(e.Name())
		if err != nil {
			return nil, err
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		if strings.TrimSpace(string(b)) == "" {
			return nil, fmt.Errorf("migrations: %s is empty", e.Name())
		}
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(e.Name(), ".sql"), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			if i > 0 && ms[i-1].Version == m.Version {
				return nil, fmt.Errorf("migrations: version %d appears twice (%s, %s)", m.Version, ms[i-1].Name, m.Name)
			}
			return nil, fmt.Errorf("migrations: expected version %d, found %s", i+1, m.Name)
		}
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("migrations: none found in %s", dir)
	}
	return ms, nil
}

// version reads the number before the first underscore of a file name.
func version(name string) (int, error) {
	num, rest, ok := strings.Cut(name, "_")
	if !ok || len(num) != 4 || rest == ".sql" {
		return 0, fmt.Errorf("migrations: %q is not named NNNN_description.sql", name)
	}
	v, err := strconv.Atoi(num)
	if err != nil || v < 1 {
		return 0, fmt.Errorf("migrations: %q is not named NNNN_description.sql", name)
	}
	return v, nil
}

// Pending returns the migrations after version applied, up to and including
// version upTo (0 meaning all).
func Pending(ms []Migration, applied, upTo int) []Migration {
	var out []Migration
	for _, m := range ms {
		if m.Version > applied && (upTo == 0 || m.Version <= upTo) {
			out = append(out, m)
		}
	}
	return out
}
