package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"counterscam/internal/casework"
	"counterscam/internal/trust"
)

const reconcileUsage = `reconcile [--data DIR | --db DSN] [--partner NAME] [--json] [--ours] PARTNER.csv

Matches a partner's arrest or deportation list against the persons here:
exact passport numbers first, then names across scripts and spellings with
dates of birth; stored same/not-same decisions always win. The list's
columns: row_ref, name_latin, date_of_birth (as the partner writes it),
nationality (KR, KOR, or the country's name in English, Korean or Khmer;
"Korea" alone is the Republic of Korea), passport_number (may be empty),
place_of_arrest.

Each row is matched (to one person), a conflict (same passport under
another name, two persons here fit, a likely person not sure enough, or
two rows for one person: an officer decides) or unmatched. With --json,
one JSON object per row, in the list's order:

  {"row_ref":"KH-01","status":"matched","reason":"name_and_birth",
   "person":"EMB-0001","person_id":"01K...","score":0.998,"class":"match",
   "features":[{"name":"family name","weight":3.2,"detail":"..."}],
   "candidates":[]}

person is the matched person's external_ref (else its ID), or null; for a
conflict, candidates lists the persons to choose from. --ours adds, after
the rows, one object per person here arrested or in immigration detention
whom no row named ({"side":"ours","status":"unmatched","person":...}).
Rejected rows are printed as file:line: field: reason (exit status 1).`

func init() {
	register(&command{name: "reconcile", summary: "match a partner's arrest or deportation list against the persons here", run: runReconcile})
}

// reconcileLine is one line of the JSON output.
type reconcileLine struct {
	Side       string               `json:"side,omitempty"`
	RowRef     string               `json:"row_ref,omitempty"`
	Status     string               `json:"status"`
	Reason     string               `json:"reason,omitempty"`
	Person     *string              `json:"person"`
	PersonID   string               `json:"person_id,omitempty"`
	Score      *float64             `json:"score,omitempty"`
	Class      string               `json:"class,omitempty"`
	Features   []casework.Feature   `json:"features,omitempty"`
	Candidates []casework.Candidate `json:"candidates,omitempty"`
}

func runReconcile(e *env) error {
	fs := newFlags(e, "reconcile", reconcileUsage)
	var sf storeFlags
	sf.register(fs)
	partner := fs.String("partner", "partner", "name of the partner whose list this is (decisions on its rows are kept under it)")
	asJSON := fs.Bool("json", false, "one JSON object per row")
	ours := fs.Bool("ours", false, "also list the persons here the list should name but does not")
	files, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"reconcile takes one CSV file (- for standard input)"}
	}
	var in io.Reader = e.stdin
	if files[0] != "-" {
		fh, err := os.Open(files[0])
		if err != nil {
			return err
		}
		defer fh.Close()
		in = fh
	}
	rows, rejects, err := casework.ReadPartnerList(files[0], bufio.NewReaderSize(in, 1<<20))
	if err != nil {
		return err
	}
	for _, r := range rejects {
		fmt.Fprintln(e.stderr, r.Error())
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, casework.Config{})
	rec, err := svc.Reconcile(e.ctx, trust.Operator(), *partner, rows)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeReconcileJSON(e.stdout, rec, *ours); err != nil {
			return err
		}
	} else {
		writeReconcileTable(e.stdout, rec, *ours)
	}
	fmt.Fprintf(e.stderr, "reconcile: %d rows: %d matched, %d conflicts, %d unmatched; %d rejected; %d persons here not on the list\n",
		len(rec.Rows), rec.Counts[casework.StatusMatched], rec.Counts[casework.StatusConflict],
		rec.Counts[casework.StatusUnmatched], len(rejects), len(rec.Unmatched))
	if len(rejects) > 0 {
		return exitError{1}
	}
	return nil
}

func lineOf(r casework.RowResult) reconcileLine {
	l := reconcileLine{RowRef: r.RowRef, Status: r.Status, Reason: r.Reason, Candidates: r.Candidates}
	best := r.Person
	if best != nil {
		ref := best.PersonRef
		l.Person, l.PersonID = &ref, best.PersonID
	} else if len(r.Candidates) > 0 {
		best = &r.Candidates[0]
	}
	if best != nil {
		score := best.Score
		l.Score, l.Class, l.Features = &score, best.Class, best.Features
	}
	if l.Candidates == nil {
		l.Candidates = []casework.Candidate{}
	}
	return l
}

func writeReconcileJSON(w io.Writer, rec *casework.Reconciliation, ours bool) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range rec.Rows {
		if err := enc.Encode(lineOf(r)); err != nil {
			return err
		}
	}
	if ours {
		for _, c := range rec.Unmatched {
			ref := c.PersonRef
			if err := enc.Encode(reconcileLine{Side: "ours", Status: casework.StatusUnmatched, Person: &ref, PersonID: c.PersonID}); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

func writeReconcileTable(w io.Writer, rec *casework.Reconciliation, ours bool) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ROW\tSTATUS\tREASON\tPERSON\tSCORE")
	for _, r := range rec.Rows {
		l := lineOf(r)
		person, score := "-", "-"
		switch {
		case l.Person != nil:
			person = *l.Person
		case len(r.Candidates) > 0:
			person = "?"
			for i, c := range r.Candidates {
				if i > 0 {
					person += "|"
				}
				person += c.PersonRef
			}
		}
		if l.Score != nil {
			score = fmt.Sprintf("%.3f", *l.Score)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.RowRef, r.Status, r.Reason, person, score)
	}
	if ours {
		for _, c := range rec.Unmatched {
			fmt.Fprintf(tw, "(ours)\tunmatched\tnot on the list\t%s\t-\n", c.PersonRef)
		}
	}
	tw.Flush()
}
