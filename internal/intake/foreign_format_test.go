package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterscam/internal/shareddata"
)

// TestForeignFormatsRefused: a STIX bundle, a TAXII envelope, a MISP event
// or FollowTheMoney entities given to the import are refused whole, naming
// what they are, instead of yielding a rejected row per line; reports are
// read as ever, and so is a layout whose mapping takes such keys.
func TestForeignFormatsRefused(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		m        *Mapping
		want     string // in the error; "" for none
	}{
		{"stix", `{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[` + "\n" + `{"type":"indicator"}]}`, nil, "a STIX 2.1 bundle"},
		{"stix, id first", "{\n  \"id\": \"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\n  \"type\": \"bundle\",\n", nil, "a STIX 2.1 bundle"},
		{"taxii", `{"more":false,"objects":[{"type":"indicator"}]}`, nil, "TAXII 2.1 envelope"},
		{"stix object", `{"type":"campaign","spec_version":"2.1","id":"campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"}`, nil, "a STIX 2.1 object"},
		{"misp", `{"Event":{"Object":[`, nil, "a MISP event"},
		{"misp, bare", "{\n \"Attribute\": [", nil, "a MISP event"},
		{"ftm", `{"id":"a1","schema":"Person","properties":{"name":["Kim"]}}`, nil, "FollowTheMoney entities"},
		{"reports", `{"external_ref":"R-1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance"}`, nil, ""},
		{"a layout of its own", `{"type":"romance","ref":"R-1","objects":"x"}`,
			&Mapping{Columns: map[string]Target{"type": {Field: "scam_type"}, "ref": {Field: "external_ref"}, "objects": {Field: "-"}},
				Defaults: map[string]string{"origin": "KNPA", "received_at": "2025-01-01T00:00:00Z"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReader("partner.json", strings.NewReader(tc.in), Auto, tc.m)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "partner.json: ")):
				t.Errorf("error %v; want the file named as %s", err, tc.want)
			}
		})
	}
}

// TestRealExchangeFilesRefused: the OASIS STIX 2.1 examples and PyMISP's
// event fixtures are each refused as what they are.
func TestRealExchangeFilesRefused(t *testing.T) {
	var files []string
	for _, pattern := range []string{"stix21/examples/example_json/*.json", "stix21/schema-examples/*.json", "misp/events/*.json", "misp/events/pymisp-testfiles/event*.json"} {
		dir := shareddata.Path(t, filepath.Dir(pattern))
		m, err := filepath.Glob(filepath.Join(dir, filepath.Base(pattern)))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("%d files: degenerate test", len(files))
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		want := "a MISP event"
		if strings.Contains(f, "stix21") {
			want = "STIX 2.1"
		}
		_, err = NewReader(filepath.Base(f), fh, Auto, nil)
		fh.Close()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want it refused as %s", f, err, want)
		}
	}
}
