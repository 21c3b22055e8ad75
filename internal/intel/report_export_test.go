package intel_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// failingWriter takes n reports, then fails as a connection the client
// dropped does.
type failingWriter struct{ n, took int }

func (w *failingWriter) Report(*store.Report) error {
	if w.took == w.n {
		return errors.New("write: broken pipe")
	}
	w.took++
	return nil
}

func (w *failingWriter) Close() error { return nil }

func exportAudit(t *testing.T, st store.Store) []string {
	t.Helper()
	var got []string
	if err := st.AuditEntries(context.Background(), store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		got = append(got, e.RecordID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestCutShortExportIsAudited: an export whose writer fails after three
// reports, with the request's context cancelled as a client that went away
// cancels it, is in the audit trail with the three reports that left and
// why it stopped; one whose reports were all written but whose writer
// fails at Close is audited as cut short too.
func TestCutShortExportIsAudited(t *testing.T) {
	svc, st := newService(t, intel.Config{})
	for i := range 5 {
		submit(t, svc, report("KNPA", fmt.Sprintf("cut-%d", i), fmt.Sprintf("+855 12 345 67%d", i)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &failingWriter{n: 3}
	opened, err := svc.ExportInto(ctx, trust.Operator(), "MISP", "AMBER", store.ReportFilter{}, func() intel.ReportWriter {
		cancel()
		return w
	})
	if !opened || err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Fatalf("ExportInto: opened %v, %v; want opened and the writer's error", opened, err)
	}
	want := "3 reports as MISP, up to TLP:AMBER, cut short: write: broken pipe"
	if got := exportAudit(t, st); len(got) != 1 || got[0] != want {
		t.Fatalf("export audit %q; want %q", got, want)
	}

	closeFails := &closeFailing{}
	if _, err := svc.ExportInto(context.Background(), trust.Operator(), "STIX 2.1", "", store.ReportFilter{}, func() intel.ReportWriter { return closeFails }); err == nil {
		t.Fatal("ExportInto: no error from a writer failing at Close")
	}
	want = "5 reports as STIX 2.1, up to TLP:CLEAR, cut short: write: connection reset"
	if got := exportAudit(t, st); len(got) != 2 || got[1] != want {
		t.Fatalf("export audit %q; want %q last", got, want)
	}
}

type closeFailing struct{}

func (closeFailing) Report(*store.Report) error { return nil }
func (closeFailing) Close() error               { return errors.New("write: connection reset") }

// TestExportAuditSaysTheMarking: an export asked for with no ceiling (the
// JSON Lines export) is audited with the most restrictive label that left,
// so that the trail shows a RED report going out; one asked up to a label
// says that label.
func TestExportAuditSaysTheMarking(t *testing.T) {
	svc, st := newService(t, intel.Config{})
	ctx := context.Background()
	export := func(maxTLP string) {
		t.Helper()
		if _, err := svc.ExportAs(ctx, trust.Operator(), "JSON Lines", maxTLP, store.ReportFilter{}, func(*store.Report) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	export("")
	submit(t, svc, report("KNPA", "m-1", "+855 12 345 671"))
	amber := report("KNPA", "m-2", "+855 12 345 672")
	amber.TLP = store.TLPAmber
	submit(t, svc, amber)
	export("")
	red := report("KNPA", "m-3", "+855 12 345 673")
	red.TLP, red.Recipients = store.TLPRed, []string{"01J0000000000000000000000U"}
	submit(t, svc, red)
	export("")
	export(store.TLPGreen)
	want := []string{
		"0 reports as JSON Lines",
		"2 reports as JSON Lines, up to TLP:AMBER",
		"3 reports as JSON Lines, up to TLP:RED",
		"1 report as JSON Lines, up to TLP:GREEN",
	}
	if got := exportAudit(t, st); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("export audit\n%q\nwant\n%q", got, want)
	}
}
