package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
)

// The check answers are the API's hottest output (a thousand of them in a
// bulk answer), so they are written by hand rather than by reflection.
// They are byte for byte what encoding/json writes for checkResponse
// (check_json_test.go holds them to it): the same fields in the same
// order, strings escaped the same way, HTML characters included.

// appendCheck appends r as JSON.
func appendCheck(b []byte, r *intel.CheckResult) []byte {
	b = append(b, `{"query":`...)
	b = appendString(b, r.Query)
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	if r.Reason != "" {
		b = append(b, `,"reason":`...)
		b = appendString(b, r.Reason)
	}
	if r.Code != "" {
		b = append(b, `,"code":`...)
		b = appendString(b, string(r.Code))
	}
	b = append(b, `,"reports":`...)
	b = strconv.AppendInt(b, int64(r.Reports), 10)
	b = append(b, `,"sources":`...)
	b = strconv.AppendInt(b, int64(r.Sources), 10)
	if !r.FirstSeen.IsZero() {
		b = append(b, `,"first_seen":`...)
		b = appendTime(b, r.FirstSeen)
	}
	if !r.LastSeen.IsZero() {
		b = append(b, `,"last_seen":`...)
		b = appendTime(b, r.LastSeen)
	}
	if len(r.ScamTypes) > 0 {
		b = append(b, `,"scam_types":[`...)
		for i, t := range r.ScamTypes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, t)
		}
		b = append(b, ']')
	}
	if r.NetworkSize != 0 {
		b = append(b, `,"network_size":`...)
		b = strconv.AppendInt(b, int64(r.NetworkSize), 10)
	}
	if r.ListedAs != "" {
		b = append(b, `,"listed_as":`...)
		b = appendString(b, r.ListedAs)
	}
	b = append(b, `,"advice":`...)
	b = appendString(b, r.Advice)
	if len(r.Accounts) > 0 {
		b = append(b, `,"accounts":[`...)
		for i := range r.Accounts {
			a := &r.Accounts[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"bank":`...)
			b = appendString(b, a.Bank)
			b = append(b, `,"reports":`...)
			b = strconv.AppendInt(b, int64(a.Reports), 10)
			b = append(b, `,"sources":`...)
			b = strconv.AppendInt(b, int64(a.Sources), 10)
			b = append(b, `,"selector":`...)
			b = appendSelector(b, &a.Selector, a.ID)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"selector":`...)
	if s := r.Selector; s == nil {
		b = append(b, "null"...)
	} else {
		b = appendSelector(b, s, r.SelectorID())
	}
	return append(b, '}')
}

// appendSelector appends a checked selector: its kind, value, display
// form and ID.
func appendSelector(b []byte, s *selector.Selector, id string) []byte {
	b = append(b, `{"kind":`...)
	b = appendString(b, string(s.Kind))
	b = append(b, `,"value":`...)
	b = appendString(b, s.Value)
	b = append(b, `,"display":`...)
	b = appendString(b, s.Display)
	b = append(b, `,"id":`...)
	b = appendString(b, id)
	return append(b, '}')
}

// appendTime appends t as encoding/json does (RFC 3339 with nanoseconds),
// falling back to it for years RFC 3339 cannot write.
func appendTime(b []byte, t time.Time) []byte {
	if y := t.Year(); y < 0 || y > 9999 {
		j, err := json.Marshal(t)
		if err != nil {
			return append(b, "null"...)
		}
		return append(b, j...)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendString appends s quoted. Plain ASCII without quotes, backslashes,
// control or HTML characters is copied; anything else is left to
// encoding/json, which escapes HTML characters and U+2028/U+2029 and
// replaces invalid UTF-8.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s) // a string always marshals
			return append(b, j...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// The check answers' fixed header values, shared by every answer (net/http
// copies them when it sends the header), so that an answer allocates none.
var (
	jsonContentType = []string{"application/json; charset=utf-8"}
	noSniff         = []string{"nosniff"}
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// writeChecks writes one answer (batch false) or a bulk answer
// {"results": [...]} with status 200, as writeJSON would.
func writeChecks(w http.ResponseWriter, rs []*intel.CheckResult, batch bool) {
	bp := bufPool.Get().(*[]byte)
	b := (*bp)[:0]
	if batch {
		b = append(b, `{"results":[`...)
	}
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCheck(b, r)
	}
	if batch {
		b = append(b, "]}"...)
	}
	b = append(b, '\n')
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["X-Content-Type-Options"] = noSniff
	if len(b) >= 1024 {
		// net/http counts a smaller answer itself (it is sent whole when
		// the handler returns); a larger one would be sent in chunks.
		h.Set("Content-Length", strconv.Itoa(len(b)))
	}
	w.WriteHeader(http.StatusOK)
	w.Write(b)
	if cap(b) <= 1<<20 {
		*bp = b
		bufPool.Put(bp)
	}
}
