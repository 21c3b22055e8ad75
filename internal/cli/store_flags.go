package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/postgres"
	"counterscam/internal/store/sqlite"
)

// storeFlags are the flags of every command that touches a store:
// --data DIR (the embedded default) or --db DSN (PostgreSQL).
type storeFlags struct {
	data      string
	db        string
	allowlist string
	threshold int
	// existing is set by commands that only read: they refuse a data
	// directory without a store rather than create an empty one and
	// answer from it as if nothing had been reported.
	existing bool
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", defaultDataDir(), "data directory of the embedded store")
	fs.StringVar(&f.db, "db", os.Getenv("COUNTERSCAM_DB"), "PostgreSQL DSN (postgres://...); overrides --data")
	fs.StringVar(&f.allowlist, "allowlist", "", "allow-list file replacing the shipped one (KIND VALUE # note, a line each)")
	fs.IntVar(&f.threshold, "publish-threshold", 2, "independent sources needed before the public check lists a selector")
}

// defaultDataDir is $COUNTERSCAM_DATA, else ./counterscam-data.
func defaultDataDir() string {
	if d := os.Getenv("COUNTERSCAM_DATA"); d != "" {
		return d
	}
	return "counterscam-data"
}

// open opens the store the flags name.
func (f *storeFlags) open(ctx context.Context) (store.Store, error) {
	if f.db != "" {
		if !strings.HasPrefix(f.db, "postgres://") && !strings.HasPrefix(f.db, "postgresql://") {
			return nil, usageError{"--db takes a PostgreSQL DSN (postgres://user@host:5432/db)"}
		}
		return postgres.Open(ctx, f.db)
	}
	dir, err := filepath.Abs(f.data)
	if err != nil {
		return nil, err
	}
	if f.existing {
		if _, err := os.Stat(filepath.Join(dir, sqlite.FileName)); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Stat(filepath.Join(dir, sqlite.BuildName)); err == nil {
				return nil, fmt.Errorf("no counterscam store in %s yet: an import may be building one there (%s), which appears when it ends", dir, sqlite.BuildName)
			}
			return nil, fmt.Errorf("no counterscam store in %s: name it with --data DIR (the demo's is in ./counterscam-demo unless --data said otherwise) or --db DSN", dir)
		}
	}
	return sqlite.Open(ctx, dir)
}

// service opens the store and the intelligence service over it.
func (f *storeFlags) service(ctx context.Context) (*intel.Service, store.Store, error) {
	st, err := f.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	svc, err := f.serviceOn(ctx, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return svc, st, nil
}

// build begins a new embedded store aside (sqlite.NewBuild), to appear
// whole when published, if the flags name a data directory without a
// store; else nil.
func (f *storeFlags) build(ctx context.Context) (*sqlite.Build, error) {
	if f.db != "" {
		return nil, nil
	}
	dir, err := filepath.Abs(f.data)
	if err != nil {
		return nil, err
	}
	b, err := sqlite.NewBuild(ctx, dir)
	// The directory is locked by another import building a store (then
	// opening it says so) or by a command creating one (then it opens).
	if errors.Is(err, sqlite.ErrStoreExists) || errors.Is(err, sqlite.ErrNoBuild) || errors.Is(err, sqlite.ErrBuilding) {
		return nil, nil
	}
	return b, err
}

// serviceOn is the intelligence service over st, as the flags configure it.
func (f *storeFlags) serviceOn(ctx context.Context, st store.Store) (*intel.Service, error) {
	cfg := intel.Config{PublicationThreshold: f.threshold}
	if f.allowlist != "" {
		fh, err := os.Open(f.allowlist)
		if err != nil {
			return nil, err
		}
		a, err := intel.ParseAllowlist(f.allowlist, fh)
		fh.Close()
		if err != nil {
			return nil, err
		}
		cfg.Allowlist = a
	}
	svc, err := intel.New(ctx, st, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening the intelligence service: %w", err)
	}
	return svc, nil
}
