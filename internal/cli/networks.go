package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"counterscam/internal/store"
)

func init() {
	register(&command{name: "networks", summary: "list scam networks, largest first", run: runNetworks})
	register(&command{name: "stats", summary: "print the store's totals", run: runStats})
}

func runNetworks(e *env) error {
	fs := newFlags(e, "networks", "networks [--data DIR | --db DSN] [--json] [--min N] [--limit N]")
	var sf storeFlags
	sf.register(fs)
	asJSON := fs.Bool("json", false, "one JSON object per network")
	minReports := fs.Int("min", 1, "only networks of at least this many reports")
	limit := fs.Int("limit", 0, "at most this many networks (0: all)")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	enc := json.NewEncoder(e.stdout)
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "NETWORK\tREPORTS\tSELECTORS\tFIRST SEEN\tLAST SEEN")
	}
	f := store.NetworkFilter{Scope: store.Scope{All: true}, MinReports: *minReports, Limit: 1000}
	n := 0
	for {
		page, err := st.ListNetworks(e.ctx, f)
		if err != nil {
			return err
		}
		for _, nw := range page {
			if *limit > 0 && n >= *limit {
				return tw.Flush()
			}
			n++
			if *asJSON {
				if err := enc.Encode(map[string]any{"id": nw.ID, "reports": nw.Reports, "selectors": nw.Selectors, "first_seen": nw.FirstSeen, "last_seen": nw.LastSeen}); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", nw.ID, nw.Reports, nw.Selectors, nw.FirstSeen.Format("2006-01-02"), nw.LastSeen.Format("2006-01-02"))
		}
		if len(page) < f.Limit {
			return tw.Flush()
		}
		f.After = page[len(page)-1].ID
	}
}

func runStats(e *env) error {
	fs := newFlags(e, "stats", "stats [--data DIR | --db DSN] [--json]")
	var sf storeFlags
	sf.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.Counts(e.ctx, store.Scope{All: true})
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(map[string]int{"reports": c.Reports, "selectors": c.Selectors, "networks": c.Networks})
	}
	fmt.Fprintf(e.stdout, "reports    %d\nselectors  %d\nnetworks   %d\n", c.Reports, c.Selectors, c.Networks)
	return nil
}
