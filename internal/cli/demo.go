package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"counterscam/internal/demo"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
)

func init() {
	register(&command{name: "demo", summary: "build a synthetic scene in a fresh embedded store and serve it", run: runDemo})
}

// demoMarker marks a directory that `counterscam demo` made and may wipe.
const demoMarker = ".counterscam-demo"

func runDemo(e *env) error {
	fs := newFlags(e, "demo", "demo [--data DIR] [--seed N] [--addr HOST:PORT] [--no-serve]")
	data := fs.String("data", "counterscam-demo", "directory for the demo's embedded store (wiped and rebuilt)")
	seed := fs.Int64("seed", 2025, "seed of the synthetic scene (same seed, same scene)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	noServe := fs.Bool("no-serve", false, "build the scene, print it and exit")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	dir, err := filepath.Abs(*data)
	if err != nil {
		return err
	}
	if err := freshDemoDir(dir); err != nil {
		return err
	}
	st, err := sqlite.Open(e.ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := intel.New(e.ctx, st, intel.Config{})
	if err != nil {
		return err
	}
	scene := demo.Generate(*seed, demo.Options{})
	if err := loadScene(e.ctx, svc, scene); err != nil {
		return err
	}
	if err := printScene(e, svc, scene, dir); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	return serveUntilDone(e, svc, *addr, 20, nil)
}

// freshDemoDir empties dir if an earlier demo made it, and refuses to touch
// a directory that holds anything else.
func freshDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return err
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(dir, demoMarker)); err != nil {
			return fmt.Errorf("%s is not empty and was not made by counterscam demo: choose another --data", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, demoMarker), []byte("made by counterscam demo; wiped by the next run\n"), 0o640)
}

// loadScene stores the scene's reports through the same path as an import,
// then does what an analyst would: marks the exchange's shared deposit
// wallet "does not link", which splits the networks it glued together.
func loadScene(ctx context.Context, svc *intel.Service, sc *demo.Scene) error {
	var batch []*store.Report
	var contacts []*store.Contact
	for i := range sc.Records {
		rec := &sc.Records[i]
		r, err := svc.Prepare(rec.Input())
		if err != nil {
			return fmt.Errorf("demo record %s: %w", rec.ExternalRef, err)
		}
		batch = append(batch, r)
		contacts = append(contacts, rec.Contact)
		if len(batch) == importBatch || i == len(sc.Records)-1 {
			if _, err := svc.Submit(ctx, batch, contacts); err != nil {
				return err
			}
			batch, contacts = batch[:0], contacts[:0]
		}
	}
	yes := true
	for _, n := range sc.Noise {
		k, err := selector.ParseKindName(n.Kind)
		if err != nil {
			return err
		}
		s, err := selector.ParseAs(k, n.Value, selector.Options{})
		if err != nil {
			return fmt.Errorf("demo noise %q: %w", n.Value, err)
		}
		if svc.Allowlisted(s) {
			continue
		}
		if err := svc.MarkSelector(ctx, s.ID().String(), store.SelectorFlags{NoLink: &yes}); err != nil {
			return err
		}
	}
	return nil
}

func printScene(e *env, svc *intel.Service, sc *demo.Scene, dir string) error {
	c, err := svc.Stats(e.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "counterscam demo: %d reports, %d selectors, %d networks (%d planted) in %s\n\n",
		c.Reports, c.Selectors, c.Networks, len(sc.Networks), dir)
	nets, err := svc.ListNetworks(e.ctx, store.NetworkFilter{Scope: store.Scope{All: true}, MinReports: 2, Limit: 5})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "LARGEST NETWORKS\tREPORTS\tSELECTORS")
	for _, n := range nets {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", n.ID, n.Reports, n.Selectors)
	}
	tw.Flush()
	if len(nets) > 0 {
		v, err := svc.Network(e.ctx, nets[0].ID)
		if err == nil && len(v.KeyInfrastructure) > 0 {
			k := v.KeyInfrastructure[0]
			fmt.Fprintf(e.stdout, "\nkey infrastructure of the largest: %s %s (in %d of its reports)\n", k.Kind, k.Display, k.Count)
		}
	}
	fmt.Fprintln(e.stdout, "\ntry, once it serves:")
	fmt.Fprintln(e.stdout, "  curl -s localhost:8080/api/v1/networks | head -c 600")
	fmt.Fprintln(e.stdout, `  curl -s -XPOST localhost:8080/api/v1/check -d '{"query":"+855 97 911 7117"}'`)
	return nil
}
