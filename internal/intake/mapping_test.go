package intake

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

const knpaMapping = `{
  "columns": {
    "접수번호": "external_ref",
    "접수일시": "received_at",
    "피해유형": "scam_type",
    "피해내용": "narrative",
    "피해금액": "loss_amount",
    "계좌번호": {"field": "selectors", "kind": "bank_account", "role": "paid_to"},
    "연락처": {"field": "selectors", "kind": "phone", "role": "contacted_by"},
    " 담당자 ": "-"
  },
  "defaults": {"origin": "KNPA", "victim_country": "KR", "loss_currency": "KRW", "tlp": "GREEN"},
  "values": {"scam_type": {"로맨스스캠": "romance", "투자리딩": "crypto_investment"}},
  "time_format": "2006-01-02 15:04",
  "time_zone": "Asia/Seoul",
  "delimiter": ";",
  "selector_separator": "/",
  "thousands_separator": ","
}`

func TestMappedLayout(t *testing.T) {
	m, err := LoadMapping(strings.NewReader(knpaMapping))
	if err != nil {
		t.Fatal(err)
	}
	in := "접수번호;접수일시;피해유형;피해내용;피해금액;계좌번호;연락처;담당자;selectors\n" +
		"2025-0001;2025-03-01 09:30;투자리딩;리딩방 사기;\"35,000,000\";국민 123456-01-234567 / 신한 110-123-456789;010-1234-5678;홍길동;@lead_room\n" +
		"2025-0002;2025-03-02T10:00:00Z;로맨스스캠;;;;;;\n" +
		"2025-0003;03/02/2025;로맨스스캠;;;;;;\n"
	res, err := readAll(t, "knpa.csv", in, Auto, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].err != nil || res[1].err != nil {
		t.Fatalf("%+v", outline(res))
	}
	r := res[0].rec
	want := &Record{
		File: "knpa.csv", Line: 2, ExternalRef: "2025-0001", Origin: "KNPA", Channel: "import",
		ReceivedAt: time.Date(2025, 3, 1, 0, 30, 0, 0, time.UTC), ScamType: "crypto_investment",
		Narrative: "리딩방 사기", VictimCountry: "KR", TLP: "GREEN",
		Losses: []store.Loss{{AmountMinor: 35000000, Currency: "KRW"}},
		Selectors: []RawSelector{
			{Value: "국민 123456-01-234567", Kind: "bank_account", Role: "paid_to"},
			{Value: "신한 110-123-456789", Kind: "bank_account", Role: "paid_to"},
			{Value: "010-1234-5678", Kind: "phone", Role: "contacted_by"},
			{Value: "@lead_room"},
		},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}
	if r2 := res[1].rec; r2.ScamType != "romance" || r2.Losses != nil || r2.ReceivedAt.Hour() != 10 {
		t.Errorf("second: %+v", r2)
	}
	if e := res[2].err; e == nil || e.Field != "received_at" || e.Reason != "'03/02/2025' matches neither time_format '2006-01-02 15:04' nor RFC 3339" {
		t.Errorf("third: %v", e)
	}
}

func TestLoadMappingErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"columns": {"a": "nonsense"}}`, `columns: "a": unknown field "nonsense"`},
		{`{"columns": {"a": {"field": "origin", "kind": "phone"}}}`, `kind and role apply only to "selectors"`},
		{`{"columns": {"a": {"field": "selectors", "kind": "telepathy"}}}`, `unknown selector kind "telepathy"`},
		{`{"columns": {"a": {"field": "selectors", "role": "Paid To"}}}`, `role 'paid to': use lower-case letters`},
		{`{"columns": {"a": {"field": "selectors", "colour": "x"}}}`, `unknown field "colour"`},
		{`{"columns": {"A": "origin", "a ": "origin"}}`, `columns: "a " is given twice`},
		{`{"defaults": {"tlp": "PINK"}}`, `defaults: tlp: 'PINK' is not a TLP label`},
		{`{"defaults": {"victim_country": "Korea"}}`, `defaults: victim_country: 'Korea' is not an ISO 3166-1`},
		{`{"defaults": {"external_ref": "x"}}`, `defaults: "external_ref" cannot have a default`},
		{`{"values": {"narrative": {}}}`, `values: "narrative" is not a field`},
		{`{"delimiter": "::"}`, `delimiter "::"`},
		{`{"time_zone": "Mars/Olympus"}`, `time_zone "Mars/Olympus"`},
		{`{"thousands_separator": "."}`, `would change amounts`},
		{`{"colums": {}}`, `unknown field "colums"`},
		{`[`, `mapping: unexpected EOF`},
	}
	for _, tt := range tests {
		_, err := LoadMapping(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want ...%s...", tt.in, err, tt.want)
		}
	}
	m, err := LoadMapping(strings.NewReader(`{"time_zone": "+07:00"}`))
	if err != nil || m.loc == nil {
		t.Fatalf("offset zone: %v", err)
	}
	if _, off := time.Date(2025, 1, 1, 0, 0, 0, 0, m.loc).Zone(); off != 7*3600 {
		t.Errorf("offset %d", off)
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name, in string
		m        string
		want     string // the error, or "" for none
	}{
		{"unknown column", "external_ref,origin,received_at,scam_type,phone,email\n", "",
			`h.csv:1: phone: unknown column (a mapping file can map it to a field or ignore it with "-"; the fields are ` + strings.Join(Columns, ", ") + `); other unknown columns: email`},
		{"after a BOM and blank lines", "\ufeff\n\nexternal_ref,origin,received_at,scam_type,Phone\n", "", "h.csv:3: Phone: unknown column"},
		{"ignored by mapping", "external_ref,origin,received_at,scam_type,phone\n", `{"columns":{"PHONE":"-"}}`, ""},
		{"case of names", "External_Ref, ORIGIN ,received_at,Scam_Type\n", "", ""},
		{"duplicate", "external_ref,origin,received_at,scam_type,Origin\n", "", "h.csv:1: Origin: gives origin, as column 'origin' does already"},
		{"two selectors columns", "external_ref,origin,received_at,scam_type,selectors,wallet\n", `{"columns":{"wallet":"selectors"}}`, ""},
		{"missing required", "external_ref,received_at,scam_type\n", "", "h.csv:1: origin: no column gives it (add the column, or map one to it in a mapping file)"},
		{"required by default", "external_ref,received_at,scam_type\n", `{"defaults":{"origin":"KNPA"}}`, ""},
		{"losses column", "external_ref,origin,received_at,scam_type,losses\n", "", "h.csv:1: losses: unknown column"},
		{"empty file", "", "", "h.csv:1: the file is empty (a CSV file starts with a header line)"},
		{"invalid UTF-8 name", "external_ref,origin,received_at,scam_type,\xff\n", "", "h.csv:1: column 5: name is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m *Mapping
			if tt.m != "" {
				var err error
				if m, err = LoadMapping(strings.NewReader(tt.m)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := NewReader("h.csv", strings.NewReader(tt.in), CSV, m)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
			if _, ok := err.(*RowError); err != nil && !ok {
				t.Errorf("%T, want *RowError", err)
			}
		})
	}
}

func TestUnnamedColumn(t *testing.T) {
	in := "external_ref,origin,received_at,scam_type,\n" +
		"R-1,O,2025-01-01T00:00:00Z,other,\n" +
		"R-2,O,2025-01-01T00:00:00Z,other,surprise\n"
	res, err := readAll(t, "u.csv", in, CSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2:R-1", "3!column 5: the column has no name in the header but holds a value here"}
	if got := outline(res); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestFormatDetection(t *testing.T) {
	csvIn := "external_ref\torigin\treceived_at\tscam_type\nR\tO\t2025-01-01T00:00:00Z\tother\n"
	jsonIn := `{"external_ref":"R","origin":"O","received_at":"2025-01-01T00:00:00Z","scam_type":"other"}`
	tests := []struct {
		name, in string
		f        Format
		want     Format
	}{
		{"t.tsv", csvIn, Auto, CSV},
		{"t.JSONL", jsonIn, Auto, JSONL},
		{"t.ndjson", jsonIn, Auto, JSONL},
		{"t.txt", "\n  " + jsonIn, Auto, JSONL},
		{"t.txt", " [" + jsonIn + "]", Auto, JSONL},
		{"-", strings.ReplaceAll(csvIn, "\t", ","), Auto, CSV},
		{"t.json", jsonIn, CSV, CSV},
	}
	for _, tt := range tests {
		rd, err := NewReader(tt.name, strings.NewReader(tt.in), tt.f, nil)
		if err != nil {
			if tt.f == CSV {
				continue // a JSON object read as CSV has no valid header
			}
			t.Fatalf("%s: %v", tt.name, err)
		}
		if rd.Format() != tt.want {
			t.Errorf("%s: format %q, want %q", tt.name, rd.Format(), tt.want)
		}
		res, err := drain(rd)
		if err != nil || len(res) != 1 || res[0].rec == nil || res[0].rec.ExternalRef != "R" {
			t.Errorf("%s: %v %v", tt.name, outline(res), err)
		}
	}
	for _, s := range []string{"auto", "CSV", "tsv", "jsonl", "ndjson", "json"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) accepted")
	}
}
