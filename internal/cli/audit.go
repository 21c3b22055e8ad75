package cli

import (
	"encoding/json"
	"fmt"
	"strings"
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
	fs := newFlags(e, "audit", "audit [--actor EMAIL|ID] [--org NAME] [--action A] [--record ID] [--since T] [--until T] [--limit N] [--json] | audit verify")
	var sf storeFlags
	sf.register(fs)
	sf.existing = true
	var f store.AuditFilter
	fs.StringVar(&f.Actor, "actor", "", "the user's e-mail address or ID")
	fs.StringVar(&f.Org, "org", "", "organisation")
	fs.StringVar(&f.Action, "action", "", "action (read, create, login, ...)")
	fs.StringVar(&f.RecordID, "record", "", "record ID")
	since := fs.String("since", "", "RFC 3339 time or YYYY-MM-DD (UTC)")
	until := fs.String("until", "", "RFC 3339 time or YYYY-MM-DD (UTC)")
	limit := fs.Int("limit", 1000, "the last this many entries that match (0: all)")
	asJSON := fs.Bool("json", false, "one JSON object per entry")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var err error
	if f.Since, err = parseWhen("since", *since, false); err != nil {
		return err
	}
	if f.Until, err = parseWhen("until", *until, true); err != nil {
		return err
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
	// Entries name users by ID; the table and the JSON say who that is.
	users, err := st.ListUsers(e.ctx, "")
	if err != nil {
		return err
	}
	emails := map[string]string{}
	for _, u := range users {
		emails[u.ID] = u.Email
		if strings.EqualFold(f.Actor, u.Email) {
			f.Actor = u.ID
		}
	}
	if strings.Contains(f.Actor, "@") {
		return usageError{fmt.Sprintf("--actor: no user has the e-mail address %q", f.Actor)}
	}
	// The last entries that match, oldest first: what happened lately,
	// however long the trail.
	var last []*store.AuditEntry
	matched := 0
	err = ts.Audit(e.ctx, trust.Operator(), f, func(a *store.AuditEntry) error {
		matched++
		c := *a
		last = append(last, &c)
		if *limit > 0 && len(last) > *limit {
			last = last[1:]
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(last) < matched {
		fmt.Fprintf(e.stderr, "the last %d of %d entries; --limit 0 for all, --since and --until for a period\n", len(last), matched)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, a := range last {
			if err := enc.Encode(auditJSON{Seq: a.Seq, At: a.At.UTC().Format(time.RFC3339Nano), Actor: a.Actor, ActorEmail: emails[a.Actor], Org: a.Org, From: a.Addr,
				Action: a.Action, RecordType: a.RecordType, RecordID: a.RecordID, Decision: a.Decision, Purpose: a.Purpose, Prev: a.Prev, Hash: a.Hash}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tAT\tACTOR\tORG\tFROM\tACTION\tRECORD\tDECISION\tPURPOSE")
	for _, a := range last {
		who := a.Actor
		if m := emails[a.Actor]; m != "" {
			who = m
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s %s\t%s\t%s\n", a.Seq, a.At.Format(time.RFC3339), who, a.Org, a.Addr, a.Action, a.RecordType, a.RecordID, a.Decision, a.Purpose)
	}
	return tw.Flush()
}

// auditJSON is an audit entry as --json prints it.
type auditJSON struct {
	Seq        int64  `json:"seq"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	ActorEmail string `json:"actor_email,omitempty"`
	Org        string `json:"org"`
	From       string `json:"from"`
	Action     string `json:"action"`
	RecordType string `json:"record_type"`
	RecordID   string `json:"record_id"`
	Decision   string `json:"decision"`
	Purpose    string `json:"purpose"`
	Prev       string `json:"prev"`
	Hash       string `json:"hash"`
}
