package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

const manifestUsage = `manifest [--data DIR | --db DSN] [--csv] [--add-ready LEGAL_STATUS] FLIGHT

Prints a repatriation flight's manifest: the flight, then one line per
passenger (seat, person, names, date of birth, travel document, legal
status on departure, fitness to fly, escort, receiving agency, outcome on
arrival) and the counts by legal status, fitness to fly and outcome, which
are computed from the rows. A flight moved to new times lists each move
(when, by whom, from what departure to what, and why) under its own line. FLIGHT is the flight's ID, or its number when
one flight has it (KE9680).

With --csv, the manifest as the carrier, the receiving police and
immigration take it, one row per passenger with the columns flight,
depart_at, seat, person_ref, name_latin, name, date_of_birth, sex,
nationality, document_type, document_number, legal_status, fit_to_fly,
escort, receiving_agency, outcome. The export is audited.

With --add-ready, first puts everyone ready to board on the flight, in
one change, with that legal status on departure (warrant_to_execute,
red_notice, victim, voluntary): each person whose open case may go on a
manifest and who holds a passport or travel document, as the flight's
page lists them, acting as the console operator. Who was added, and who
is not ready and why, go to standard error by reference.`

func init() {
	register(&command{name: "manifest", summary: "print a repatriation flight's manifest, or write it as CSV", run: runManifest})
}

func runManifest(e *env) error {
	fs := newFlags(e, "manifest", manifestUsage)
	var sf storeFlags
	sf.register(fs)
	asCSV := fs.Bool("csv", false, "write the manifest as CSV")
	addReady := fs.String("add-ready", "", "first put everyone ready to board on the flight, with this legal status")
	rest, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if *addReady != "" && !slices.Contains(casework.LegalStatuses, *addReady) {
		return usageError{fmt.Sprintf("--add-ready takes a legal status: one of %s", strings.Join(casework.LegalStatuses, ", "))}
	}
	if len(rest) != 1 {
		return usageError{"manifest takes one FLIGHT (its ID or number; counterscam manifest -h)"}
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, casework.Config{})
	p := trust.Operator()
	id, err := findFlight(e, svc, p, rest[0])
	if err != nil {
		return err
	}
	if *addReady != "" {
		if err := addReadyPassengers(e, svc, p, id, *addReady); err != nil {
			return err
		}
	}
	if *asCSV {
		return svc.WriteManifestCSV(e.ctx, p, id, e.stdout)
	}
	m, err := svc.GetManifest(e.ctx, p, id)
	if err != nil {
		return err
	}
	return printManifest(e.stdout, m)
}

// addReadyPassengers puts everyone ready to board on the flight in one
// AddPassengers (all or none) and says on standard error who was added
// and who is not ready and why, by reference.
func addReadyPassengers(e *env, svc *casework.Service, p trust.Principal, flightID, legal string) error {
	bs, err := svc.Boarders(e.ctx, p, flightID)
	if err != nil {
		return err
	}
	var ins []*casework.PassengerInput
	var added []string
	for _, b := range bs {
		if b.Refusal != nil {
			fmt.Fprintf(e.stderr, "not ready: %s: %v\n", personRef(b.Person), b.Refusal)
			continue
		}
		ins = append(ins, &casework.PassengerInput{CaseID: b.Case.ID, LegalStatus: legal})
		added = append(added, personRef(b.Person))
	}
	if len(ins) == 0 {
		fmt.Fprintln(e.stderr, "nobody is ready to board")
		return nil
	}
	if _, err := svc.AddPassengers(e.ctx, p, flightID, ins); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stderr, "added %d: %s\n", len(added), strings.Join(added, ", "))
	return err
}

func personRef(p *store.Person) string {
	if p.ExternalRef != "" {
		return p.ExternalRef
	}
	return p.ID
}

