package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ConsularOrgs are the organisations of the consular scene: the embassy's
// consular section, a prosecutors' office and a shelter. The embassy
// shares its AMBER records with the prosecutors (and with the police unit
// KNPA when it is on the server).
var ConsularOrgs = []Org{
	{Name: "MOFA-KH", Country: "KR", Kind: "embassy", Title: "Korean embassy in Phnom Penh, consular section", Partners: []string{"SPO-SEOUL", "KNPA"}},
	{Name: "SPO-SEOUL", Country: "KR", Kind: "prosecutor", Title: "a district prosecutors' office in Seoul", Partners: []string{"MOFA-KH"}},
	{Name: "SHELTER-KR", Country: "KR", Kind: "ngo", Title: "a shelter for returnees"},
}

// consularUsers are the scene's people: two consular officers, a
// prosecutor and a shelter worker.
var consularUsers = []ConsularUser{
	{Org: "MOFA-KH", Email: "consul@mofa-kh.demo", Name: "Yoon Seo-yeon", Role: "case_officer"},
	{Org: "MOFA-KH", Email: "consul2@mofa-kh.demo", Name: "Park Min-jae", Role: "case_officer"},
	{Org: "SPO-SEOUL", Email: "prosecutor@spo.demo", Name: "Lee Ha-na", Role: "prosecutor"},
	{Org: "SHELTER-KR", Email: "worker@shelter.demo", Name: "Choi Eun-ji", Role: "support_worker"},
}

// ConsularUser is a user the scene created, with an API token.
type ConsularUser struct {
	Org, Email, Name, Role string
	ID, Token              string
}

// ConsularOptions shape the consular scene.
type ConsularOptions struct {
	Password string        // the users' password (required)
	Now      time.Time     // when the scene ends; zero: now. It starts three weeks before.
	TokenTTL time.Duration // API tokens of the users (default 30 days; negative: none)
}

// ConsularScene is what LoadConsular built, for printing and tests.
type ConsularScene struct {
	Users          []ConsularUser
	Persons        int
	Cases          int
	Intakes        int
	Queued         int // intakes still waiting for triage
	ArrestList     string
	Reconciliation *casework.Reconciliation // of the arrest list, after the officers' decisions
	CharterID      string                   // the planned charter flight
	EarlierID      string                   // the scheduled flight that already brought two home
	Overdue        int                      // first consular visits overdue at the end
}

