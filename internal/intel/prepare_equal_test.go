package intel_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/nyaruka/phonenumbers"

	"counterscam/internal/demo"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/shareddata"
	"counterscam/internal/store"
)

// referenceSelectors is the selector part of preparing a report the
// plainest way: the package's parsers without a Normalizer (phone numbers
// through libphonenumber's own calls), Extract without one, IDs by
// uuid.NewSHA1, links told apart by (ID, role) in a map. PrepareUnnumbered
// takes faster paths to the same answers; this is what they must give.
func referenceSelectors(in *intel.ReportInput) ([]store.ReportSelector, error) {
	opts := selector.Options{Region: strings.ToUpper(in.VictimCountry)}
	var out []store.ReportSelector
	seen := map[[2]string]bool{}
	add := func(sel selector.Selector, role, source, raw string) {
		id := uuid.NewSHA1(uuid.MustParse("6f0c2d4e-6a43-5c5e-9a3e-0d6c0b8f1a21"), []byte(string(sel.Kind)+":"+sel.Value)).String()
		if seen[[2]string{id, role}] {
			return
		}
		seen[[2]string{id, role}] = true
		out = append(out, store.ReportSelector{SelectorID: id, Kind: string(sel.Kind), Value: sel.Value, Display: sel.Display,
			Region: sel.Region, Subtype: sel.Subtype, Role: role, Source: source, Raw: raw})
	}
	for _, si := range in.Selectors {
		var sel selector.Selector
		var err error
		if si.Kind != "" {
			k, kerr := selector.ParseKindName(si.Kind)
			if kerr != nil {
				return nil, fmt.Errorf("selectors: %v", kerr)
			}
			sel, err = selector.ParseAs(k, si.Value, opts)
		} else {
			sel, err = selector.Parse(si.Value, opts)
		}
		if se := (*selector.Error)(nil); err != nil && opts.Region == "" && errors.As(err, &se) &&
			(se.Code == selector.CodeUnrecognised || se.Code == selector.CodePhoneNoRegion) {
			// A national number of the check's countries, named.
			var in []string
			for _, region := range intel.CheckRegions {
				if p, perr := selector.ParseAs(selector.Phone, si.Value, selector.Options{Region: region}); perr == nil && p.Region == region {
					in = append(in, region+" ("+p.Display+")")
				}
			}
			if in != nil {
				err = fmt.Errorf("%q is not a valid phone: a phone number without its country code; it is a valid number in %s: give victim_country, or write it with the country code",
					si.Value, strings.Join(in, " or "))
			}
		}
		if err != nil {
			return nil, fmt.Errorf("selectors: %v", err)
		}
		role := si.Role
		if role == "" {
			role = "mentioned"
		}
		add(sel, role, "field", si.Value)
	}
	for _, m := range selector.Extract(in.Narrative, selector.Hints{Region: opts.Region}) {
		add(m.Selector, "mentioned", "narrative", m.Raw)
	}
	return out, nil
}

// cloneInput copies what PrepareUnnumbered may change.
func cloneInput(in *intel.ReportInput) *intel.ReportInput {
	c := *in
	c.Selectors = slices.Clone(in.Selectors)
	c.Losses = slices.Clone(in.Losses)
	return &c
}

// The prepared records (selectors with kinds, canonical values, display
// forms, regions, subtypes, IDs, roles, sources, raw text; and the errors)
// are those of the reference path, on synthetic import rows, on every
// region's example phone numbers, on real scam domains and wallets, and on
// real and hand-written narratives: once with the service's caches cold,
// once warm.
func TestPrepareMatchesReference(t *testing.T) {
	inputs := syntheticInputs(t, 3000)
	inputs = append(inputs, phoneInputs()...)
	inputs = append(inputs, narrativeInputs(t)...)
	inputs = append(inputs, scamListInputs(t)...)
	svc, err := intel.New(context.Background(), nil, intel.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var links, failed int
	for pass := range 2 {
		for i, in := range inputs {
			got, gerr := svc.PrepareUnnumbered(cloneInput(in))
			want, werr := referenceSelectors(in)
			if werr != nil || gerr != nil {
				if fmt.Sprint(gerr) != fmt.Sprint(werr) {
					t.Fatalf("pass %d, input %d (%+v): error %v, reference %v", pass, i, in.Selectors, gerr, werr)
				}
				failed++
				continue
			}
			if !reflect.DeepEqual(got.Selectors, want) {
				t.Fatalf("pass %d, input %d (%+v, %.80q):\ngot  %+v\nwant %+v", pass, i, in.Selectors, in.Narrative, got.Selectors, want)
			}
			links += len(want)
		}
	}
	t.Logf("%d inputs, %d links compared, %d refusals compared", len(inputs), links, failed)
	if links < 40000 || failed < 50 {
		t.Errorf("only %d links and %d refusals: the corpus lost its content", links, failed)
	}
}

// syntheticInputs reads n synthetic rows as an import does.
func syntheticInputs(t *testing.T, n int) []*intel.ReportInput {
	var csv bytes.Buffer
	if err := demo.Synthetic(5, n, &csv); err != nil {
		t.Fatal(err)
	}
	rd, err := intake.NewReader("reports.csv", &csv, intake.CSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*intel.ReportInput
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rec.Input())
	}
	return out
}

