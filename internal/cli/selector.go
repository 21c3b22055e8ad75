package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"counterscam/internal/selector"
)

// selectorUsage is the help of the selector command.
const selectorUsage = `selector parse [--kind KIND] [--region CC] [--platform P] [--json] VALUE...
       counterscam selector extract [--region CC] [--json | --table] < TEXT
       counterscam selector show [--data DIR | --db DSN] [--region CC] [--json] VALUE...

parse normalises each VALUE (a phone number, e-mail, URL, domain, IP,
wallet, bank account, card or handle) and prints one line per value:
kind, canonical value, display form and ID, separated by tabs, or one JSON
object per line with --json. A value that is no selector gets a line on
standard error, and the exit status is then 1.

extract reads text on standard input (at most 64 MiB) and prints every
selector in it, one JSON object per line (kind, value, display, region,
subtype, id, start, end, raw; start and end are byte offsets into the
input), or a table with --table.

show reads each VALUE as parse does and says what the store holds of it:
the reports naming it and from how many origins, first and last seen,
scam types, networks, whether the public check lists it, and the
analysts' marks (--json: one object per value, with those fields).`

// maxExtractInput caps what selector extract reads from standard input.
var maxExtractInput int64 = 64 << 20

func init() {
	register(&command{name: "selector", summary: "parse selectors, or extract them from text", run: runSelector})
}

func runSelector(e *env) error {
	if len(e.args) == 0 {
		fmt.Fprintf(e.stderr, "usage: counterscam %s\n", selectorUsage)
		return usageError{"missing subcommand: parse, extract or show"}
	}
	sub, rest := e.args[0], e.args[1:]
	se := &env{ctx: e.ctx, args: rest, stdin: e.stdin, stdout: e.stdout, stderr: e.stderr}
	switch sub {
	case "parse":
		return selectorParse(se)
	case "extract":
		return selectorExtract(se)
	case "show":
		return selectorShow(se)
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(e.stderr, "usage: counterscam %s\n", selectorUsage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown subcommand %q: parse, extract or show", sub)}
}

// selectorJSON is one selector as parse --json and extract print it.
type selectorJSON struct {
	Kind    selector.Kind `json:"kind"`
	Value   string        `json:"value"`
	Display string        `json:"display"`
	Region  string        `json:"region"`
	Subtype string        `json:"subtype"`
	ID      string        `json:"id"`
}

func toJSON(s selector.Selector) selectorJSON {
	return selectorJSON{Kind: s.Kind, Value: s.Value, Display: s.Display, Region: s.Region, Subtype: s.Subtype, ID: s.ID().String()}
}

// matchJSON is one selector found by extract.
type matchJSON struct {
	selectorJSON
	Start int    `json:"start"`
	End   int    `json:"end"`
	Raw   string `json:"raw"`
}

func selectorParse(e *env) error {
	fs := newFlags(e, "selector parse", "selector parse [--kind KIND] [--region CC] [--platform P] [--json] VALUE...")
	kindName := fs.String("kind", "", "parse every value as this kind (phone, email, url, domain, ip, crypto, bank_account, card, handle); default: detect")
	region := fs.String("region", "", "ISO 3166-1 country for national phone numbers and bank accounts (KR, KH, ...)")
	platform := fs.String("platform", "", "messenger of bare handles (telegram, kakaotalk, line, ...)")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	values, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(values) == 0 {
		return usageError{"no VALUE to parse"}
	}
	var kind selector.Kind
	if *kindName != "" {
		if kind, err = selector.ParseKindName(*kindName); err != nil {
			return usageError{err.Error()}
		}
	}
	norm := selector.NewNormalizer(0)
	opts := selector.Options{Region: strings.ToUpper(*region), Platform: *platform}
	out := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, v := range values {
		var s selector.Selector
		if kind != "" {
			s, err = norm.ParseAs(kind, v, opts)
		} else {
			s, err = norm.Parse(v, opts)
		}
		if err != nil {
			failed++
			if err := out.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "counterscam selector parse: %s\n", oneLine(err.Error()))
			continue
		}
		if *asJSON {
			if err := enc.Encode(toJSON(s)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", s.Kind, s.Value, s.Display, s.ID())
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func selectorExtract(e *env) error {
	fs := newFlags(e, "selector extract", "selector extract [--region CC] [--json | --table] < TEXT")
	region := fs.String("region", "", "ISO 3166-1 country for national phone numbers and bank accounts (KR, KH, ...)")
	asJSON := fs.Bool("json", true, "print one JSON object per line (the default)")
	table := fs.Bool("table", false, "print a table: start-end, kind, value, raw")
	args, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{"extract reads standard input and takes no arguments"}
	}
	text, err := io.ReadAll(io.LimitReader(e.stdin, maxExtractInput+1))
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	if int64(len(text)) > maxExtractInput {
		return errors.New("standard input is larger than " + sizeString(maxExtractInput) + ": split it and extract the parts")
	}
	matches := selector.Extract(string(text), selector.Hints{Region: strings.ToUpper(*region), Normalizer: selector.NewNormalizer(4096)})
	out := bufio.NewWriter(e.stdout)
	if *table || !*asJSON {
		for _, m := range matches {
			fmt.Fprintf(out, "%d-%d\t%s\t%s\t%s\n", m.Start, m.End, m.Kind, m.Value, oneLine(m.Raw))
		}
		return out.Flush()
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, m := range matches {
		if err := enc.Encode(matchJSON{selectorJSON: toJSON(m.Selector), Start: m.Start, End: m.End, Raw: m.Raw}); err != nil {
			return err
		}
	}
	return out.Flush()
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`).Replace(s)
}

func sizeString(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
