package intake

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"counterscam/internal/store"
)

// outline describes results as "line:external_ref" or "line!field: reason".
func outline(res []result) []string {
	var out []string
	for _, r := range res {
		if r.err != nil {
			f := r.err.Field
			if f != "" {
				f += ": "
			}
			out = append(out, strconv.Itoa(r.err.Line)+"!"+f+r.err.Reason)
		} else {
			out = append(out, strconv.Itoa(r.rec.Line)+":"+r.rec.ExternalRef)
		}
	}
	return out
}

func TestJSONLines(t *testing.T) {
	in := `{"external_ref":"J-1","origin":"CNP","received_at":"2025-04-02T08:00:00+07:00","scam_type":"loan","victim_country":"KH","losses":[{"amount":1234.56,"currency":"USD"},{"amount":"400000","currency":"khr"}],"selectors":["+855 12 345 678",{"value":"ABA 001 234 567","role":"paid_to","kind":"bank_account"}],"tlp":null,"contact_consent":true,"contact_name":"Sok"}` + "\n" +
		"\n" +
		`{"external_ref":"J-2","origin":"CNP","received_at":"2025-04-02T08:00:00Z","scam_type":"loan","unknown":1}` + "\n" +
		`{"external_ref":"J-3", broken` + "\n" +
		`   ` + "\n" +
		`{"external_ref":4,"origin":"CNP","received_at":"2025-04-02T08:00:00Z","scam_type":"other","loss_amount":10,"loss_currency":"USD","selectors":"a; b"}` + "\r\n" +
		`["not an object"]` + "\n" +
		`{"external_ref":"J-5","origin":{"name":"x"},"received_at":"2025-04-02T08:00:00Z","scam_type":"other"}` + "\n" +
		`{"external_ref":"J-6","origin":"CNP","received_at":"2025-04-02T08:00:00Z","scam_type":"other","selectors":[{"value":"x","colour":"red"}]}` + "\n" +
		`{"external_ref":"J-7","origin":"CNP","received_at":"2025-04-02T08:00:00Z","scam_type":"other","losses":[{"amount":1.5e3,"currency":"USD"}]}` + "\n" +
		`{"external_ref":"J-8","origin":"CNP","received_at":"2025-04-02T08:00:00Z","scam_type":"other","narrative":"caf` + "\xe9" + `"}`
	res, err := readAll(t, "in.jsonl", in, Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1:J-1",
		"3!unknown: unknown key (a mapping file can map it to a field or ignore it with \"-\")",
		"4!is not valid JSON: invalid character 'b' looking for beginning of object key string",
		"6:4",
		"7!is not a JSON object",
		"8!origin: must be a string, number or boolean",
		"9!selectors: [0] has the unknown key 'colour' (a selector object has value and optional role and kind)",
		"10!losses: [0]: amount '1.5e3': write the amount without an exponent",
		"11!narrative: is not valid UTF-8",
	}
	if got := outline(res); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r1 := res[0].rec
	if !reflect.DeepEqual(r1.Losses, []store.Loss{{AmountMinor: 123456, Currency: "USD"}, {AmountMinor: 40000000, Currency: "KHR"}}) {
		t.Errorf("losses %+v", r1.Losses)
	}
	if !reflect.DeepEqual(r1.Selectors, []RawSelector{{Value: "+855 12 345 678"}, {Value: "ABA 001 234 567", Role: "paid_to", Kind: "bank_account"}}) {
		t.Errorf("selectors %+v", r1.Selectors)
	}
	if r1.TLP != "AMBER" || r1.Contact == nil || !r1.Contact.Consent || r1.Contact.Name != "Sok" || r1.ReceivedAt.Hour() != 1 {
		t.Errorf("record %+v", r1)
	}
	r6 := res[3].rec
	if r6.ExternalRef != "4" || r6.Losses[0].AmountMinor != 1000 || len(r6.Selectors) != 2 || r6.Selectors[1].Value != "b" {
		t.Errorf("record %+v", r6)
	}
}

func TestJSONArray(t *testing.T) {
	in := "\ufeff[\n" +
		"  {\"external_ref\": \"A-1\", \"origin\": \"KNPA\",\n   \"received_at\": \"2025-01-01T00:00:00Z\", \"scam_type\": \"romance\",\n   \"narrative\": \"brackets ] } in \\\" a string\"},\n" +
		"  {\"external_ref\": \"A-2\", \"origin\": \"KNPA\", \"received_at\": \"bad\", \"scam_type\": \"romance\"},\n" +
		"  42,\n" +
		"  {\"external_ref\": \"A-3\", \"origin\": \"KNPA\", \"received_at\": \"2025-01-01T00:00:00Z\", \"scam_type\": \"romance\", \"selectors\": [[1]]}\n" +
		"]\n"
	rd, err := NewReader("in.json", strings.NewReader(in), Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := drain(rd)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2:A-1",
		"5!received_at: 'bad' is not an RFC 3339 time (such as 2025-03-01T14:30:00+09:00)",
		"6!is not a JSON object",
		"7!selectors: [0] must be a string or an object with value and optional role and kind",
	}
	if got := outline(res); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res[0].rec.Narrative != `brackets ] } in " a string` {
		t.Errorf("narrative %q", res[0].rec.Narrative)
	}
	if rd.Offset() != int64(len(in)) {
		t.Errorf("offset %d, want %d", rd.Offset(), len(in))
	}
}