// phoneInputs gives every region's example numbers of every type, in
// E.164, international and national spellings, as fields (detected, and
// given as phones) and in a narrative, read with that region and with
// none; and the same numbers with a digit changed, which are often
// invalid (then the report is refused, as the reference refuses it).
func phoneInputs() []*intel.ReportInput {
	var regions []string
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	var out []*intel.ReportInput
	for _, r := range regions {
		for typ := phonenumbers.FIXED_LINE; typ <= phonenumbers.VOICEMAIL; typ++ {
			n := phonenumbers.GetExampleNumberForType(r, typ)
			if n == nil {
				continue
			}
			intl := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
			national := phonenumbers.Format(n, phonenumbers.NATIONAL)
			e164 := phonenumbers.Format(n, phonenumbers.E164)
			changed := []byte(e164)
			changed[len(changed)-3] = '0' + (changed[len(changed)-3]-'0'+1)%10
			for _, country := range []string{r, ""} {
				if len(country) != 2 {
					country = ""
				}
				out = append(out,
					&intel.ReportInput{Origin: "x", VictimCountry: country,
						Selectors: []intel.SelectorInput{{Value: intl}, {Value: e164, Kind: "phone", Role: "scammer"}},
						Narrative: "Call " + national + " or " + intl + " (also " + string(changed) + ")."},
					&intel.ReportInput{Origin: "x", VictimCountry: country,
						Selectors: []intel.SelectorInput{{Value: national}}},
					&intel.ReportInput{Origin: "x", VictimCountry: country,
						Selectors: []intel.SelectorInput{{Value: string(changed), Kind: "phone"}}},
				)
			}
		}
	}
	return out
}

// narrativeInputs gives the UCI SMS corpus and the selector package's
// multilingual scam narratives as narratives, read with several regions.
func narrativeInputs(t *testing.T) []*intel.ReportInput {
	regions := []string{"GB", "", "KH", "KR", "TH", "VN", "CN", "PH", "US", "IN", "MM", "LA"}
	var out []*intel.ReportInput
	add := func(text string) {
		out = append(out, &intel.ReportInput{Origin: "x", Narrative: text, VictimCountry: regions[len(out)%len(regions)]})
	}
	b, err := os.ReadFile(filepath.Join(shareddata.Path(t, "text"), "uci-sms-spam-collection.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	var long []string // the spam, as one long narrative of many selectors
	for sc.Scan() {
		if label, text, ok := strings.Cut(sc.Text(), "\t"); ok {
			add(text)
			if label == "spam" {
				long = append(long, text)
			}
		}
	}
	for len(long) > 0 {
		n := min(len(long), 300)
		add(strings.Join(long[:n], "\n"))
		long = long[n:]
	}
	ml, err := os.ReadFile(filepath.Join("..", "selector", "testdata", "extract_multilingual.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, para := range strings.Split(string(ml), "\n\n") {
		for range regions {
			add(para)
		}
	}
	return out
}

// scamListInputs gives real scam domains, the wallets linked to them and
// OFAC-listed addresses of every chain, as fields (detected, and given
// with their kind) and in narratives.
func scamListInputs(t *testing.T) []*intel.ReportInput {
	dir := shareddata.Path(t, "scam-lists")
	var combined map[string][]string
	b, err := os.ReadFile(filepath.Join(dir, "scamsniffer-combined.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &combined); err != nil {
		t.Fatal(err)
	}
	domains := make([]string, 0, len(combined))
	for d := range combined {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	var out []*intel.ReportInput
	for i, d := range domains {
		if i%2 != 0 {
			continue
		}
		wallets := combined[d]
		in := &intel.ReportInput{Origin: "x", Selectors: []intel.SelectorInput{{Value: d}}}
		for _, w := range wallets[:min(len(wallets), 3)] {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: w, Kind: "crypto", Role: "beneficiary"})
		}
		in.Narrative = "Victim was sent to hxxps://" + strings.ReplaceAll(d, ".", "[.]") + "/claim and paid " + wallets[0] + "."
		out = append(out, in)
	}
	files, err := filepath.Glob(filepath.Join(dir, "ofac", "sanctioned_addresses_*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no OFAC lists: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Fields(string(b))
		for i, a := range lines {
			if i%3 != 0 && len(lines) > 300 {
				continue
			}
			out = append(out,
				&intel.ReportInput{Origin: "x", Selectors: []intel.SelectorInput{{Value: a}}},
				&intel.ReportInput{Origin: "x", Narrative: "USDT to " + a + " as told"})
		}
	}
	return out
}
