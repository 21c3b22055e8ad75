package api

import (
	"bytes"
	"encoding/json"
	"testing"
)

// strictDecode is what encoding/json makes of a check body, as readJSON
// decodes it.
func strictDecode(b []byte) (checkRequest, bool) {
	var req checkRequest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil || dec.More() {
		return req, false
	}
	return req, true
}

var checkBodySeeds = []string{
	`{"query":"010-1234-5678","region":"KR"}`,
	` { "query" : "+82 10 1234 5678" } `,
	"{\"region\":\"kh\",\n\t\"query\":\"t.me/handle\"}\r\n",
	`{"query":"KB국민은행 123456-78-901234"}`,
	`{"query":"a","query":"b"}`,
	`{}`,
	`{"query":"a\"b"}`,
	`{"query":"a\\b"}`,
	`{"query":"\u00e9"}`,
	`{"Query":"x"}`,
	`{"query":"x","extra":1}`,
	`{"query":1}`,
	`{"query":"x"} {}`,
	`{"query":"x",}`,
	`{"query":"x"`,
	`{"query":"x"}]`,
	"{\"query\":\"\xff\"}",
	"{\"query\":\"a\tb\"}",
	`[]`,
	``,
	`{"region":null,"query":"x"}`,
}

// TestDecodeCheckFast: the fast path takes the usual bodies, gives what
// encoding/json gives, and leaves every unusual body to it.
func TestDecodeCheckFast(t *testing.T) {
	for _, c := range []struct {
		body string
		ok   bool
		want checkRequest
	}{
		{`{"query":"010-1234-5678","region":"KR"}`, true, checkRequest{Query: "010-1234-5678", Region: "KR"}},
		{" { \"query\" : \"+82 10 1234 5678\" }\n", true, checkRequest{Query: "+82 10 1234 5678"}},
		{`{"query":"KB국민은행 1","query":"b"}`, true, checkRequest{Query: "b"}},
		{`{}`, true, checkRequest{}},
		{`{"query":"a\"b"}`, false, checkRequest{}},
		{`{"Query":"x"}`, false, checkRequest{}},
		{`{"query":"x","extra":"y"}`, false, checkRequest{}},
		{`{"query":"x"} {}`, false, checkRequest{}},
		{"{\"query\":\"\xff\"}", false, checkRequest{}},
		{`{"query":"x",}`, false, checkRequest{}},
	} {
		got, ok := decodeCheckFast([]byte(c.body))
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("%q: %+v, %v; want %+v, %v", c.body, got, ok, c.want, c.ok)
		}
		if ok {
			if strict, sok := strictDecode([]byte(c.body)); !sok || strict != got {
				t.Errorf("%q: encoding/json gives %+v, %v", c.body, strict, sok)
			}
		}
	}
}

// FuzzDecodeCheckFast: whatever the body, the fast path takes it only if
// encoding/json takes it too, with the same request.
func FuzzDecodeCheckFast(f *testing.F) {
	for _, s := range checkBodySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := decodeCheckFast(b)
		if !ok {
			return
		}
		want, wok := strictDecode(b)
		if !wok || got != want {
			t.Fatalf("%q: fast %+v; encoding/json %+v, %v", b, got, want, wok)
		}
	})
}
