package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"counterscam/internal/screen"
)

// screenMaxBytes is the default size limit for a text on the command line;
// the public API keeps the screener's smaller default.
const screenMaxBytes = 1 << 20

const screenUsage = `screen [--json] [--lang xx] [--rules DIR] [--max-bytes N] < TEXT
       counterscam screen eval [--rules DIR] [--json] [--misses] [--sweep] [--half dev|test] FILE
       counterscam screen rules check [--rules DIR]
       counterscam screen rules export DIR

Reads a job ad or message on standard input and says how much it looks like
a recruitment lure for a scam compound or another scam, with every reason.
eval screens a labelled TSV (label<TAB>text; labels lure, scam, benign, or
spam and ham) and prints precision, recall and F1 per label and language;
--half dev or test screens only that half of a real set (split by a hash of
each text, see real-new.tsv); --sweep adds what other elevated thresholds
would give.
rules check runs the examples written in the rules; rules export writes the
compiled-in rules to DIR for editing, to load again with --rules DIR.`

func init() {
	register(&command{name: "screen", summary: "screen a job ad or message for lure and scam signs", run: runScreen})
}

func runScreen(e *env) error {
	if len(e.args) > 0 {
		switch e.args[0] {
		case "eval":
			return runScreenEval(e, e.args[1:])
		case "rules":
			return runScreenRules(e, e.args[1:])
		}
	}
	fs := newFlags(e, "screen", screenUsage)
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	lang := fs.String("lang", "", "language of the messages (ko, en, zh, km, th, vi); default: the text's")
	rulesDir := fs.String("rules", "", "folder of rules files laid over the compiled-in ones")
	maxBytes := fs.Int("max-bytes", screenMaxBytes, "largest text accepted, in bytes")
	data := fs.String("data", "", "embedded store whose listings mark the contacts found (optional)")
	db := fs.String("db", "", "PostgreSQL store whose listings mark the contacts found (optional)")
	args, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: the text is read from standard input", args[0])}
	}
	if *maxBytes <= 0 {
		return usageError{"--max-bytes must be positive"}
	}
	if *lang != "" && !isLangCode(*lang) {
		return usageError{fmt.Sprintf("--lang %q: want a language code such as ko, en, zh, km, th or vi", *lang)}
	}
	var lookup screen.ListingLookup
	if *data != "" || *db != "" {
		sf := storeFlags{data: *data, db: *db, threshold: 2}
		svc, st, err := sf.service(e.ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		lookup = screen.LookupFunc(svc.ListingStatus)
	}
	s, err := newScreener(*rulesDir, *maxBytes, lookup)
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(io.LimitReader(e.stdin, int64(*maxBytes)+1))
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	res, err := s.Assess(e.ctx, string(raw), screen.Options{Lang: *lang})
	switch {
	case errors.Is(err, screen.ErrEmpty):
		return errors.New("no text on standard input")
	case errors.Is(err, screen.ErrTooLarge):
		return fmt.Errorf("the text is larger than %d bytes (raise --max-bytes)", *maxBytes)
	case err != nil:
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	writeVerdict(e.stdout, string(raw), res)
	return nil
}

// newScreener builds a screener from the compiled-in rules, or from a
// folder laid over them, with counterscam's selector extractor.
func newScreener(rulesDir string, maxBytes int, lookup screen.ListingLookup) (*screen.Screener, error) {
	var rs *screen.Ruleset
	var err error
	if rulesDir != "" {
		rs, err = screen.LoadRulesDir(rulesDir)
	} else {
		rs, err = screen.DefaultRuleset()
	}
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	return screen.New(screen.Config{Rules: rs, Extract: screen.SelectorContacts, Lookup: lookup, MaxBytes: maxBytes})
}

var levelWords = map[screen.Level]string{screen.Low: "LOW", screen.Elevated: "ELEVATED", screen.High: "HIGH"}

// writeVerdict prints a result for a person: the level, the score, and each
// reason with the text that triggered it.
func writeVerdict(w io.Writer, text string, res *screen.Result) {
	kind := ""
	switch res.Kind {
	case "lure":
		kind = ", looks like a job lure"
	case "scam":
		kind = ", looks like a scam"
	}
	fmt.Fprintf(w, "%s risk (score %d/100%s; language %s)\n", levelWords[res.Level], res.Score, kind, res.Language)
	if len(res.Reasons) == 0 {
		fmt.Fprintln(w, "\nNo warning signs found. That does not prove the offer is genuine: check the company before you travel or pay.")
	} else {
		fmt.Fprintln(w, "\nWhy:")
		for i, r := range res.Reasons {
			sign := ""
			if r.Weight < 0 {
				sign = " (lowers the risk)"
			}
			fmt.Fprintf(w, "%3d. %s%s\n     %q at bytes %d-%d\n", i+1, r.Message, sign, collapseSpace(r.Text), r.Start, r.End)
		}
	}
	if len(res.Combos) > 0 {
		fmt.Fprintln(w, "\nTogether:")
		for _, c := range res.Combos {
			fmt.Fprintf(w, "   - %s\n", c.Message)
		}
	}
	if len(res.Selectors) > 0 {
		fmt.Fprintln(w, "\nContacts:")
		for _, c := range res.Selectors {
			p := ""
			if c.Platform != "" {
				p = " (" + c.Platform + ")"
			}
			st := strings.ReplaceAll(c.Status, "_", " ")
			if c.Status == screen.Unknown {
				st = "not checked against counterscam's listings"
			}
			fmt.Fprintf(w, "   - %s %s%s: %s\n", c.Kind, c.Value, p, st)
		}
	}
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func runScreenEval(e *env, argv []string) error {
	fs := newFlags(e, "screen eval", screenUsage)
	rulesDir := fs.String("rules", "", "folder of rules files laid over the compiled-in ones")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	misses := fs.Bool("misses", false, "list the texts the screener got wrong")
	half := fs.String("half", "", "screen only one half of the texts, dev or test, split by a hash of each text")
	sweep := fs.Bool("sweep", false, "also print lure recall and benign alarms for elevated thresholds 10 to 40")
	args, err := parseFlags(fs, argv)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageError{"screen eval needs one FILE (a TSV of label<TAB>text)"}
	}
	s, err := newScreener(*rulesDir, screenMaxBytes, nil)
	if err != nil {
		return err
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	if *half != "" && *half != screen.HalfDev && *half != screen.HalfTest {
		return usageError{"--half is dev or test"}
	}
	rep, err := screen.EvaluateHalf(e.ctx, s, f, *half)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	if *asJSON {
		if !*misses {
			rep.Misses = nil
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(e.stdout, "file: %s\n", args[0])
	rep.WriteText(e.stdout, *misses)
	if *sweep {
		var at []int
		for t := 10; t <= 40; t++ {
			at = append(at, t)
		}
		fmt.Fprintf(e.stdout, "\nsweep of the elevated threshold (now %d; high stays at %d):\n", screen.ElevatedAt, screen.HighAt)
		screen.WriteSweep(e.stdout, rep.Sweep(at))
	}
	return nil
}

func runScreenRules(e *env, argv []string) error {
	if len(argv) == 0 {
		return usageError{"screen rules needs check or export"}
	}
	switch argv[0] {
	case "check":
		fs := newFlags(e, "screen rules check", screenUsage)
		rulesDir := fs.String("rules", "", "folder of rules files laid over the compiled-in ones")
		args, err := parseFlags(fs, argv[1:])
		if err != nil {
			return err
		}
		if len(args) > 0 {
			return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
		}
		s, err := newScreener(*rulesDir, screenMaxBytes, nil)
		if err != nil {
			return err
		}
		rs := s.Ruleset()
		fails := screen.CheckExamples(e.ctx, s)
		for _, f := range fails {
			fmt.Fprintln(e.stdout, f)
		}
		fmt.Fprintf(e.stdout, "%d rules, %d places, %d signals (%s): %d failures\n",
			len(rs.Rules), len(rs.Places), len(rs.Signals), rs.Version(), len(fails))
		if len(fails) > 0 {
			return exitError{1}
		}
		return nil
	case "export":
		fs := newFlags(e, "screen rules export", screenUsage)
		force := fs.Bool("force", false, "overwrite files that exist")
		args, err := parseFlags(fs, argv[1:])
		if err != nil {
			return err
		}
		if len(args) != 1 {
			return usageError{"screen rules export needs one DIR"}
		}
		files, err := screen.EmbeddedFiles()
		if err != nil {
			return err
		}
		if err := os.MkdirAll(args[0], 0o755); err != nil {
			return err
		}
		for name := range files {
			p := filepath.Join(args[0], name)
			if _, err := os.Stat(p); err == nil && !*force {
				return fmt.Errorf("%s exists (use --force to overwrite)", p)
			}
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(args[0], name), b, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(e.stdout, "wrote %d files to %s\n", len(files), args[0])
		return nil
	}
	return usageError{fmt.Sprintf("unknown screen rules command %q (check or export)", argv[0])}
}
