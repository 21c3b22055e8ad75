// Package storetest is the storage suite that every driver of store.Store
// passes: the SQLite and PostgreSQL drivers run the same tests, so that the
// services see one behaviour whichever database sits below them.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"counterscam/internal/store"
)

// Run runs the whole suite. open must return a fresh, empty store for each
// test; Run closes it when the test ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"ReportRoundTrip", testReportRoundTrip},
		{"TimeRoundTrip", testTimeRoundTrip},
		{"Dedupe", testDedupe},
		{"EmptyExternalRefNeverDedupes", testEmptyExternalRef},
		{"LargeBatch", testLargeBatch},
		{"ListReports", testListReports},
		{"SelectorCounts", testSelectorCounts},
		{"SelectorFlags", testSelectorFlags},
		{"Contacts", testContacts},
		{"SelectorsByHashPrefix", testHashPrefix},
		{"Networks", testNetworks},
		{"ListNetworksFilters", testListNetworksFilters},
		{"SummariseNetwork", testSummariseNetwork},
		{"NetworkSelectors", testNetworkSelectors},
		{"MergeNetworks", testMergeNetworks},
		{"ReplaceNetworks", testReplaceNetworks},
		{"Edges", testEdges},
		{"NewReports", testNewReports},
		{"AddReportsConflict", testAddReportsConflict},
		{"AddReportsEqualsRefresh", testAddReportsEqualsRefresh},
		{"AddReportsOrphan", testAddReportsOrphan},
		{"Counts", testCounts},
		{"UpdateRollback", testUpdateRollback},
		{"ReadsInsideUpdate", testReadsInsideUpdate},
		{"NotFound", testNotFound},
		{"ScopeMatrix", testScopeMatrix},
		{"ScopeHandCounted", testScopeHandCounted},
		{"ScopeFilters", testScopeFilters},
		{"ScopeDeniedChangesNothing", testScopeDeniedChangesNothing},
		{"BulkReads", testBulkReads},
		{"ListingCandidates", testListingCandidates},
		{"LastAuditSeq", testLastAuditSeq},
		{"Orgs", testOrgs},
		{"Users", testUsers},
		{"Tokens", testTokens},
		{"Sessions", testSessions},
		{"Audit", testAudit},
		{"AuditConcurrent", testAuditConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

// everything is the scope that sees every report: the server's own.
var everything = store.Scope{All: true}

// fullScopes see every report of networkFixture: Scope.All, and a member
// of its main origin that the other origin names as a partner. Reads in
// either must agree, the second computed over the reports in scope.
var fullScopes = []store.Scope{everything, {Member: true, Org: "kr-knpa", PartnerOf: []string{"partner-th"}}}

// base is the day the fixtures' reports start being received.
var base = time.Date(2025, 1, 10, 9, 30, 0, 0, time.UTC)

// day is base plus d days and h hours.
func day(d, h int) time.Time {
	return base.Add(time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour)
}

// rid is the n-th report ID: 26 characters like a ULID, sorting by n.
func rid(n int) string { return fmt.Sprintf("01JH%022d", n) }

var selNS = uuid.MustParse("0b7cb4a4-4f0e-4d3c-9c53-7bd2c1c0a001")

// sel is a selector named by a report, its ID made like the selector
// package's (UUIDv5 of kind and value).
func sel(kind, value, role string) store.ReportSelector {
	return store.ReportSelector{
		SelectorID: selID(kind, value), Kind: kind, Value: value,
		Display: value, Role: role, Source: "field", Raw: value,
	}
}

func selID(kind, value string) string { return uuid.NewSHA1(selNS, []byte(kind+":"+value)).String() }

// report is a report with the fields the network tests care about.
func report(n int, origin, ref string, at time.Time, sels ...store.ReportSelector) *store.Report {
	return &store.Report{
		ID: rid(n), Origin: origin, ExternalRef: ref, Channel: "import", ReceivedAt: at,
		ScamType: "romance", VictimCountry: "KR", TLP: store.TLPAmber, Selectors: sels,
		CreatedAt: at.Add(time.Minute),
	}
}

func insert(t *testing.T, s store.Store, reports ...*store.Report) []bool {
	t.Helper()
	var inserted []bool
	err := s.Update(t.Context(), func(w store.Writer) error {
		var err error
		inserted, err = w.InsertReports(t.Context(), reports)
		return err
	})
	if err != nil {
		t.Fatalf("InsertReports: %v", err)
	}
	if len(inserted) != len(reports) {
		t.Fatalf("InsertReports returned %d flags for %d reports", len(inserted), len(reports))
	}
	return inserted
}

func update(t *testing.T, s store.Store, fn func(ctx context.Context, w store.Writer) error) {
	t.Helper()
	if err := s.Update(t.Context(), func(w store.Writer) error { return fn(t.Context(), w) }); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func getReport(t *testing.T, s store.Reader, id string) *store.Report {
	t.Helper()
	r, err := s.GetReport(t.Context(), id)
	if err != nil {
		t.Fatalf("GetReport(%s): %v", id, err)
	}
	return r
}

func getSelector(t *testing.T, s store.Reader, id string) *store.Selector {
	t.Helper()
	x, err := s.GetSelector(t.Context(), id)
	if err != nil {
		t.Fatalf("GetSelector(%s): %v", id, err)
	}
	return x
}

func getNetwork(t *testing.T, s store.Reader, id string) *store.Network {
	t.Helper()
	n, err := s.GetNetwork(t.Context(), id)
	if err != nil {
		t.Fatalf("GetNetwork(%s): %v", id, err)
	}
	return n
}

func counts(t *testing.T, s store.Reader) store.Counts {
	t.Helper()
	c, err := s.Counts(t.Context(), everything)
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

func wantNotFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("%s: err = %v, want store.ErrNotFound", what, err)
	}
}

func wantEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

func wantTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
	if !got.IsZero() && got.Location() != time.UTC {
		t.Errorf("%s is in %v, want UTC", what, got.Location())
	}
}