// findFlight resolves a flight's ID or number.
func findFlight(e *env, svc *casework.Service, p trust.Principal, arg string) (string, error) {
	fls, err := svc.Flights(e.ctx, p)
	if err != nil {
		return "", err
	}
	var byNumber []*store.Flight
	for _, f := range fls {
		if f.ID == arg {
			return f.ID, nil
		}
		if strings.EqualFold(f.Number, arg) {
			byNumber = append(byNumber, f)
		}
	}
	switch len(byNumber) {
	case 1:
		return byNumber[0].ID, nil
	case 0:
		return "", fmt.Errorf("no flight %q (give a flight's ID or number)", arg)
	}
	var ids []string
	for _, f := range byNumber {
		ids = append(ids, f.ID+" ("+f.DepartAt.UTC().Format("2006-01-02")+")")
	}
	return "", fmt.Errorf("%d flights are numbered %s: give the ID of one of %s", len(byNumber), arg, strings.Join(ids, ", "))
}

// printManifest writes a manifest as text to print.
func printManifest(w io.Writer, m *casework.Manifest) error {
	f := m.Flight
	kind := "scheduled"
	if f.Charter {
		kind = "charter"
	}
	fmt.Fprintf(w, "Flight %s  %s, %s  %s -> %s  TLP:%s\n", f.Number, f.Carrier, kind, f.From, f.To, f.TLP)
	fmt.Fprintf(w, "Departs %s", stamp(f.DepartAt))
	if !f.ArriveAt.IsZero() {
		fmt.Fprintf(w, "  arrives %s", stamp(f.ArriveAt))
	}
	fmt.Fprintf(w, "  status %s\n", f.Status)
	if f.Note != "" {
		fmt.Fprintf(w, "%s\n", f.Note)
	}
	for _, r := range f.Reschedules {
		by := strings.Join(slices.DeleteFunc([]string{r.By, r.Org}, func(v string) bool { return v == "" }), ", ")
		fmt.Fprintf(w, "Moved %s (%s): departure %s -> %s: %s\n", stamp(r.At), by, stamp(r.DepartWas), stamp(r.DepartAt), r.Reason)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SEAT\tPERSON\tNAME (LATIN)\tBORN\tDOCUMENT\tLEGAL STATUS\tFIT\tESCORT\tRECEIVING AGENCY\tOUTCOME\tNAME")
	for _, r := range m.Rows {
		p, ps := r.Passenger, r.Person
		ref := personRef(ps)
		name, latin := "", ""
		for _, n := range ps.Names {
			switch {
			case n.Kind == "primary" && name == "":
				name = n.Text
			case (n.Kind == "passport" || n.Script == "Latn") && latin == "":
				latin = n.Text
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(p.Seat), ref, dash(latin), dash(ps.DOB),
			dash(heldDocument(ps)), p.LegalStatus, p.FitToFly, dash(p.Escort), dash(p.ReceivingAgency), p.Outcome, dash(name))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	c := m.Counts
	fmt.Fprintf(w, "\nPassengers: %d\n", c.Total)
	fmt.Fprintf(w, "Legal status: %s\n", tally(c.ByLegalStatus, casework.LegalStatuses))
	fmt.Fprintf(w, "Fit to fly: %s\n", tally(c.ByFitToFly, casework.FitToFly))
	_, err := fmt.Fprintf(w, "Outcome: %s\n", tally(c.ByOutcome, casework.ArrivalOutcomes))
	return err
}

// tally writes counts in a vocabulary's order: "victim 4, voluntary 1".
func tally(m map[string]int, order []string) string {
	var parts []string
	for _, k := range order {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// heldDocument is the number of the document a person travels on: an
// emergency travel document before a passport.
func heldDocument(p *store.Person) string {
	var best store.IdentityDocument
	for _, d := range p.Documents {
		if d.Status == "held" && (best.Number == "" || d.Type != "passport" || best.Type == "passport") {
			best = d
		}
	}
	return best.Number
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