func TestJSONArrayBroken(t *testing.T) {
	ok := `{"external_ref":"A","origin":"O","received_at":"2025-01-01T00:00:00Z","scam_type":"other"}`
	tests := []struct{ in, want string }{
		{"[" + ok + ",", "a.json:1: the JSON array is not closed (] is missing)"},
		{"[" + ok + ",]", "a.json:1: a comma before ] is not allowed in JSON"},
		{"[" + ok + "] x", "a.json:1: unexpected 'x' after the end of the JSON array"},
		{"[" + ok + " " + ok + "]", "a.json:1: expected , or ] between array elements, found '{'"},
		{"[\n{\"a\":[}]", "a.json:2: broken JSON: unexpected '}' (a JSON array cannot be resumed after this; JSON Lines can)"},
		{"[\n{\"a\":\n\"open", "a.json:2: the array element starting here is not closed"},
		{"[" + strings.Repeat("[", maxDepth+1), "a.json:1: JSON nested deeper than 512 levels"},
	}
	for _, tt := range tests {
		rd, err := NewReader("a.json", strings.NewReader(tt.in), JSONL, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := drain(rd)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: got %v (after %v), want %s", tt.in, err, outline(res), tt.want)
		}
		if _, again := rd.Next(); again != err {
			t.Errorf("Next after a fatal error returned %v", again)
		}
	}
}

// TestJSONLinesOfTheExport reads what counterscam's JSON Lines export
// writes: its report and network IDs are the exporting server's, its
// losses are in minor units and its selectors say where they were found.
func TestJSONLinesOfTheExport(t *testing.T) {
	const head = `{"id":"01M8F48EDND1F5WQT6307HNKYZ","network_id":"01M8F48EDND1F5WQT6307HNKYZ","origin":"CNP","received_at":"2025-01-03T03:57:51Z","scam_type":"loan","channel":"import","tlp":"AMBER",`
	in := head + `"external_ref":"E-1","losses":[{"amount_minor":148300,"currency":"USD"},{"amount_minor":5,"currency":"BTC"},{"amount_minor":"70000","currency":"KRW"}],` +
		`"selectors":[{"id":"914bee06-b766-5d01-98cf-91ff65452f0c","kind":"url","value":"https://goldenloan91.cc/","display":"https://goldenloan91.cc/","role":"website","source":"field"},` +
		`{"id":"914bee06-b766-5d01-98cf-91ff65452f0c","kind":"url","value":"https://goldenloan91.cc/","display":"https://goldenloan91.cc/","role":"mentioned","source":"narrative"}]}` + "\n" +
		head + `"external_ref":"E-2","losses":[{"amount_minor":1.5,"currency":"USD"}]}` + "\n" +
		head + `"external_ref":"E-3","losses":[{"amount_minor":-100,"currency":"USD"}]}` + "\n" +
		head + `"external_ref":"E-4","losses":[{"amount":"1","amount_minor":100,"currency":"USD"}]}` + "\n" +
		head + `"external_ref":"E-5","losses":[{"amount_minor":99999999999999999999,"currency":"USD"}]}` + "\n" +
		head + `"external_ref":"E-6","losses":[{"amount_minor":100,"currency":"XYZ"}]}` + "\n"
	res, err := readAll(t, "export.jsonl", in, JSONL, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1:E-1",
		"2!losses: [0]: amount_minor '1.5' is not a whole number of minor units",
		"3!losses: [0]: amount_minor '-100' is not a whole number of minor units",
		"4!losses: [0] must give amount or amount_minor, not both",
		"5!losses: [0]: amount_minor '99999999999999999999' is too large",
		"6!losses: [0]: currency 'XYZ' is not an ISO 4217 code (or USDT, USDC, BTC, ETH, TRX)",
	}
	if got := outline(res); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r := res[0].rec
	if !reflect.DeepEqual(r.Losses, []store.Loss{{AmountMinor: 148300, Currency: "USD"}, {AmountMinor: 5, Currency: "BTC"}, {AmountMinor: 70000, Currency: "KRW"}}) {
		t.Errorf("losses %+v", r.Losses)
	}
	// The selector found in the narrative is found there again: only the
	// one given in a field is read.
	if !reflect.DeepEqual(r.Selectors, []RawSelector{{Value: "https://goldenloan91.cc/", Role: "website", Kind: "url"}}) {
		t.Errorf("selectors %+v", r.Selectors)
	}
}
