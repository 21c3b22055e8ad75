package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"counterscam/internal/intel"
	"counterscam/internal/store"
)

func init() {
	register(&command{name: "networks", summary: "list scam networks, largest first", run: runNetworks})
	register(&command{name: "stats", summary: "print the store's totals", run: runStats})
}

func runNetworks(e *env) error {
	fs := newFlags(e, "networks", "networks [--data DIR | --db DSN] [--scam-type T] [--country CC] [--since T] [--until T] [--min N] [--limit N] [--json]")
	var sf storeFlags
	sf.register(fs)
	sf.existing = true
	asJSON := fs.Bool("json", false, "one JSON object per network")
	minReports := fs.Int("min", 1, "only networks of at least this many reports")
	limit := fs.Int("limit", 0, "at most this many networks (0: all)")
	scamType := fs.String("scam-type", "", "only networks with reports of this scam type ("+strings.Join(intel.ScamTypes, ", ")+")")
	country := fs.String("country", "", "only networks with reports of victims in this country (ISO 3166-1 alpha-2)")
	since := fs.String("since", "", "only networks with reports received from this date (YYYY-MM-DD, UTC) or RFC 3339 time")
	until := fs.String("until", "", "only networks with reports received until this date (inclusive) or RFC 3339 time")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	f := store.NetworkFilter{Scope: store.Scope{All: true}, MinReports: *minReports, Limit: 1000, ScamType: *scamType, VictimCountry: strings.ToUpper(*country)}
	if f.ScamType != "" && !slices.Contains(intel.ScamTypes, f.ScamType) {
		return usageError{fmt.Sprintf("--scam-type: %q is not one of %s", f.ScamType, strings.Join(intel.ScamTypes, ", "))}
	}
	if f.VictimCountry != "" && (len(f.VictimCountry) != 2 || strings.Trim(f.VictimCountry, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
		return usageError{fmt.Sprintf("--country: %q is not an ISO 3166-1 alpha-2 code such as KR or KH", *country)}
	}
	var err error
	if f.Since, err = parseWhen("since", *since, false); err != nil {
		return err
	}
	if f.Until, err = parseWhen("until", *until, true); err != nil {
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
	sf.existing = true
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