// LoadConsular builds the consular scene in st through the services, as
// the officers would over three weeks: families report missing relatives
// in Korean (their ransom wallets, recruiters' handles and job ads join the
// intelligence graph), two escape and fly home, a compound is raided and
// the partner police's arrest list (Latin spellings, dates day first, a
// false name) is reconciled, the detainees are visited and screened with
// mixed outcomes, charge evidence is filed against some, emergency travel
// documents are issued and a charter manifest is drawn up; a survivor is
// referred to a shelter. It creates the organisations and users it needs
// (ConsularOrgs; the users' password is o.Password). Everything is
// synthetic and deterministic from seed. Times inside the scene run over
// the three weeks before o.Now, audit entries included.
//
// From internal/cli/demo.go, after loadScene:
//
//	cs, err := demo.LoadConsular(e.ctx, st, svc, ts, *seed, demo.ConsularOptions{Password: demoPassword})
func LoadConsular(ctx context.Context, st store.Store, in *intel.Service, ts *trust.Service, seed int64, o ConsularOptions) (*ConsularScene, error) {
	if o.Password == "" {
		return nil, errors.New("demo: the consular scene needs a password for its users")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.TokenTTL == 0 {
		o.TokenTTL = 30 * 24 * time.Hour
	}
	l := &consularLoader{ctx: ctx, st: st, pl: planConsular(seed), end: o.Now.UTC().Truncate(time.Second),
		persons: map[string]*store.Person{}, cases: map[string]*store.Case{}, scene: &ConsularScene{}}
	l.start = l.end.Add(-21 * 24 * time.Hour)
	l.clock = l.start
	l.cw = casework.New(st, in, casework.Config{Now: func() time.Time { return l.clock }})
	if err := l.setUp(ts, o); err != nil {
		return nil, err
	}
	if err := l.story(); err != nil {
		return nil, err
	}
	l.clock = l.end
	od, err := l.cw.OverdueDeadlines(ctx, trust.Operator())
	if err != nil {
		return nil, err
	}
	l.scene.Overdue = len(od)
	q, err := l.cw.TriageQueue(ctx, trust.Operator())
	if err != nil {
		return nil, err
	}
	l.scene.Queued = len(q)
	l.scene.ArrestList = l.pl.arrestCSV
	return l.scene, nil
}

// consularLoader runs the scene's story against the services, moving the
// casework service's clock as it goes.
type consularLoader struct {
	ctx        context.Context
	st         store.Store
	cw         *casework.Service
	pl         *consularPlan
	start, end time.Time
	clock      time.Time
	scene      *ConsularScene

	consul, consul2, prosecutor, worker, public trust.Principal

	persons    map[string]*store.Person // by the embassy's reference (a person without one: by ID)
	cases      map[string]*store.Case   // by the person's reference
	compounds  []string                 // IDs, in the order of consularCompounds
	newRefs    []string                 // persons reported by families, unknown before
	detained   []string                 // references of the raid's detainees, in the arrest list's order
	passengers []string                 // references of the charter's passengers
}

// at moves the clock to day d of the scene, hour h (UTC).
func (l *consularLoader) at(d, h int) {
	l.clock = l.start.Add(time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour)
	if l.clock.After(l.end) {
		l.clock = l.end
	}
}

// setUp creates the scene's organisations and users where missing.
func (l *consularLoader) setUp(ts *trust.Service, o ConsularOptions) error {
	op := trust.Operator()
	for _, org := range ConsularOrgs {
		if _, err := l.st.GetOrg(l.ctx, org.Name); errors.Is(err, store.ErrNotFound) {
			if _, err := ts.AddOrg(l.ctx, op, org.Name, org.Country, org.Kind, nil); err != nil {
				return fmt.Errorf("demo: organisation %s: %w", org.Name, err)
			}
		} else if err != nil {
			return err
		}
	}
	for _, org := range ConsularOrgs {
		var partners []string
		for _, p := range org.Partners {
			if _, err := l.st.GetOrg(l.ctx, p); err == nil {
				partners = append(partners, p)
			}
		}
		if err := ts.SetPartners(l.ctx, op, org.Name, partners); err != nil {
			return err
		}
	}
	for _, cu := range consularUsers {
		u, err := l.st.GetUserByEmail(l.ctx, cu.Email)
		if errors.Is(err, store.ErrNotFound) {
			u, err = ts.AddUser(l.ctx, op, cu.Org, cu.Email, cu.Role, o.Password)
		}
		if err == nil && u.Name != cu.Name {
			u, err = ts.SetUserName(l.ctx, op, cu.Email, cu.Name)
		}
		if err != nil {
			return fmt.Errorf("demo: user %s: %w", cu.Email, err)
		}
		cu.ID = u.ID
		if o.TokenTTL > 0 {
			if cu.Token, _, err = ts.CreateToken(l.ctx, op, u.Email, "demo", o.TokenTTL); err != nil {
				return err
			}
		}
		l.scene.Users = append(l.scene.Users, cu)
		partnerOf, err := l.st.PartnersOf(l.ctx, cu.Org)
		if err != nil {
			return err
		}
		p := trust.Principal{Viewer: auth.Viewer{UserID: u.ID, Org: cu.Org, Role: auth.Role(cu.Role), PartnerOf: partnerOf}, Addr: "demo"}
		switch cu.Email {
		case "consul@mofa-kh.demo":
			l.consul = p
		case "consul2@mofa-kh.demo":
			l.consul2 = p
		case "prosecutor@spo.demo":
			l.prosecutor = p
		case "worker@shelter.demo":
			l.worker = p
		}
	}
	l.public = trust.Public("198.51.100.7")
	return nil
}
