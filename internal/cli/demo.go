package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"

	"counterscam/internal/demo"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

func init() {
	register(&command{name: "demo", summary: "build a synthetic scene in a fresh embedded store and serve it", run: runDemo})
}

// demoMarker marks a directory that `counterscam demo` made and may wipe.
const demoMarker = ".counterscam-demo"

func runDemo(e *env) error {
	fs := newFlags(e, "demo", "demo [--data DIR] [--seed N] [--addr HOST:PORT] [--no-serve]")
	data := fs.String("data", "counterscam-demo", "directory for the demo's embedded store (wiped and rebuilt)")
	seed := fs.Int64("seed", 2025, "seed of the synthetic scene (same seed, same scene)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	noServe := fs.Bool("no-serve", false, "build the scene, print it and exit")
	if _, err := parseFlags(fs, e.args); err != nil {
		return err
	}
	dir, err := filepath.Abs(*data)
	if err != nil {
		return err
	}
	if err := freshDemoDir(dir); err != nil {
		return err
	}
	st, err := sqlite.Open(e.ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := intel.New(e.ctx, st, intel.Config{})
	if err != nil {
		return err
	}
	ts, err := trust.New(st, trust.Options{})
	if err != nil {
		return err
	}
	users, err := setUpDemoOrgs(e.ctx, ts)
	if err != nil {
		return err
	}
	scene := demo.Generate(*seed, demo.Options{})
	if err := loadScene(e.ctx, svc, scene, users); err != nil {
		return err
	}
	cs, err := demo.LoadConsular(e.ctx, st, svc, ts, *seed, demo.ConsularOptions{Password: demoPassword})
	if err != nil {
		return fmt.Errorf("the consular scene: %w", err)
	}
	if err := printScene(e, svc, scene, users, dir, *addr); err != nil {
		return err
	}
	printConsular(e, cs)
	if err := printRepatriation(e, cs, dir, *addr); err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	return serveUntilDone(e, svc, ts, serveConfig{addr: *addr, rate: 20})
}

// DemoUser is a user the demo scene has, with its API token.
type DemoUser struct{ Org, Email, Role, ID, Token string }

// DemoPassword is the demo users' password.
const DemoPassword = demoPassword

// LoadDemo builds the demo scene of seed over svc and ts exactly as
// `counterscam demo` does (organisations, users, reports, analysts' marks),
// for the tests of the other faces, and returns its users.
func LoadDemo(ctx context.Context, svc *intel.Service, ts *trust.Service, seed int64) ([]DemoUser, error) {
	users, err := setUpDemoOrgs(ctx, ts)
	if err != nil {
		return nil, err
	}
	if err := loadScene(ctx, svc, demo.Generate(seed, demo.Options{}), users); err != nil {
		return nil, err
	}
	out := make([]DemoUser, len(users))
	for i, u := range users {
		out[i] = DemoUser{Org: u.org, Email: u.email, Role: u.role, ID: u.id, Token: u.token}
	}
	return out, nil
}

// freshDemoDir empties dir if an earlier demo made it, and refuses to touch
// a directory that holds anything else.
func freshDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return err
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(dir, demoMarker)); err != nil {
			return fmt.Errorf("%s is not empty and was not made by counterscam demo: choose another --data", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, demoMarker), []byte("made by counterscam demo; wiped by the next run\n"), 0o640)
}

// demoPassword is the demo users' password, printed at start: the demo
// holds synthetic data only.
const demoPassword = "demo-password-2025"

// demoUser is a user the demo creates.
type demoUser struct {
	org, email, name, role string
	id, token              string
}

// demoUsers are the people of the demo: an analyst in each partner police
// unit, an administrator, and a bank's screening account.
var demoUsers = []demoUser{
	{org: "KNPA", email: "analyst@knpa.demo", name: "Kang Do-hyun", role: "analyst"},
	{org: "CNP", email: "analyst@cnp.demo", name: "Chea Sophal", role: "analyst"},
	{org: "RTP", email: "analyst@rtp.demo", name: "Niran Suksawat", role: "analyst"},
	{org: "MPS-VN", email: "analyst@mps-vn.demo", name: "Tran Minh Anh", role: "analyst"},
	{org: "MPS-CN", email: "analyst@mps-cn.demo", name: "Liu Wei", role: "analyst"},
	{org: "KNPA", email: "admin@knpa.demo", name: "Jung Hae-won", role: "admin"},
	{org: "DEMO-BANK", email: "screening@bank.demo", name: "Screening service", role: "partner"},
}

// setUpDemoOrgs creates the scene's organisations, users and their API tokens.
func setUpDemoOrgs(ctx context.Context, ts *trust.Service) ([]demoUser, error) {
	op := trust.Operator()
	for _, o := range demo.Orgs {
		if _, err := ts.AddOrg(ctx, op, o.Name, o.Country, o.Kind, nil); err != nil {
			return nil, err
		}
	}
	for _, o := range demo.Orgs {
		if len(o.Partners) > 0 {
			if err := ts.SetPartners(ctx, op, o.Name, o.Partners); err != nil {
				return nil, err
			}
		}
	}
	users := slices.Clone(demoUsers)
	for i := range users {
		u, err := ts.AddUser(ctx, op, users[i].org, users[i].email, users[i].role, demoPassword)
		if err != nil {
			return nil, err
		}
		if _, err := ts.SetUserName(ctx, op, u.Email, users[i].name); err != nil {
			return nil, err
		}
		users[i].id = u.ID
		plain, _, err := ts.CreateToken(ctx, op, u.Email, "demo", 30*24*time.Hour)
		if err != nil {
			return nil, err
		}
		users[i].token = plain
	}
	return users, nil
}

