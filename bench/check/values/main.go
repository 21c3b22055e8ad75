// Command values prepares the public check benchmark over a store built
// from bench/gen's reports (see bench/check/run.sh):
//
//   - it confirms a sample of the selectors the publication rule leaves
//     unlisted, through the intelligence service as the console operator,
//     so that the confirmed path is exercised too (once: a marker file
//     records it);
//
//   - it writes request bodies for POST /api/v1/check, one JSON object a
//     line, in a realistic mix: stored selectors written the ways people
//     type them (national and international phone formats, with and
//     without separators, handles with @, bank accounts with the bank's
//     name), valid values nobody reported, and text that is no
//     identifier;
//
//   - it checks every body of the small set (and a sample of the large
//     one) through the service and prints the mix of answers.
//
//     go run ./bench/check/values -data DIR -small N -large M -out DIR
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"bufio"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

func main() {
	data := flag.String("data", "", "store directory")
	out := flag.String("out", ".", "where the body files go")
	small := flag.Int("small", 50_000, "bodies in the cache-friendly set")
	large := flag.Int("large", 1_500_000, "bodies in the set far larger than the check cache")
	confirm := flag.Float64("confirm", 0.01, "share of unlisted stored selectors an analyst confirms")
	flag.Parse()
	if err := run(context.Background(), *data, *out, *small, *large, *confirm); err != nil {
		fmt.Fprintln(os.Stderr, "values:", err)
		os.Exit(1)
	}
}

type stored struct {
	id, kind, value, region string
	listed                  bool // by the publication rule or an analyst's confirmation
}

func run(ctx context.Context, data, out string, small, large int, confirm float64) error {
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := intel.New(ctx, st, intel.Config{})
	if err != nil {
		return err
	}
	sels, err := readSelectors(ctx, filepath.Join(data, sqlite.FileName))
	if err != nil {
		return err
	}
	marker := filepath.Join(data, "bench-confirmed")
	if _, err := os.Stat(marker); errors.Is(err, os.ErrNotExist) {
		n, err := confirmSample(ctx, svc, sels, confirm)
		if err != nil {
			return err
		}
		fmt.Printf("confirmed %d selectors as the operator\n", n)
		if err := os.WriteFile(marker, []byte(fmt.Sprintln(n)), 0o600); err != nil {
			return err
		}
	}
	if sels, err = readSelectors(ctx, filepath.Join(data, sqlite.FileName)); err != nil {
		return err
	}
	var listed, unlisted []stored
	for _, s := range sels {
		if s.listed {
			listed = append(listed, s)
		} else {
			unlisted = append(unlisted, s)
		}
	}
	fmt.Printf("store: %d selectors, %d (%.1f%%) publicly listed\n", len(sels), len(listed), 100*float64(len(listed))/float64(len(sels)))
	rng := rand.New(rand.NewPCG(7, 11))
	norm := selector.NewNormalizer(0)
	shuffle := func(s []stored) []stored {
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		return s
	}
	// The everyday set: what people check is often what was reported to
	// them as a scam, so listed values are a large share.
	if err := writeSet(ctx, svc, norm, rng, small, filepath.Join(out, "bodies-small.jsonl"), 1,
		[]source{{0.45, shuffle(listed)}, {0.25, shuffle(unlisted)}}); err != nil {
		return err
	}
	// The cold set: every stored selector once, with unreported and
	// invalid values between them; far more distinct selectors than the
	// check cache holds.
	return writeSet(ctx, svc, norm, rng, max(large, len(sels)*10/7), filepath.Join(out, "bodies-large.jsonl"), 50,
		[]source{{0.70, shuffle(sels)}})
}

// source is a share of a set's bodies drawn, in turn, from sels.
type source struct {
	share float64
	sels  []stored
}

