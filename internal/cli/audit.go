package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func init() {
	register(&command{name: "audit", summary: "list the audit trail, or verify its hash chain (audit verify)", run: runAudit})
}

func runAudit(e *env) error {
	verify := len(e.args) > 0 && e.args[0] == "verify"
	args := e.args
	if verify {
		args = args[1:]
	}
	fs := newFlags(e, "audit", "audit [--actor ID] [--org NAME] [--action A] [--record ID] [--since T] [--until T] [--limit N] [--json] | audit verify")
	var sf storeFlags
	sf.register(fs)
	var f store.AuditFilter
	fs.StringVar(&f.Actor, "actor", "", "user ID")
	fs.StringVar(&f.Org, "org", "", "organisation")
	fs.StringVar(&f.Action, "action", "", "action (read, create, login, ...)")
	fs.StringVar(&f.RecordID, "record", "", "record ID")
	since := fs.String("since", "", "RFC 3339 time")
	until := fs.String("until", "", "RFC 3339 time")
	fs.IntVar(&f.Limit, "limit", 1000, "at most this many entries")
	asJSON := fs.Bool("json", false, "one JSON object per entry")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	for _, t := range []struct {
		v   string
		dst *time.Time
	}{{*since, &f.Since}, {*until, &f.Until}} {
		if t.v != "" {
			p, err := time.Parse(time.RFC3339, t.v)
			if err != nil {
				return usageError{fmt.Sprintf("%q is not an RFC 3339 time", t.v)}
			}
			*t.dst = p
		}
	}
	ts, st, err := sf.trust(e)
	if err != nil {
		return err
	}
	defer st.Close()
	if verify {
		checked, broken, err := ts.VerifyAudit(e.ctx)
		if err != nil {
			return err
		}
		if broken != nil {
			fmt.Fprintf(e.stderr, "audit chain BROKEN at entry %d: %s (%d entries checked before it)\n", broken.Seq, broken.Reason, checked)
			return exitError{1}
		}
		fmt.Fprintf(e.stdout, "audit chain intact: %d entries\n", checked)
		return nil
	}
	enc := json.NewEncoder(e.stdout)
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "SEQ\tAT\tACTOR\tORG\tFROM\tACTION\tRECORD\tDECISION\tPURPOSE")
	}
	err = ts.Audit(e.ctx, trust.Operator(), f, func(a *store.AuditEntry) error {
		if *asJSON {
			return enc.Encode(a)
		}
		_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s %s\t%s\t%s\n", a.Seq, a.At.Format(time.RFC3339), a.Actor, a.Org, a.Addr, a.Action, a.RecordType, a.RecordID, a.Decision, a.Purpose)
		return err
	})
	if err != nil {
		return err
	}
	return tw.Flush()
}