// loadScene stores the scene's reports through the same path as an import
// (a RED report goes to its organisation's analyst), then does what
// analysts would: marks the exchange's shared deposit wallet "does not
// link", which splits the networks it glued together, and confirms the key
// infrastructure of the largest networks for public listing.
func loadScene(ctx context.Context, svc *intel.Service, sc *demo.Scene, users []demoUser) error {
	analyst := map[string]string{}
	for _, u := range users {
		if u.role == "analyst" {
			analyst[u.org] = u.id
		}
	}
	op := trust.Operator()
	var batch []*store.Report
	var contacts []*store.Contact
	for i := range sc.Records {
		rec := &sc.Records[i]
		in := rec.Input()
		if in.TLP == store.TLPRed {
			in.Recipients = []string{analyst[in.Origin]}
			in.CreatedBy = analyst[in.Origin]
		}
		r, err := svc.Prepare(in)
		if err != nil {
			return fmt.Errorf("demo record %s: %w", rec.ExternalRef, err)
		}
		batch = append(batch, r)
		contacts = append(contacts, rec.Contact)
		if len(batch) == importBatch || i == len(sc.Records)-1 {
			if _, err := svc.Submit(ctx, op, batch, contacts); err != nil {
				return err
			}
			batch, contacts = batch[:0], contacts[:0]
		}
	}
	yes := true
	for _, n := range sc.Noise {
		k, err := selector.ParseKindName(n.Kind)
		if err != nil {
			return err
		}
		s, err := selector.ParseAs(k, n.Value, selector.Options{})
		if err != nil {
			return fmt.Errorf("demo noise %q: %w", n.Value, err)
		}
		if svc.Allowlisted(s) {
			continue
		}
		if err := svc.MarkSelector(ctx, op, s.ID().String(), store.SelectorFlags{NoLink: &yes}); err != nil {
			return err
		}
	}
	nets, err := svc.ListNetworks(ctx, op, store.NetworkFilter{MinReports: 2, Limit: 3})
	if err != nil {
		return err
	}
	for _, n := range nets {
		v, err := svc.Network(ctx, op, n.ID)
		if err != nil {
			return err
		}
		if len(v.KeyInfrastructure) > 0 {
			if err := svc.MarkSelector(ctx, op, v.KeyInfrastructure[0].ID, store.SelectorFlags{Confirmed: &yes}); err != nil {
				return err
			}
		}
	}
	return nil
}

func printScene(e *env, svc *intel.Service, sc *demo.Scene, users []demoUser, dir, addr string) error {
	op := trust.Operator()
	c, err := svc.Stats(e.ctx, op)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "counterscam demo: %d reports, %d selectors, %d networks (%d planted) in %s\n\n",
		c.Reports, c.Selectors, c.Networks, len(sc.Networks), dir)
	nets, err := svc.ListNetworks(e.ctx, op, store.NetworkFilter{MinReports: 2, Limit: 5})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "LARGEST NETWORKS\tREPORTS\tSELECTORS")
	for _, n := range nets {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", n.ID, n.Reports, n.Selectors)
	}
	tw.Flush()
	listed := ""
	if len(nets) > 0 {
		v, err := svc.Network(e.ctx, op, nets[0].ID)
		if err == nil && len(v.KeyInfrastructure) > 0 {
			k := v.KeyInfrastructure[0]
			listed = k.Display
			fmt.Fprintf(e.stdout, "\nkey infrastructure of the largest: %s %s (in %d of its reports), confirmed for public listing\n", k.Kind, k.Display, k.Count)
		}
	}
	fmt.Fprintf(e.stdout, "\norganisations and users (password for all: %s; tokens valid 30 days):\n", demoPassword)
	tw = tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ORG\tUSER\tROLE\tAPI TOKEN")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.org, u.email, u.role, u.token)
	}
	tw.Flush()
	base := "http://" + addr
	fmt.Fprintln(e.stdout, "\nKNPA and CNP share what they mark AMBER; every report carries a TLP 2.0 label (CLEAR 15%, GREEN 20%, AMBER 55%, AMBER+STRICT 7%, RED 3%).")
	fmt.Fprintln(e.stdout, "\ntry, once it serves:")
	fmt.Fprintf(e.stdout, "  open %s/ (the public check) and %s/login (the analysts' workspace)\n", base, base)
	fmt.Fprintf(e.stdout, "  curl -s %s/api/v1/networks -H 'Authorization: Bearer %s' | head -c 600\n", base, users[0].token)
	if listed != "" {
		fmt.Fprintf(e.stdout, "  curl -s -XPOST %s/api/v1/check -d '{\"query\":\"%s\"}'\n", base, listed)
	}
	fmt.Fprintf(e.stdout, "  curl -s -XPOST %s/api/v1/check -d '{\"query\":\"+855 97 911 7117\"}'\n", base)
	return nil
}

// printConsular says what the consular scene holds and who can sign in to it.
func printConsular(e *env, cs *demo.ConsularScene) {
	fmt.Fprintf(e.stdout, "\nconsular scene: %d persons, %d consular cases, %d missing-person reports (%d waiting for triage), %d first visits overdue\n",
		cs.Persons, cs.Cases, cs.Intakes, cs.Queued, cs.Overdue)
	if r := cs.Reconciliation; r != nil {
		fmt.Fprintf(e.stdout, "the partner police's arrest list reconciled: %d rows matched, %d in conflict, %d unmatched\n",
			r.Counts["matched"], r.Counts["conflict"], r.Counts["unmatched"])
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ORG\tUSER\tROLE\tAPI TOKEN")
	for _, u := range cs.Users {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Org, u.Email, u.Role, u.Token)
	}
	tw.Flush()
}