// readSelectors reads every stored selector straight from the file (a
// benchmark's shortcut: the store has no listing of all selectors).
func readSelectors(ctx context.Context, path string) ([]stored, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// The publication rule in SQL (CLEAR reports from two origins, or
	// confirmed; never withdrawn), to sort the selectors quickly; the
	// service's own answers on the written bodies are printed to compare.
	rows, err := db.QueryContext(ctx, `SELECT s.id, s.kind, s.value, s.region,
		NOT s.withdrawn AND (s.confirmed OR coalesce(c.n, 0) >= 2)
		FROM selectors s LEFT JOIN (SELECT rs.selector_id, count(DISTINCT r.origin) AS n
			FROM report_selectors rs JOIN reports r ON r.id = rs.report_id
			WHERE r.tlp = 'CLEAR' GROUP BY rs.selector_id) c ON c.selector_id = s.id
		ORDER BY s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []stored
	for rows.Next() {
		var s stored
		if err := rows.Scan(&s.id, &s.kind, &s.value, &s.region, &s.listed); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// confirmSample confirms a share of the stored selectors that are not
// listed, one MarkSelector each, as an analyst would.
func confirmSample(ctx context.Context, svc *intel.Service, sels []stored, share float64) (int, error) {
	rng := rand.New(rand.NewPCG(3, 5))
	yes := true
	n := 0
	for _, s := range sels {
		if rng.Float64() >= share {
			continue
		}
		st, err := svc.ListingStatus(ctx, s.kind, s.value)
		if err != nil {
			return n, err
		}
		if st != intel.StatusNotListed {
			continue
		}
		if err := svc.MarkSelector(ctx, trust.Operator(), s.id, store.SelectorFlags{Confirmed: &yes}); err != nil {
			return n, fmt.Errorf("confirming %s: %w", s.id, err)
		}
		n++
	}
	return n, nil
}

type body struct {
	Query  string `json:"query"`
	Region string `json:"region,omitempty"`
}

// writeSet writes n bodies: stored selectors from srcs, in the ways people
// type them, in their shares; of the rest two thirds valid values nobody
// reported and one third text that is no identifier. Every sample-th body
// is checked through the service for the printed mix.
func writeSet(ctx context.Context, svc *intel.Service, norm *selector.Normalizer, rng *rand.Rand, n int, path string, sample int, srcs []source) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	next := make([]int, len(srcs))
	mix := map[string]int{}
	checked := 0
	for i := 0; i < n; i++ {
		var b body
		x := rng.Float64()
		for j, src := range srcs {
			if x < src.share && len(src.sels) > 0 {
				b = typed(norm, rng, src.sels[next[j]%len(src.sels)])
				next[j]++
				break
			}
			x -= src.share
		}
		if b.Query == "" {
			if rng.IntN(3) < 2 {
				b = unreported(rng)
			} else {
				b = body{Query: invalid(rng)}
			}
		}
		line, err := json.Marshal(b)
		if err != nil {
			return err
		}
		w.Write(line)
		w.WriteByte('\n')
		if i%sample == 0 {
			r, err := svc.Check(ctx, b.Query, b.Region)
			if err != nil {
				return err
			}
			mix[r.Status]++
			checked++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("%s: %d bodies; answers", filepath.Base(path), n)
	for _, k := range []string{intel.StatusListed, intel.StatusNotListed, intel.StatusAllowlisted, intel.StatusInvalid} {
		fmt.Printf(" %s %.1f%%", k, 100*float64(mix[k])/float64(checked))
	}
	fmt.Printf(" (of %d checked)\n", checked)
	return f.Close()
}

// typed writes a stored selector one of the ways a person would type it,
// falling back to its canonical value when a variant would not read back
// as the same selector.
func typed(norm *selector.Normalizer, rng *rand.Rand, s stored) body {
	var cands []body
	switch s.kind {
	case "phone":
		cands = phoneForms(s.value, s.region)
	case "handle":
		if _, name, ok := strings.Cut(s.value, ":"); ok {
			cands = []body{{Query: "@" + name}, {Query: "t.me/" + name}}
		}
	case "bank_account":
		if parts := strings.Split(s.value, ":"); len(parts) == 3 && len(parts[2]) == 14 {
			a := parts[2]
			cands = []body{{Query: "KB국민은행 " + a[:6] + "-" + a[6:8] + "-" + a[8:]}, {Query: "국민 " + a}}
		}
	case "domain":
		cands = []body{{Query: s.value}, {Query: strings.ToUpper(s.value)}}
	}
	start := rng.IntN(len(cands) + 1)
	for i := range cands {
		c := cands[(start+i)%len(cands)]
		if sel, err := norm.Parse(c.Query, selector.Options{Region: c.Region}); err == nil && sel.ID().String() == s.id {
			return c
		}
	}
	return body{Query: s.value}
}

// phoneForms are the ways people write an E.164 number: international
// with and without separators, and national with the country as region.
func phoneForms(e164, region string) []body {
	cc := map[string]string{"KR": "82", "KH": "855", "TH": "66"}[region]
	if cc == "" || !strings.HasPrefix(e164, "+"+cc) {
		return nil
	}
	nat := e164[1+len(cc):]
	out := []body{{Query: e164}, {Query: "00" + e164[1:]}, {Query: "0" + nat, Region: region}}
	if len(nat) >= 9 {
		a, b, c := nat[:len(nat)-8], nat[len(nat)-8:len(nat)-4], nat[len(nat)-4:]
		out = append(out,
			body{Query: "+" + cc + " " + a + " " + b + " " + c},
			body{Query: "0" + a + "-" + b + "-" + c, Region: region},
			body{Query: "(0" + a + ") " + b + " " + c, Region: region})
	}
	return out
}

// unreported is a valid value that no report names (the synthetic reports
// never use a Korean mobile whose fifth digit is 5).
func unreported(rng *rand.Rand) body {
	switch rng.IntN(4) {
	case 0:
		return body{Query: fmt.Sprintf("010-5%03d-%04d", rng.IntN(1000), rng.IntN(10000)), Region: "KR"}
	case 1:
		return body{Query: fmt.Sprintf("@clean_user_%d", rng.IntN(10_000_000))}
	case 2:
		return body{Query: fmt.Sprintf("shop-%d.example.org", rng.IntN(10_000_000))}
	}
	return body{Query: fmt.Sprintf("+855 97 %03d %04d", rng.IntN(1000), rng.IntN(10000))}
}

// invalid is text that is no identifier.
func invalid(rng *rand.Rand) string {
	words := []string{"hello", "is this a scam", "010-12", "job offer cambodia", "???", "바로 입금해 주세요", "0x12ab", "+82", "pay now", "ផ្ញើប្រាក់"}
	return fmt.Sprintf("%s %d", words[rng.IntN(len(words))], rng.IntN(1000))
}
