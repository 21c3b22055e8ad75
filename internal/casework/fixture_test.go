package casework

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/postgres"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// fixture is a service over a fresh embedded store, with a clock the test
// moves and a principal for every role.
type fixture struct {
	t     testing.TB
	ctx   context.Context
	st    store.Store
	intel *intel.Service
	svc   *Service
	clock time.Time

	op                                                   trust.Principal
	officer, officer2, otherOfficer, prosecutor          trust.Principal
	analyst, worker, otherWorker, partner, admin, public trust.Principal
}

// The organisations of the fixture: an embassy (with a second officer), a
// foreign police unit with its own officer, a prosecutor's office, two
// NGOs and a bank.
const (
	orgEmbassy    = "kr-embassy-kh"
	orgPolice     = "kh-police"
	orgProsecutor = "kr-spo"
	orgNGO        = "shelter-a"
	orgNGO2       = "shelter-b"
	orgBank       = "kr-bank"
)

func who(id, org string, role auth.Role) trust.Principal {
	return trust.Principal{Viewer: auth.Viewer{UserID: id, Org: org, Role: role}, Addr: "test"}
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newFixtureOn(t, st)
}

// onEachDriver runs fn on a fixture over the embedded store and, when
// COUNTERSCAM_TEST_POSTGRES names a server, over PostgreSQL in a schema
// of its own, dropped at the end.
func onEachDriver(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newFixture(t)) })
	t.Run("postgres", func(t *testing.T) {
		base := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
		if base == "" {
			t.Skip("set COUNTERSCAM_TEST_POSTGRES to run this on PostgreSQL too")
		}
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		schema := fmt.Sprintf("casework_test_%d", time.Now().UnixNano())
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		st, err := postgres.Open(context.Background(), u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			st.Close()
			conn, err := pgx.Connect(context.Background(), base)
			if err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
				return
			}
			defer conn.Close(context.Background())
			if _, err := conn.Exec(context.Background(), `DROP SCHEMA `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
			}
		})
		fn(t, newFixtureOn(t, st))
	})
}

