package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/trust"
)

const triageUsage = `triage [--data DIR | --db DSN] [--json] [--now TIME]

Lists the missing-person reports waiting for triage: those whose reporter
says the person is in danger now first, then the longest waiting. Each
line gives how long the report has waited, whether it is danger now, when
it came in and through which channel, whom it is about, where they were
last, and the intake's ID.

With --json, one JSON object per report, in the same order:

  {"intake_id":"01K...","danger_now":true,"received_at":"2025-11-05T07:00:00Z",
   "waited":"3h0m0s","waited_seconds":10800,"channel":"family",
   "name":"...","name_latin":"...","last_location":"...","report_id":"01K..."}

--now measures the waiting times at another moment than now (RFC 3339),
for a report that must read the same tomorrow.`

func init() {
	register(&command{name: "triage", summary: "list the missing-person reports waiting for triage, danger now first", run: runTriage})
}

// triageLine is one line of the JSON output.
type triageLine struct {
	IntakeID      string    `json:"intake_id"`
	DangerNow     bool      `json:"danger_now"`
	ReceivedAt    time.Time `json:"received_at"`
	Waited        string    `json:"waited"`
	WaitedSeconds int64     `json:"waited_seconds"`
	Channel       string    `json:"channel"`
	Name          string    `json:"name,omitempty"`
	NameLatin     string    `json:"name_latin,omitempty"`
	LastLocation  string    `json:"last_location,omitempty"`
	ReportID      string    `json:"report_id,omitempty"`
}

func runTriage(e *env) error {
	fs := newFlags(e, "triage", triageUsage)
	var sf storeFlags
	sf.register(fs)
	asJSON := fs.Bool("json", false, "one JSON object per report")
	at := fs.String("now", "", "measure waiting times at this moment (RFC 3339; default now)")
	rest, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"triage takes no arguments"}
	}
	cfg := casework.Config{}
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			return usageError{"--now takes a time like 2025-11-05T10:00:00Z"}
		}
		cfg.Now = func() time.Time { return t }
	}
	st, err := sf.open(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := casework.New(st, nil, cfg)
	q, err := svc.TriageQueue(e.ctx, trust.Operator())
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, it := range q {
			in := it.Intake
			if err := enc.Encode(triageLine{IntakeID: in.ID, DangerNow: in.DangerNow, ReceivedAt: in.ReceivedAt.UTC(),
				Waited: it.Waited.String(), WaitedSeconds: int64(it.Waited / time.Second), Channel: in.Channel,
				Name: in.Subject.Name, NameLatin: in.Subject.NameLatin, LastLocation: in.LastLocation, ReportID: in.ReportID}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "WAITED\tDANGER\tRECEIVED\tCHANNEL\tNAME (LATIN)\tLAST SEEN\tINTAKE\tNAME")
	for _, it := range q {
		in := it.Intake
		danger := "-"
		if in.DangerNow {
			danger = "NOW"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", waited(it.Waited), danger, stamp(in.ReceivedAt), in.Channel,
			dash(in.Subject.NameLatin), dash(in.LastLocation), in.ID, dash(in.Subject.Name))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "triage: %d reports waiting\n", len(q))
	return nil
}

// waited writes a waiting time in days, hours and minutes: "3h05m", "2d04h".
func waited(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	d = d.Truncate(time.Minute)
	days, h, m := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	if days > 0 {
		return fmt.Sprintf("%dd%02dh", days, h)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}
