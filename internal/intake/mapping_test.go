package intake

import (
	"errors"
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

// TestLoadMappingErrors: each kind of mistake in a mapping file is a
// *MappingError with its code, the line, the setting and name at fault,
// the offending value and what would be accepted; its English text (what
// the import command prints) says the same. The cases cover every code.
// TestMappingWithByteOrderMark: a mapping saved by an editor that begins
// files with a UTF-8 byte-order mark loads as the same mapping, and a
// mistake in it is still found on its line.
func TestMappingWithByteOrderMark(t *testing.T) {
	m, err := LoadMapping(strings.NewReader("\xef\xbb\xbf" + knpaMapping))
	if err != nil {
		t.Fatalf("with a byte-order mark: %v", err)
	}
	plain, err := LoadMapping(strings.NewReader(knpaMapping))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, plain) {
		t.Errorf("with a byte-order mark the mapping differs:\n got %+v\nwant %+v", m, plain)
	}
	_, err = LoadMapping(strings.NewReader("\xef\xbb\xbf{\n  \"time_zone\": \"Mars/Olympus\"\n}"))
	var me *MappingError
	if !errors.As(err, &me) || me.Line != 2 {
		t.Errorf("a bad time zone after a byte-order mark: %v, want a MappingError on line 2", err)
	}
}

