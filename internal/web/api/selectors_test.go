package api

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestSelectorNetworksAreAllAndSorted: a selector's networks are those of
// every report naming it, in a stable order, not those of the first 100
// reports listed in report_list, in map order.
func TestSelectorNetworksAreAllAndSorted(t *testing.T) {
	srv := newTestServer(t, Options{})
	var sel string
	for i := range 103 {
		// t.me is a shared service: it links nothing, so each report is a
		// network of its own.
		body := fmt.Sprintf(`{"external_ref":"n-%d","received_at":"2025-03-01T00:00:00Z","scam_type":"job_lure","selectors":"t.me","tlp":"GREEN"}`, i)
		code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body})
		if code != 201 {
			t.Fatalf("report %d: %d %s", i, code, b)
		}
	}
	_, b, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/reports?q=t.me&limit=1"})
	var found struct {
		Reports []struct {
			Selectors []struct{ ID string } `json:"selectors"`
		} `json:"reports"`
	}
	json.Unmarshal(b, &found)
	if len(found.Reports) == 0 || len(found.Reports[0].Selectors) == 0 {
		t.Fatalf("search: %s", b)
	}
	sel = found.Reports[0].Selectors[0].ID
	var v struct {
		Reports    int      `json:"reports"`
		Networks   []string `json:"networks"`
		ReportList []any    `json:"report_list"`
	}
	_, b, _ = do(t, srv, exchange{method: "GET", path: "/api/v1/selectors/" + sel})
	json.Unmarshal(b, &v)
	if v.Reports != 103 || len(v.Networks) != 103 || !slices.IsSorted(v.Networks) {
		t.Errorf("selector named by 103 reports in 103 networks: reports %d, %d networks, sorted %v", v.Reports, len(v.Networks), slices.IsSorted(v.Networks))
	}
}

// TestSearchReadsNationalNumbers: an analyst searches a number as people
// of their country write it, without the country code, and finds every
// report naming it, however those wrote it.
func TestSearchReadsNationalNumbers(t *testing.T) {
	srv := newTestServer(t, Options{})
	cnp, knpa := srv.tokens["a@cnp.test"], srv.tokens["a@knpa.test"]
	for i, body := range []string{
		`{"external_ref":"c1","received_at":"2025-03-01T00:00:00Z","scam_type":"loan","narrative":"they called","selectors":"+855 12 345 678","tlp":"GREEN"}`,
		`{"external_ref":"c2","received_at":"2025-03-02T00:00:00Z","scam_type":"loan","narrative":"called from 855-12-345-678 again","victim_country":"KH","tlp":"GREEN"}`,
	} {
		if code, b, _ := doAs(t, srv, cnp, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("report %d: %d %s", i, code, b)
		}
	}
	if code, b, _ := doAs(t, srv, knpa, exchange{method: "POST", path: "/api/v1/reports", body: `{"external_ref":"k1","received_at":"2025-03-03T00:00:00Z","scam_type":"romance","narrative":"lover","selectors":"+82 10-2345-6789","tlp":"GREEN"}`}); code != 201 {
		t.Fatalf("KNPA's report: %d %s", code, b)
	}
	count := func(token, q string) int {
		_, b, _ := doAs(t, srv, token, exchange{method: "GET", path: "/api/v1/reports?q=" + url.QueryEscape(q)})
		var res struct{ Reports []any }
		json.Unmarshal(b, &res)
		return len(res.Reports)
	}
	for _, c := range []struct {
		who, token, q string
		want          int
	}{
		{"CNP", cnp, "012 345 678", 2},
		{"CNP", cnp, "+855 12 345 678", 2},
		{"KNPA", knpa, "010-2345-6789", 1},
		{"KNPA", knpa, "lover", 1},
	} {
		if got := count(c.token, c.q); got != c.want {
			t.Errorf("%s searching %q: %d reports; want %d", c.who, c.q, got, c.want)
		}
	}
}

// TestNetworkListParameters: since and until take a date as the networks
// page does (until takes in the whole day), and a cursor that is no
// network of the list is a bad request, not a missing list.
func TestNetworkListParameters(t *testing.T) {
	srv := newTestServer(t, Options{})
	for i, day := range []string{"2025-06-30T23:00:00Z", "2025-07-01T01:00:00Z"} {
		body := fmt.Sprintf(`{"external_ref":"p-%d","received_at":%q,"scam_type":"loan","selectors":"@loan_shark_%d","tlp":"GREEN"}`, i, day, i)
		if code, b, _ := do(t, srv, exchange{method: "POST", path: "/api/v1/reports", body: body}); code != 201 {
			t.Fatalf("report: %d %s", code, b)
		}
	}
	run(t, srv, []exchange{
		{"GET", "/api/v1/networks?until=2025-06-30", "", 200, `"first_seen":"2025-06-30T23:00:00Z"`},
		{"GET", "/api/v1/networks?since=2025-07-01", "", 200, `"first_seen":"2025-07-01T01:00:00Z"`},
		{"GET", "/api/v1/networks?since=2025-31-12", "", 400, "since"},
		{"GET", "/api/v1/networks?after=01ARZ3NDEKTSV4RRFFQ69G5FAV", "", 400, "after"},
	})
	_, b, _ := do(t, srv, exchange{method: "GET", path: "/api/v1/networks?until=2025-06-30"})
	if strings.Count(string(b), `"id"`) != 1 {
		t.Errorf("until a day takes in that day only: %s", b)
	}
}
