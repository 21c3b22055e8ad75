package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

func TestTriageQueueOfTheConsularScene(t *testing.T) {
	data, sc := consularData(t)
	now := consularEnd.Format(time.RFC3339)
	code, out, stderr := run(t, "", "triage", "--json", "--now", now, "--data", data)
	if code != 0 {
		t.Fatalf("triage: exit %d, %s", code, stderr)
	}
	var got []triageLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var tl triageLine
		if err := json.Unmarshal([]byte(l), &tl); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, tl)
	}
	if len(got) != sc.Queued || len(got) != 2 {
		t.Fatalf("%d reports waiting, the scene queued %d", len(got), sc.Queued)
	}
	if !got[0].DangerNow || got[0].WaitedSeconds != 3*3600 || got[0].Waited != "3h0m0s" || got[0].ReportID == "" {
		t.Errorf("first = %+v, want danger now, waited three hours", got[0])
	}
	if got[1].DangerNow || got[1].WaitedSeconds <= got[0].WaitedSeconds || !got[1].ReceivedAt.Before(got[0].ReceivedAt) {
		t.Errorf("second = %+v: not danger now, waiting longer", got[1])
	}
	// The same queue as the service's.
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	q, err := casework.New(st, nil, casework.Config{Now: func() time.Time { return consularEnd }}).TriageQueue(ctx, trust.Operator())
	st.Close()
	if err != nil || len(q) != 2 || q[0].Intake.ID != got[0].IntakeID || q[1].Intake.ID != got[1].IntakeID || q[1].Waited != time.Duration(got[1].WaitedSeconds)*time.Second {
		t.Errorf("the service's queue %+v differs, %v", q, err)
	}
	code, out, stderr = run(t, "", "triage", "--now", now, "--data", data)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[1], "3h00m   NOW ") || !strings.Contains(lines[1], got[0].IntakeID) ||
		!strings.HasPrefix(lines[2], waited(time.Duration(got[1].WaitedSeconds)*time.Second)+" ") || !strings.Contains(stderr, "2 reports waiting") {
		t.Errorf("table (exit %d):\n%s\n%s", code, out, stderr)
	}
	if code, _, _ := run(t, "", "triage", "--now", "yesterday", "--data", data); code != 2 {
		t.Errorf("a bad --now: exit %d, want 2", code)
	}
}

func TestWaited(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0h00m", 3 * time.Hour: "3h00m", 185 * time.Minute: "3h05m", 52*time.Hour + 59*time.Minute: "2d04h", -time.Minute: "0h00m",
	} {
		if got := waited(d); got != want {
			t.Errorf("waited(%s) = %q, want %q", d, got, want)
		}
	}
}
