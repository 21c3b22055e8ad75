// Package store defines counterscam's storage: the records it keeps, the
// interfaces the services use, and the errors every driver translates its
// own into. Drivers live in store/sqlite (the embedded default) and
// store/postgres (production); the same test suite (store/storetest) runs
// against both.
package store

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Sentinel errors. Drivers translate their errors into these at the
// boundary; nothing above the store sees a driver error.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
)

// TLP labels (TLP 2.0).
const (
	TLPClear       = "CLEAR"
	TLPGreen       = "GREEN"
	TLPAmber       = "AMBER"
	TLPAmberStrict = "AMBER+STRICT"
	TLPRed         = "RED"
)

// Report is one scam report.
type Report struct {
	ID          string    // ULID, minted at intake (so newer reports sort later)
	Origin      string    // origin organisation
	ExternalRef string    // the origin's own reference; (Origin, ExternalRef) is unique when ExternalRef != ""
	Channel     string    // web, api, import, partner
	ReceivedAt  time.Time // UTC
	OccurredAt  time.Time // UTC; zero when unknown
	ScamType    string    // romance, crypto_investment, gambling, job_lure, voice_phishing, impersonation, sextortion, loan, shopping, other
	Narrative   string
	// VictimRef is a pseudonymous key of the victim (never a name), used to
	// count distinct victims; empty means the report is its own victim.
	VictimRef     string
	VictimCountry string // ISO 3166-1 alpha-2
	TLP           string
	Losses        []Loss
	Selectors     []ReportSelector
	NetworkID     string // set by the intelligence service
	CreatedAt     time.Time
	CreatedBy     string // the user who took it in ("" for imports and the public)
	PAP           string // FIRST PAP: what a recipient may do with it (CLEAR, GREEN, AMBER, RED), "" when not given
	LegalBasis    string // the legal basis of keeping the personal data in it
	Purpose       string // what it may be used for
	// Recipients are the users a RED report is shared with, besides its
	// creator: sorted, without repeats.
	Recipients []string
}

// Loss is money lost, in integer minor units of an ISO 4217 currency.
type Loss struct {
	AmountMinor int64
	Currency    string
}

// ReportSelector is a selector named by a report, with its role.
type ReportSelector struct {
	SelectorID string // UUIDv5 of (kind, value)
	Kind       string
	Value      string // canonical
	Display    string
	Region     string
	Subtype    string
	Role       string // contacted_by, paid_to, recruited_via, website, mentioned, ...
	Source     string // field (given in a field) or narrative (extracted)
	Raw        string // as written in the report
}

// Contact is a reporter's contact details: personal data, kept apart from
// the report, never returned by public endpoints and never logged.
type Contact struct {
	ReportID string
	Name     string
	Email    string
	Phone    string
	Consent  bool // agreed to be contacted for follow-up
}

// Selector is what the store knows of one selector across all reports.
type Selector struct {
	ID        string
	Kind      string
	Value     string
	Display   string
	Region    string
	Subtype   string
	Hash      string // lower-case hex SHA-256 of "<kind>:<value>" (the private range check)
	FirstSeen time.Time
	LastSeen  time.Time
	Reports   int  // reports naming it
	Sources   int  // distinct origins naming it
	NoLink    bool // an analyst said it does not link reports
	Confirmed bool // an analyst confirmed it for public listing
	Withdrawn bool // an analyst withdrew it from public listing
}

// SelectorFlags are an analyst's marks on a selector; nil fields stay.
type SelectorFlags struct {
	NoLink    *bool
	Confirmed *bool
	Withdrawn *bool
}

// Network is a connected component of reports and linking selectors, as
// last summarised; outside Scope.All, as its reports in scope make it up.
type Network struct {
	ID        string // the ULID of its oldest report
	Reports   int
	Selectors int // linking selectors in it
	FirstSeen time.Time
	LastSeen  time.Time
	// UpdatedAt is when the summary was last refreshed; outside Scope.All,
	// the latest CreatedAt of its reports in scope.
	UpdatedAt time.Time
}

// NetworkSummary is what a network's reports add up to.
type NetworkSummary struct {
	Network
	Victims         int              // distinct VictimRef, a report without one counting as its own victim
	Losses          map[string]int64 // currency -> minor units
	ScamTypes       map[string]int   // scam type -> reports
	VictimCountries map[string]int   // country -> reports
	SelectorsByKind map[string]int   // kind -> distinct selectors
}

// NetworkFilter selects networks; zero fields do not filter, except Scope,
// whose zero value is the public's (CLEAR reports only).
type NetworkFilter struct {
	// Scope is what the viewer may see: networks are counted, filtered and
	// ordered over the reports in scope only, and a network with none in
	// scope is not listed.
	Scope         Scope
	ScamType      string
	VictimCountry string
	Since, Until  time.Time // reports received in the period
	MinReports    int
	After         string // keyset cursor: list continues after this network
	Limit         int
}

// ReportFilter selects reports; zero fields do not filter, except Scope,
// whose zero value is the public's (CLEAR reports only).
type ReportFilter struct {
	Scope      Scope // only reports the viewer may see
	NetworkID  string
	SelectorID string
	// Text finds reports whose narrative, or one of whose selectors (its
	// canonical value or as written), contains it, ignoring ASCII case.
	Text  string
	After string // keyset cursor: report ID
	Limit int
}