func newFixtureOn(t testing.TB, st store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, ctx: ctx, st: st, clock: time.Date(2025, 10, 14, 9, 0, 0, 0, time.UTC)}
	now := func() time.Time { return f.clock }
	var err error
	f.intel, err = intel.New(ctx, st, intel.Config{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	f.svc = New(st, f.intel, Config{Now: now})
	err = st.Update(ctx, func(w store.Writer) error {
		for i, o := range []store.Org{
			{Name: orgEmbassy, Country: "KR", Kind: "embassy"}, {Name: orgPolice, Country: "KH", Kind: "police"},
			{Name: orgProsecutor, Country: "KR", Kind: "prosecutor"}, {Name: orgNGO, Country: "KR", Kind: "ngo"},
			{Name: orgNGO2, Country: "KH", Kind: "ngo"}, {Name: orgBank, Country: "KR", Kind: "bank"},
		} {
			o.ID = string(rune('A'+i)) + "0000000000000000000000000"
			if err := w.PutOrg(ctx, &o); err != nil {
				return err
			}
		}
		if err := w.SetPartners(ctx, orgProsecutor, []string{orgEmbassy}); err != nil {
			return err
		}
		return w.SetPartners(ctx, orgEmbassy, []string{orgProsecutor})
	})
	if err != nil {
		t.Fatal(err)
	}
	f.op = trust.Operator()
	f.officer = who("u-officer", orgEmbassy, auth.RoleCaseOfficer)
	f.officer2 = who("u-officer2", orgEmbassy, auth.RoleCaseOfficer)
	f.otherOfficer = who("u-kh", orgPolice, auth.RoleCaseOfficer)
	f.prosecutor = who("u-pros", orgProsecutor, auth.RoleProsecutor)
	f.prosecutor.PartnerOf = []string{orgEmbassy}
	f.analyst = who("u-analyst", orgEmbassy, auth.RoleAnalyst)
	f.worker = who("u-ngo", orgNGO, auth.RoleSupportWorker)
	f.otherWorker = who("u-ngo2", orgNGO2, auth.RoleSupportWorker)
	f.partner = who("u-bank", orgBank, auth.RolePartner)
	f.admin = who("u-admin", orgEmbassy, auth.RoleAdmin)
	f.admin.PartnerOf = []string{orgProsecutor}
	f.public = trust.Public("203.0.113.9")
	return f
}

func (f *fixture) advance(d time.Duration) { f.clock = f.clock.Add(d) }

// minho is the fixture's usual person: Hangul name, passport spelling, a
// partial date of birth, a passport held by captors, a Cambodian phone.
func minho() *PersonInput {
	return &PersonInput{
		ExternalRef: "EMB-0001", LegalBasis: "Consular Assistance Act art. 11", Purpose: "protection of a national abroad",
		Names: []store.PersonName{
			{Kind: "primary", Text: "박민호"},
			{Kind: "passport", Text: "PARK MINHO"},
			{Kind: "nickname", Text: "승리"},
		},
		DOB: "1998-03-07", Sex: "M", Nationalities: []string{"KR"},
		Documents: []store.IdentityDocument{{Number: "M12345678", Country: "KR", Status: "held_by_captors"}},
		Selectors: []SelectorInput{{Value: "+855 12 345 678"}, {Value: "@minho_kh", Kind: "handle", Role: "used_in_compound"}},
		Languages: []string{"ko", "en"},
		NextOfKin: []store.Kin{{Name: "김영숙", Relation: "mother", Phone: "+82 10-1234-5678", MayContact: true}},
	}
}

func (f *fixture) person(p trust.Principal, in *PersonInput) *store.Person {
	f.t.Helper()
	rec, err := f.svc.CreatePerson(f.ctx, p, in)
	if err != nil {
		f.t.Fatalf("CreatePerson: %v", err)
	}
	return rec
}

func (f *fixture) openCase(p trust.Principal, personID string, st State) *store.Case {
	f.t.Helper()
	c, err := f.svc.OpenCase(f.ctx, p, &CaseInput{PersonID: personID, State: st, Location: "Kampot"})
	if err != nil {
		f.t.Fatalf("OpenCase: %v", err)
	}
	return c
}

// screening is a valid screening input for a person.
func screeningFor(personID, status string) *ScreeningInput {
	return &ScreeningInput{
		PersonID: personID, Kind: "both", InterviewedAt: time.Date(2025, 10, 15, 3, 0, 0, 0, time.UTC),
		Interviewer: "consul K", Interpreter: "none needed", Language: "ko", CounselPresent: true, Setting: "embassy",
		Recruitment: store.Recruitment{Channel: "online_ad", AdText: "해외 고수익 알바 월 1000만원", PromisedJob: "customer service",
			PromisedPay: &store.Money{AmountMinor: 500000, Currency: "USD"}, KnewIllegal: "no"},
		Indicators: []store.IndicatorFinding{
			{Code: "retention_of_identity_documents", Present: true, Evidence: []store.Evidence{{Kind: "testimony", Ref: "interview 1"}}},
			{Code: "deception", Present: true, Evidence: []store.Evidence{{Kind: "document_record", Ref: "job ad screenshot"}}},
			{Code: "excessive_overtime", Present: false},
		},
		Control: []store.ControlFinding{{Code: "MethodsOfControlWithholdsDocuments"}, {Code: "MethodsOfControlDebtBondage",
			Evidence: []store.Evidence{{Kind: "testimony", Note: "exit fine of 20,000 USD"}}}},
		RoleInCompound: "chatter", DaysInCompound: 94, ExitMode: "raid_arrest",
		Status: status, DecidedBy: "consul K", DecisionReason: "passport taken on arrival, exit fine demanded",
		NonPunishment: store.NonPunishment{Recommendation: "recommend_no_prosecution", Rationale: "offences compelled by the compound's managers"},
	}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != field {
		t.Fatalf("err = %v, want a FieldError on %s", err, field)
	}
}

// auditOf lists (action, type, id, decision) of the audit entries of a record.
func (f *fixture) auditOf(id string) []string {
	f.t.Helper()
	var out []string
	err := f.st.AuditEntries(f.ctx, store.AuditFilter{RecordID: id}, func(e *store.AuditEntry) error {
		out = append(out, e.Actor+" "+e.Action+" "+e.RecordType+" "+e.Decision)
		return nil
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}
