package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestPermissionMatrix creates one report at every TLP label in KNPA (whose
// partner is CNP), all linked through one shared wallet, and checks every
// read path for every kind of viewer: that allowed is allowed, denied is
// denied, and a denied report changes no count the viewer sees.
func TestPermissionMatrix(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1e6})
	const wallet = "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"
	labels := []string{"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}
	ids := map[string]string{}
	for i, tlp := range labels {
		body := fmt.Sprintf(`{"external_ref":"m-%d","origin":"ignored","received_at":"2025-06-0%dT00:00:00Z","scam_type":"romance","victim_country":"KR","selectors":"%s;+82 10-5555-01%02d","tlp":%q}`, i, i+1, wallet, i, tlp)
		code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body})
		var r struct{ ID, NetworkID string }
		json.Unmarshal(b, &r)
		if code != http.StatusCreated {
			t.Fatalf("creating the %s report: %d %s", tlp, code, b)
		}
		ids[tlp] = r.ID
	}
	netID := ids["CLEAR"] // the oldest report names the network
	viewers := []struct {
		name    string
		token   string
		sees    []string // labels whose report the viewer may read
		reports bool     // the role reads reports and networks at all
	}{
		{"public", "", []string{"CLEAR"}, false},
		{"KNPA analyst (origin, creator)", srv.tokens["a@knpa.test"], labels, true},
		{"KNPA admin (origin)", srv.tokens["admin@knpa.test"], []string{"CLEAR", "GREEN", "AMBER", "AMBER+STRICT"}, true},
		{"CNP analyst (partner)", srv.tokens["a@cnp.test"], []string{"CLEAR", "GREEN", "AMBER"}, true},
		{"RTP analyst (other)", srv.tokens["a@rtp.test"], []string{"CLEAR", "GREEN"}, true},
		{"bank (partner role)", srv.tokens["s@bank.test"], nil, false},
	}
	for _, v := range viewers {
		t.Run(v.name, func(t *testing.T) {
			// Reading each report by ID: 200 or the very answer a missing ID gets.
			_, missing, _ := doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/reports/01ARZ3NDEKTSV4RRFFQ69G5FAV"})
			for _, tlp := range labels {
				code, body, _ := doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/reports/" + ids[tlp]})
				want := v.reports && slices.Contains(v.sees, tlp)
				switch {
				case v.token == "" && code != http.StatusUnauthorized:
					t.Errorf("GET %s report without a token: %d", tlp, code)
				case v.token != "" && want && code != http.StatusOK:
					t.Errorf("GET %s report: %d %s, want 200", tlp, code, body)
				case v.token != "" && !want && (code != http.StatusNotFound || string(body) != string(missing)):
					t.Errorf("GET %s report: %d %s, want exactly the answer for a missing ID (%s)", tlp, code, body, missing)
				}
			}
			visible := 0
			if v.reports {
				visible = len(v.sees)
			}
			// Totals count only what the viewer may see.
			_, body, _ := doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/stats"})
			var st struct{ Reports int }
			json.Unmarshal(body, &st)
			wantStats := visible
			if v.token == "" || !v.reports {
				wantStats = countCLEAR(v.token == "", v.sees)
			}
			if st.Reports != wantStats {
				t.Errorf("stats: %d reports, want %d (%s)", st.Reports, wantStats, body)
			}
			// The network summary and list are computed over visible reports.
			code, body, _ := doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/networks/" + netID})
			var nw struct{ Reports int }
			json.Unmarshal(body, &nw)
			switch {
			case !v.reports && code != http.StatusUnauthorized && code != http.StatusForbidden:
				t.Errorf("network as %s: %d, want 401 or 403", v.name, code)
			case v.reports && (code != 200 || nw.Reports != visible):
				t.Errorf("network: %d, %d reports, want %d (%s)", code, nw.Reports, visible, body)
			}
			code, body, _ = doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/networks"})
			if v.reports && (code != 200 || !strings.Contains(string(body), fmt.Sprintf(`"reports":%d`, visible))) {
				t.Errorf("network list: %d %s, want a network of %d", code, body, visible)
			}
			// The selector view counts visible reports only.
			sel := selectorID(t, srv, wallet)
			code, body, _ = doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/selectors/" + sel})
			var sv struct{ Reports int }
			json.Unmarshal(body, &sv)
			if v.reports && (code != 200 || sv.Reports != visible) {
				t.Errorf("selector: %d, %d reports, want %d", code, sv.Reports, visible)
			}
			// Search and export return only what the viewer may read.
			code, body, _ = doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/reports?q=" + wallet})
			var found struct{ Reports []struct{ TLP string } }
			json.Unmarshal(body, &found)
			switch {
			case v.reports && (code != 200 || len(found.Reports) != visible):
				t.Errorf("search: %d, %d reports, want %d", code, len(found.Reports), visible)
			case !v.reports && code != http.StatusUnauthorized && code != http.StatusForbidden:
				t.Errorf("search as %s: %d, want 401 or 403", v.name, code)
			}
			code, body, _ = doAs(t, srv, v.token, exchange{method: "GET", path: "/api/v1/export/reports"})
			lines := strings.Count(string(body), "\n")
			switch {
			case v.reports && (code != 200 || lines != visible):
				t.Errorf("export: %d, %d lines, want %d", code, lines, visible)
			case !v.reports && code != http.StatusUnauthorized && code != http.StatusForbidden:
				t.Errorf("export as %s: %d, want 401 or 403", v.name, code)
			}
			// The public check is the same for everyone: CLEAR only.
			_, body, _ = doAs(t, srv, v.token, exchange{method: "POST", path: "/api/v1/check", body: `{"query":"` + wallet + `"}`})
			if !strings.Contains(string(body), `"status":"not_listed","reports":0`) {
				t.Errorf("check: %s, want not listed with no counts (one CLEAR source only)", body)
			}
		})
	}
}

// countCLEAR is what stats show the public (CLEAR only) or a role that
// reads no reports: its scope still counts what TLP lets it see.
func countCLEAR(public bool, sees []string) int {
	if public {
		return 1
	}
	return 2 // a partner-role member of an organisation: CLEAR and GREEN
}

func selectorID(t *testing.T, srv *testServer, value string) string {
	t.Helper()
	_, body, _ := doAs(t, srv, "", exchange{method: "POST", path: "/api/v1/check", body: `{"query":"` + value + `"}`})
	var r struct{ Selector struct{ ID string } }
	json.Unmarshal(body, &r)
	return r.Selector.ID
}
