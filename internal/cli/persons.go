package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/trust"
)

const personsUsage = `persons import [--data DIR | --db DSN] [--origin ORG] [--tlp LABEL] [--legal-basis TEXT] [--purpose TEXT] [--update] FILE.csv
       counterscam persons find [--data DIR | --db DSN] QUERY
       counterscam persons export --htcds [--data DIR | --db DSN]

import reads persons from CSV (columns: external_ref, name, name_latin,
date_of_birth as YYYY-MM-DD, YYYY-MM or YYYY, sex, nationality (KR,
KOR, or the country's name in English, Korean or Khmer), passport_number; optional passport_status, aliases, phones, languages and
notes, lists separated by ;). It is idempotent on (origin, external_ref):
a person stored already is left as it is; with --update the file's
fields replace theirs, and what casework recorded since that the file
does not carry (travel documents issued, a document's status, other
names, handles, next of kin) is kept.
Rejected rows are printed as file:line: field: reason, and the exit
status is then 1.
find looks a person up by name (any script or spelling), passport number,
phone or handle.
export --htcds writes the victim cases (current screening: possible or
actual victim) as a JSON array with HTCDS field names.`

func init() {
	register(&command{name: "persons", summary: "import, find and export the persons casework follows", run: runPersons})
}

func runPersons(e *env) error {
	if len(e.args) == 0 {
		return usageError{"persons: say import, find or export (counterscam persons -h)"}
	}
	switch e.args[0] {
	case "import":
		return runPersonsImport(e, e.args[1:])
	case "find":
		return runPersonsFind(e, e.args[1:])
	case "export":
		return runPersonsExport(e, e.args[1:])
	case "-h", "--help", "-help", "help":
		fmt.Fprintf(e.stderr, "usage: counterscam %s\n", personsUsage)
		return nil
	}
	return usageError{fmt.Sprintf("persons: unknown subcommand %q (import, find or export)", e.args[0])}
}

// personsBatch is how many rows go into one transaction.
const personsBatch = 2000

func runPersonsImport(e *env, args []string) error {
	fs := newFlags(e, "persons import", personsUsage)
	var sf storeFlags
	sf.register(fs)
	origin := fs.String("origin", casework.ConsoleOrigin, "organisation that holds the persons")
	tlp := fs.String("tlp", "AMBER+STRICT", "TLP 2.0 label of the persons")
	basis := fs.String("legal-basis", "consular assistance to nationals abroad", "legal basis of holding their personal data")
	purpose := fs.String("purpose", "protection and repatriation of nationals", "what their personal data may be used for")
	update := fs.Bool("update", false, "replace the file's fields of persons stored already under the same origin and external_ref")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"persons import takes one CSV file (- for standard input)"}
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, casework.Config{})
	var in io.Reader = e.stdin
	if files[0] != "-" {
		fh, err := os.Open(files[0])
		if err != nil {
			return err
		}
		defer fh.Close()
		in = fh
	}
	start := time.Now()
	pr, err := casework.NewPersonReader(files[0], bufio.NewReaderSize(in, 1<<20))
	var re *casework.RowError
	if errors.As(err, &re) {
		fmt.Fprintln(e.stderr, re.Error())
		return exitError{1}
	}
	if err != nil {
		return err
	}
	opts := casework.ImportOptions{Origin: *origin, TLP: *tlp, LegalBasis: *basis, Purpose: *purpose, Update: *update}
	var total casework.ImportResult
	read, rejected := 0, 0
	var batch []*casework.PersonRecord
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := svc.ImportPersons(e.ctx, trust.Operator(), batch, opts)
		var fe *casework.FieldError
		if errors.As(err, &fe) && fe.Field == "origin" {
			return err // about the command, not its rows
		}
		if err != nil {
			return fmt.Errorf("storing rows up to line %d: %w", batch[len(batch)-1].Line, err)
		}
		total.Inserted += res.Inserted
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
		for _, r := range res.Rejects {
			rejected++
			fmt.Fprintln(e.stderr, r.Error())
		}
		batch = batch[:0]
		return nil
	}
	for {
		rec, err := pr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.As(err, &re) {
			read++
			rejected++
			fmt.Fprintln(e.stderr, re.Error())
			continue
		}
		if err != nil {
			return err
		}
		read++
		batch = append(batch, rec)
		if len(batch) == personsBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "persons: %d rows read, %d new, %d updated, %d already stored, %d rejected in %s\n",
		read, total.Inserted, total.Updated, total.Unchanged, rejected, time.Since(start).Round(time.Millisecond))
	if rejected > 0 {
		return exitError{1}
	}
	return nil
}

func runPersonsFind(e *env, args []string) error {
	fs := newFlags(e, "persons find", personsUsage)
	var sf storeFlags
	sf.register(fs)
	asJSON := fs.Bool("json", false, "print the persons as JSON lines")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"persons find takes one QUERY (quote it if it has spaces)"}
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, casework.Config{})
	found, err := svc.FindPersons(e.ctx, trust.Operator(), rest[0], 50)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, p := range found {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ORIGIN\tREF\tNAMES\tBORN\tPASSPORT")
	for _, p := range found {
		names, passport := "", ""
		for i, n := range p.Names {
			if i > 0 {
				names += " / "
			}
			names += n.Text
		}
		if len(p.Documents) > 0 {
			passport = p.Documents[0].Number + " (" + p.Documents[0].Status + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Origin, p.ExternalRef, names, p.DOB, passport)
	}
	tw.Flush()
	fmt.Fprintf(e.stderr, "persons: %d found\n", len(found))
	return nil
}

func runPersonsExport(e *env, args []string) error {
	fs := newFlags(e, "persons export", personsUsage)
	var sf storeFlags
	sf.register(fs)
	htcds := fs.Bool("htcds", false, "victim cases with HTCDS field names")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if !*htcds || len(rest) > 0 {
		return usageError{"persons export --htcds (the only export so far)"}
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, casework.Config{})
	w := bufio.NewWriter(e.stdout)
	w.WriteString("[")
	first := true
	n, err := svc.ExportHTCDS(e.ctx, trust.Operator(), func(rec map[string]any) error {
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if !first {
			w.WriteString(",")
		}
		first = false
		w.WriteString("\n")
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	w.WriteString("\n]\n")
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "persons: %d victim cases exported\n", n)
	return nil
}
