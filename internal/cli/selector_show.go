package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// selectorShowJSON is what selector show --json prints of one value.
type selectorShowJSON struct {
	selectorJSON
	Reports     int       `json:"reports"`
	Sources     int       `json:"sources"`
	FirstSeen   time.Time `json:"first_seen,omitzero"`
	LastSeen    time.Time `json:"last_seen,omitzero"`
	ScamTypes   []string  `json:"scam_types"`
	Networks    []string  `json:"networks"`
	Listed      bool      `json:"listed"`
	Allowlisted bool      `json:"allowlisted"`
	Confirmed   bool      `json:"confirmed"`
	Withdrawn   bool      `json:"withdrawn"`
	NoLink      bool      `json:"no_link"`
}

// selectorShow tells, for each value, what the store holds of it: how many
// reports from how many origins name it, when, of what scam types, in
// which networks, and its marks and public listing.
func selectorShow(e *env) error {
	fs := newFlags(e, "selector show", "selector show [--data DIR | --db DSN] [--region CC] [--json] VALUE...")
	var sf storeFlags
	sf.register(fs)
	sf.existing = true
	region := fs.String("region", "", "ISO 3166-1 country for national phone numbers and bank accounts (KR, KH, ...)")
	asJSON := fs.Bool("json", false, "print one JSON object per value")
	values, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(values) == 0 {
		return usageError{"no VALUE to show"}
	}
	svc, st, err := sf.service(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	norm := selector.NewNormalizer(0)
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "KIND\tVALUE\tREPORTS\tSOURCES\tFIRST SEEN\tLAST SEEN\tNETWORKS\tNOTES")
	}
	failed := 0
	for _, v := range values {
		s, err := norm.Parse(v, selector.Options{Region: strings.ToUpper(*region)})
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "counterscam selector show: %s\n", oneLine(err.Error()))
			continue
		}
		out := selectorShowJSON{selectorJSON: toJSON(s), ScamTypes: []string{}, Networks: []string{}}
		view, err := svc.Selector(e.ctx, trust.Operator(), out.ID, 1)
		switch {
		case errors.Is(err, store.ErrNotFound):
			// In no report: zero counts.
		case err != nil:
			return err
		default:
			out.Reports, out.Sources, out.FirstSeen, out.LastSeen = view.Stats.Reports, view.Stats.Sources, view.Stats.FirstSeen, view.Stats.LastSeen
			if view.Stats.ScamTypes != nil {
				out.ScamTypes = view.Stats.ScamTypes
			}
			if view.Stats.Networks != nil {
				out.Networks = view.Stats.Networks
			}
			out.Listed, out.Allowlisted, out.Confirmed, out.Withdrawn, out.NoLink = view.Listed, view.Allowlisted, view.Confirmed, view.Withdrawn, view.NoLink
		}
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\n", out.Kind, out.Display, out.Reports, out.Sources, day(out.FirstSeen), day(out.LastSeen),
			orDash(strings.Join(out.Networks, " ")), orDash(notes(out)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// notes says in words what the public check answers and the analysts'
// marks.
func notes(s selectorShowJSON) string {
	var n []string
	switch {
	case s.Allowlisted:
		n = append(n, "shared service (allow-list)")
	case s.Listed:
		n = append(n, "listed publicly")
	}
	for _, m := range []struct {
		on   bool
		word string
	}{{s.Confirmed, "confirmed"}, {s.Withdrawn, "withdrawn"}, {s.NoLink, "does not link"}} {
		if m.on {
			n = append(n, m.word)
		}
	}
	return strings.Join(n, ", ")
}
