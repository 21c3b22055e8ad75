package api

import (
	"encoding/json"
	"fmt"
	"slices"
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