// LikePattern turns text into a LIKE pattern matching it anywhere, with
// the wildcards % and _ and the escape \ in it taken literally (ESCAPE '\').
func LikePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(text) + "%"
}

// Edge is one link between a report and a linking selector.
type Edge struct {
	ReportID   string
	SelectorID string
	// The selector's kind, canonical value and subtype, so that a rebuild
	// applies the same allow-list rules (by domain) as intake does.
	Kind, Value, Subtype string
}

// Reader is every read the services make.
//
// The reads that take a Scope (in a filter or as an argument) count,
// list and aggregate over the reports that scope may see, so that a record
// a viewer may not see changes nothing the viewer sees; a network with no
// report in scope does not exist for that viewer (store.ErrNotFound). The
// other reads are the server's own and unscoped: the service checks the
// marking of what they return before showing it.
type Reader interface {
	TrustReader
	CheckReader
	CaseReader
	// GetReport returns a report whatever its marking.
	GetReport(ctx context.Context, id string) (*Report, error)
	// GetReportByRef returns the report an origin stored under its own reference.
	GetReportByRef(ctx context.Context, origin, externalRef string) (*Report, error)
	// ListReports returns the reports in f.Scope in ID order after f.After.
	ListReports(ctx context.Context, f ReportFilter) ([]*Report, error)
	GetContact(ctx context.Context, reportID string) (*Contact, error)
	// GetSelector returns what the store knows of a selector across all reports.
	GetSelector(ctx context.Context, id string) (*Selector, error)
	// SelectorStats aggregates the reports in scope that name a selector;
	// store.ErrNotFound when none does.
	SelectorStats(ctx context.Context, selectorID string, sc Scope) (*SelectorStats, error)
	// SelectorsByHashPrefix returns the selectors whose Hash starts with prefix.
	SelectorsByHashPrefix(ctx context.Context, prefix string) ([]*Selector, error)
	GetNetwork(ctx context.Context, id string) (*Network, error) // follows redirects of merged networks; unscoped
	// SummariseNetwork aggregates a network's reports in scope (after redirects).
	SummariseNetwork(ctx context.Context, id string, sc Scope) (*NetworkSummary, error)
	// ListNetworks lists the networks with reports in f.Scope, largest
	// (in reports in scope) first, then by ID.
	ListNetworks(ctx context.Context, f NetworkFilter) ([]*Network, error)
	// NetworkSelectors returns the selectors named by a network's reports in
	// scope, with how many of them name each, most first. Outside Scope.All
	// each Selector's Reports, Sources, FirstSeen and LastSeen are counted
	// over the reports in scope too.
	NetworkSelectors(ctx context.Context, networkID string, limit int, sc Scope) ([]SelectorCount, error)
	// NoLinkSelectors returns the IDs of the selectors marked "does not link".
	NoLinkSelectors(ctx context.Context) ([]string, error)
	// Edges streams every (report, selector) link, excluding NoLink selectors, for a rebuild.
	Edges(ctx context.Context, fn func(Edge) error) error
	// Counts counts the reports in scope, the selectors they name and the
	// networks they are in.
	Counts(ctx context.Context, sc Scope) (Counts, error)
}

// SelectorStats is what the reports in a scope say of one selector.
type SelectorStats struct {
	Reports             int // reports naming it
	Sources             int // distinct origins of those reports
	FirstSeen, LastSeen time.Time
	ScamTypes           []string // sorted, without repeats or ""
	Networks            []string // network IDs, sorted, without repeats
}

// SelectorCount is a selector with the number of reports naming it.
type SelectorCount struct {
	Selector
	Count int
}

// Counts are the store's totals.
type Counts struct {
	Reports   int
	Selectors int
	Networks  int
}

// Writer is every change, made inside one transaction (Store.Update).
type Writer interface {
	Reader
	TrustWriter
	CaseWriter
	BatchWriter
	// InsertReports stores reports with their losses, selector links and
	// recipients, skipping any whose (Origin, ExternalRef) is already
	// stored; inserted[i] says whether reports[i] was new. Selector rows are
	// upserted (first and last seen, report and source counts).
	InsertReports(ctx context.Context, reports []*Report) (inserted []bool, err error)
	PutContact(ctx context.Context, c *Contact) error
	SetSelectorFlags(ctx context.Context, id string, f SelectorFlags) error
	// SetNetworks records which network each report is in.
	SetNetworks(ctx context.Context, reportIDs, networkIDs []string) error
	// MergeNetworks moves every report of absorbed into survivor and keeps a redirect.
	MergeNetworks(ctx context.Context, absorbed, survivor string) error
	// RefreshNetworks recomputes the summaries of the given networks from
	// their reports (and deletes summaries of networks left empty).
	RefreshNetworks(ctx context.Context, ids []string) error
	// ReplaceNetworks sets every report's network at once (after a rebuild)
	// and recomputes every summary.
	ReplaceNetworks(ctx context.Context, assign func(reportID string) string) error
}

// Store is a database: reads outside transactions, writes inside Update.
type Store interface {
	Reader
	// Update runs fn in one transaction: all of its writes land or none.
	Update(ctx context.Context, fn func(w Writer) error) error
	Close() error
}
