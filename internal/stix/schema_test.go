package stix

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"counterscam/internal/indicator"
	"counterscam/internal/shareddata"
	"counterscam/internal/store"
)

// oasisSchemas compiles OASIS's STIX 2.1 JSON schemas (shared/data/stix21,
// oasis-open/cti-stix2-json-schemas) and returns the schema of each object
// type: the SDOs, SROs and observables by their type, the marking and
// extension definitions, and the generic observable for the observable
// types that an extension definition adds.
func oasisSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	dir := shareddata.Path(t, "stix21/schemas")
	c := jsonschema.NewCompiler()
	ids := map[string]string{} // folder/file -> $id
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil || len(files) < 50 {
		t.Fatalf("%d schema files in %s: %v", len(files), dir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ids[filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f)] = id
	}
	out := map[string]*jsonschema.Schema{}
	compile := func(typ, file string) {
		s, err := c.Compile(ids[file])
		if err != nil {
			t.Fatalf("compiling %s: %v", file, err)
		}
		out[typ] = s
	}
	for file := range ids {
		folder, name, _ := strings.Cut(file, "/")
		if folder == "sdos" || folder == "sros" || folder == "observables" {
			compile(strings.TrimSuffix(name, ".json"), file)
		}
	}
	compile("marking-definition", "common/marking-definition.json")
	compile("extension-definition", "common/extension-definition.json")
	compile("", "common/cyber-observable-core.json")
	return out
}

// TestBundleAgainstOASISSchemas: every object of a bundle holding every
// kind of selector, every label, a selector not for detection and a report
// naming none is valid against its type's OASIS schema (the observable
// types counterscam defines, against the generic observable's).
func TestBundleAgainstOASISSchemas(t *testing.T) {
	schemas := oasisSchemas(t)
	marks := indicator.Marks{NoLink: func(s store.ReportSelector) bool {
		return s.SelectorID == domain.SelectorID || s.SelectorID == wallet.SelectorID
	}}
	var buf bytes.Buffer
	w := NewWriter(&buf, "KNPA", marks)
	for _, r := range []*store.Report{
		{ID: "01K0000000000000000000000A", Origin: "CNP", ExternalRef: "CNP-2025-1", ReceivedAt: day(3), ScamType: "loan", TLP: store.TLPAmber, Narrative: "paid to ABA",
			Selectors: []store.ReportSelector{phone, bank, phone, iban}},
		{ID: "01K0000000000000000000000B", Origin: "KNPA", ExternalRef: "K-7", ReceivedAt: day(1), ScamType: "crypto_investment", TLP: store.TLPClear,
			Selectors: []store.ReportSelector{wallet, handle, quoted, phone, ip6, card, domain}},
		{ID: "01K0000000000000000000000C", Origin: "KNPA", ReceivedAt: day(5), ScamType: "romance", TLP: store.TLPRed},
		{ID: "01K0000000000000000000000D", Origin: "CNP", ReceivedAt: day(6), ScamType: "loan", TLP: store.TLPAmberStrict, Selectors: []store.ReportSelector{bank}},
		{ID: "01K0000000000000000000000E", Origin: "KNPA", ReceivedAt: day(7), ScamType: "loan", TLP: store.TLPGreen, Selectors: []store.ReportSelector{bank}},
	} {
		if err := w.Report(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var b struct{ Objects []json.RawMessage }
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, raw := range b.Objects {
		o, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		typ := o.(map[string]any)["type"].(string)
		types[typ]++
		s := schemas[typ]
		if s == nil {
			if customTypes[typ] == "" {
				t.Errorf("%s: no OASIS schema, and no extension definition of counterscam's", typ)
				continue
			}
			s = schemas[""]
		}
		if err := s.Validate(o); err != nil {
			t.Errorf("%s is not valid against its OASIS schema: %v\n%s", typ, err, raw)
		}
	}
	for _, typ := range []string{"report", "indicator", "identity", "marking-definition", "extension-definition", "domain-name", "cryptocurrency-wallet"} {
		if types[typ] == 0 {
			t.Errorf("no %s object: the test proves less than it says (%v)", typ, types)
		}
	}
}