func TestLoadMappingErrors(t *testing.T) {
	type want struct {
		code             MappingCode
		line             int
		key, name, value string
		accepted, text   string // accepted: a part of it
	}
	tests := []struct {
		in string
		want
	}{
		{"  \n", want{MapEmpty, 1, "", "", "", "", "the file holds nothing"}},
		{"{\n  \"columns\": {\n    \"a\": \"origin\"\n  ,,}\n}", want{MapSyntax, 4, "", "", "", "", "invalid character ','"}},
		{"{\"columns\": {\n\"a\": \"origin\"", want{MapTruncated, 2, "", "", "", "", "mapping: line 2: unexpected EOF"}},
		{"{\"columns\": {\"a\": \"ori", want{MapTruncated, 1, "", "", "", "", "unexpected EOF"}},
		// A final line break: the fault is on the last line with something on it.
		{"{\n  \"columns\": {\n    \"a\": \"origin\"\n\n", want{MapTruncated, 3, "", "", "", "", "mapping: line 3: unexpected EOF"}},
		{"{}\n\n{}", want{MapTrailing, 3, "", "", "", "", "more after the mapping's closing }"}},
		{"\n[\"columns\"]", want{MapNotObject, 2, "", "", "", "", "one JSON object"}},
		{"{\n\"colums\": {}}", want{MapUnknownKey, 2, "colums", "", "", "columns, defaults, values", `unknown field "colums"`}},
		{"{\"delimiter\": \";\",\n \"delimiter\": \",\"}", want{MapDuplicateKey, 2, "", "delimiter", "", "", `"delimiter" is given twice`}},
		{"{\"columns\": {\"A\": \"origin\",\n \"a \": \"origin\"}}", want{MapDuplicateColumn, 2, "columns", "a ", "", "", `columns: "a " is given twice (names of columns are compared without regard to case`}},
		{"{\"columns\": {\"A\": \"origin\",\n \"A\": \"origin\"}}", want{MapDuplicateKey, 2, "columns", "A", "", "", `columns: "A" is given twice`}},
		{"{\"delimiter\":\n 9}", want{MapWantText, 2, "delimiter", "", "", "", "delimiter: want a string"}},
		{"{\"defaults\": {\"tlp\":\n true}}", want{MapWantText, 2, "defaults", "tlp", "", "", `defaults: "tlp": want a string`}},
		{"{\"values\": {\"scam_type\": {\"x\": 1}}}", want{MapWantText, 1, "values", "scam_type", "", "", `values: "scam_type": want a string`}},
		{"{\n\n\"columns\": [\"a\"]}", want{MapWantObject, 3, "columns", "", "", "", "columns: want an object"}},
		{"{\"values\": {\"scam_type\": \"romance\"}}", want{MapWantObject, 1, "values", "scam_type", "", "", `values: "scam_type": want an object`}},
		{"{\"columns\": {\"a\": 3}}", want{MapWantTarget, 1, "columns", "a", "", "", `a column's target is a field name or {"field", "kind", "role"}`}},
		{"{\"columns\": {\"a\": {\"field\": [\"selectors\"]}}}", want{MapWantTarget, 1, "columns", "a", "", "", `columns: "a": a column's target`}},
		{"{\"columns\": {\"a\": {\"field\": \"selectors\",\n \"colour\": \"x\"}}}", want{MapUnknownTargetKey, 2, "columns", "a", "colour", "field, kind, role", `unknown field "colour"`}},
		{"{\"columns\": {\n\"b\": \"origin\",\n\"a\": \"nonsense\"}}", want{MapUnknownField, 3, "columns", "a", "nonsense", "external_ref, origin", `columns: "a": unknown field "nonsense"`}},
		{"{\"columns\": {\"a\": {\"field\": \"origin\", \"kind\": \"phone\"}}}", want{MapKindNotSelectors, 1, "columns", "a", "", "", `kind and role apply only to "selectors"`}},
		{"{\"columns\": {\"a\": {\"field\": \"selectors\", \"kind\": \"telepathy\"}}}", want{MapUnknownKind, 1, "columns", "a", "telepathy", "phone, email, url", `unknown selector kind "telepathy"`}},
		{"{\"columns\": {\"a\": {\"field\": \"selectors\", \"role\": \"Paid To\"}}}", want{MapBadRole, 1, "columns", "a", "paid to", "paid_to", `role 'paid to': use lower-case letters`}},
		{"{\"delimiter\": \";\",\n\"time_zone\": \"Mars/Olympus\"}", want{MapBadTimeZone, 2, "time_zone", "", "Mars/Olympus", "Asia/Seoul", `time_zone "Mars/Olympus": use an IANA zone`}},
		{"{\"delimiter\": \"::\"}", want{MapBadDelimiter, 1, "delimiter", "", "::", `";"`, `delimiter "::"`}},
		{"{\"selector_separator\": \"\\n\"}", want{MapBadSelectorSep, 1, "selector_separator", "", "\n", `"/"`, "cannot hold a line break"}},
		{"{\"thousands_separator\": \".\"}", want{MapBadThousandsSep, 1, "thousands_separator", "", ".", `","`, "would change amounts"}},
		{"{\"values\": {\"narrative\": {}}}", want{MapNoValues, 1, "values", "narrative", "", "scam_type", `values: "narrative" is not a field`}},
		{"{\"defaults\": {\"origin\": \"X\",\n\"external_ref\": \"x\"}}", want{MapNoDefault, 2, "defaults", "external_ref", "", "origin", `defaults: "external_ref" cannot have a default`}},
		{"{\"defaults\": {\n\"tlp\": \"PINK\"}}", want{MapBadDefault, 2, "defaults", "tlp", "PINK", "AMBER+STRICT", `defaults: tlp: 'PINK' is not a TLP label`}},
		{"{\"defaults\": {\"victim_country\": \"Korea\"}}", want{MapBadDefault, 1, "defaults", "victim_country", "Korea", "KR", `'Korea' is not an ISO 3166-1`}},
		{"{\"time_format\": \"2006.01.02\", \"defaults\": {\"received_at\": \"soon\"}}", want{MapBadDefault, 1, "defaults", "received_at", "soon", "2006.01.02, 2025-03-01T14:30:00+09:00", "matches neither time_format"}},
		{"{\"defaults\": {\"origin\": \"" + strings.Repeat("x", 129) + "\"}}", want{MapDefaultTooLong, 1, "defaults", "origin", "", "128", "defaults: origin: is longer than 128 bytes"}},
		{"{\"defaults\": {\"origin\": \"K\\tNPA\"}}", want{MapDefaultControl, 1, "defaults", "origin", "U+0009", "", "defaults: origin: holds the control character U+0009"}},
	}
	seen := map[MappingCode]bool{}
	for _, tt := range tests {
		_, err := LoadMapping(strings.NewReader(tt.in))
		var me *MappingError
		if !errors.As(err, &me) {
			t.Errorf("%q: got %v (%T), want a *MappingError", tt.in, err, err)
			continue
		}
		seen[me.Code] = true
		got := want{me.Code, me.Line, me.Key, me.Name, me.Value, me.Accepted, err.Error()}
		if got.code != tt.code || got.line != tt.line || got.key != tt.key || got.name != tt.name || got.value != tt.value ||
			!strings.Contains(got.accepted, tt.accepted) || (tt.accepted == "") != (got.accepted == "") ||
			!strings.Contains(got.text, tt.text) || !strings.HasPrefix(got.text, "mapping: line ") {
			t.Errorf("%q:\ngot  %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	for _, c := range MappingCodes {
		if !seen[c] && c != MapTooBig {
			t.Errorf("no case gives %s", c)
		}
	}
	_, err := LoadMapping(strings.NewReader(`{"time_format": "` + strings.Repeat(" ", MaxMappingBytes) + `"}`))
	if me, ok := err.(*MappingError); !ok || me.Code != MapTooBig || err.Error() != "mapping: the file is larger than 1024 KiB" {
		t.Errorf("a file over the bound: %v", err)
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
