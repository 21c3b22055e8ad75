package ui

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"counterscam/internal/intake"
)

// FuzzImportMapping: whatever mapping file an upload carries, reading it
// gives either the mapping intake.LoadMapping gives for the same bytes or
// a message, in every language, that names the file; never a panic. A
// file over the bound is refused whatever it holds.
func FuzzImportMapping(f *testing.F) {
	cat, err := loadCatalog()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("map.json", []byte(`{"columns": {"Ref": "external_ref", "Phone": {"field": "selectors", "kind": "phone", "role": "contacted_by"}}, "defaults": {"tlp": "AMBER"}}`))
	f.Add("map.json", []byte(`{"columns": {"Ref": "officer"}}`))
	f.Add(`C:\partners\knpa.json`, []byte(`{"time_zone": "Mars/Olympus"}`))
	f.Add("", []byte(`{"delimiter": "::"}`))
	f.Add("x.json", []byte{})
	f.Add("x.json", []byte("\xff\xfe{"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("format", "csv")
		fw, err := mw.CreateFormFile("mapping", name)
		if err != nil {
			t.Skip()
		}
		fw.Write(data)
		mw.Close()
		r, _ := http.NewRequest("POST", "/import", &b)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			t.Skip() // a name the multipart writer cannot carry
		}
		m, _, key, args := readImportMapping(r)
		hdrs := r.MultipartForm.File["mapping"]
		if len(hdrs) == 0 {
			// Sent without a file name, the part is a plain value: no mapping.
			if m != nil || key != "" {
				t.Fatalf("no file gave %v, %q", m, key)
			}
			return
		}
		want, wantErr := intake.LoadMapping(bytes.NewReader(data))
		switch {
		case len(data) > importMappingMaxBytes:
			if key != "import.err.mapping_too_big" || m != nil {
				t.Fatalf("%d bytes: %q", len(data), key)
			}
		case key == "":
			if m == nil || wantErr != nil || want == nil {
				t.Fatalf("accepted %q where LoadMapping says %v", data, wantErr)
			}
		default:
			if m != nil {
				t.Fatalf("a mapping with the error %q", key)
			}
			if len(data) > 0 && wantErr == nil {
				t.Fatalf("refused %q (%s) that LoadMapping takes", data, key)
			}
			if key == "import.err.mapping" {
				t.Fatalf("%q: no message of the page's own for %v", data, wantErr)
			}
		}
		if key == "" {
			return
		}
		base := uploadName(hdrs[0].Filename)
		for _, l := range Languages {
			s, err := cat.T(l, key, args...)
			if err != nil {
				t.Fatalf("%s %s: %v", l, key, err)
			}
			if key != "import.err.mapping_unreadable" && !strings.Contains(s, base) {
				t.Errorf("%s: %q does not name the file %q", l, s, base)
			}
		}
	})
}
