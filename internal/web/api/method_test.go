package api

import (
	"net/http"
	"strings"
	"testing"
)

// TestWrongMethodIs405: a served path asked with another method answers
// 405 with the methods it takes in Allow (GET also taking HEAD), not 404
// "no such endpoint", so a client that sent GET to the check learns to
// POST; a path nobody serves stays 404.
func TestWrongMethodIs405(t *testing.T) {
	srv := newTestServer(t, Options{})
	cases := []struct {
		method, path string
		code         int
		allow, want  string
	}{
		{"GET", "/api/v1/check", 405, "POST", "use POST"},
		{"PUT", "/api/v1/check/batch", 405, "POST", "use POST"},
		{"POST", "/api/v1/range/abcde", 405, "GET, HEAD", "use GET"},
		{"GET", "/api/v1/screen", 405, "POST", "use POST"},
		{"DELETE", "/api/v1/reports", 405, "GET, HEAD, POST", "use GET or POST"},
		{"GET", "/api/v1/nothing", 404, "", "no such endpoint"},
		{"GET", "/api/v1/range/", 404, "", "no such endpoint"},
	}
	for _, tc := range cases {
		code, body, hdr := doAs(t, srv, "", exchange{method: tc.method, path: tc.path})
		if code != tc.code || hdr.Get("Allow") != tc.allow || !strings.Contains(string(body), tc.want) {
			t.Errorf("%s %s: %d, Allow %q, %s; want %d, Allow %q, containing %q", tc.method, tc.path, code, hdr.Get("Allow"), body, tc.code, tc.allow, tc.want)
		}
		if ct := hdr.Get("Content-Type"); code != http.StatusOK && !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s %s: Content-Type %q", tc.method, tc.path, ct)
		}
	}
}
