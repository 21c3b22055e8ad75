package store

import (
	"context"
	"time"
)

// Org is an organisation on this server: a police unit, an embassy, a
// prosecutor's office, an NGO, a bank.
type Org struct {
	ID        string   // ULID
	Name      string   // unique; reports name their origin by it
	Country   string   // ISO 3166-1 alpha-2
	Kind      string   // police, embassy, prosecutor, ngo, bank, exchange, telecom, other
	Partners  []string // names of the organisations this one shares AMBER with
	CreatedAt time.Time
}

// User is a person (or a machine account) of one organisation.
type User struct {
	ID           string // ULID
	Org          string // organisation name
	Email        string // unique, lower case
	Name         string // the name colleagues know the user by; may be empty
	Role         string // admin, analyst, case_officer, prosecutor, support_worker, partner
	PasswordHash string // argon2id, PHC string
	TOTPSecret   string // base32; empty: no second factor
	Failures     int    // consecutive failed logins
	LastFailure  time.Time
	Disabled     bool
	CreatedAt    time.Time
}

// Token is a personal API token; only its hash is stored.
type Token struct {
	ID        string // ULID
	UserID    string
	Name      string
	Hash      string // hex SHA-256 of the token
	CreatedAt time.Time
	ExpiresAt time.Time // zero: never
	RevokedAt time.Time // zero: not revoked
}

// Session is a signed-in web session; only its ID's hash is stored.
type Session struct {
	Hash      string // hex SHA-256 of the session ID
	UserID    string
	CSRF      string // the session's CSRF token
	CreatedAt time.Time
	ExpiresAt time.Time
}

// AuditEntry is one entry of the hash-chained audit trail.
type AuditEntry struct {
	Seq        int64 // 1, 2, 3, ... with no gaps
	At         time.Time
	Actor      string // user ID, or "" for the public
	Org        string
	Addr       string // client address
	Action     string // read, create, update, export, login, login_failed, deny, ...
	RecordType string
	RecordID   string
	Purpose    string
	Decision   string // allow or deny
	Prev       string // hash of the previous entry
	Hash       string
}

// AuditFilter selects audit entries; zero fields do not filter.
type AuditFilter struct {
	Actor, Org, Action, RecordID string
	Since, Until                 time.Time
	AfterSeq                     int64
	Limit                        int
}

// Scope is what a viewer may read, as the TLP 2.0 rules decide it. The
// zero Scope is the public's: CLEAR records only. A report is in scope when
//
//   - All is set, or
//   - it is CLEAR, or
//   - it is GREEN and Member is set, or
//   - Org is set, it is AMBER and its origin is Org or one of PartnerOf, or
//   - Org is set, it is AMBER+STRICT and its origin is Org, or
//   - UserID is set, it is RED and UserID created it or is one of its
//     Recipients.
//
// A report with any other label (an empty one included) is in Scope.All only.
type Scope struct {
	All       bool     // no restriction: the server's own jobs and the operator's CLI
	Member    bool     // a signed-in member of an organisation here: GREEN too
	Org       string   // AMBER and AMBER+STRICT of this origin
	PartnerOf []string // AMBER of these origins (they named Org as a partner)
	UserID    string   // RED records this user created or is a named recipient of
}

// TrustReader reads organisations, users, tokens, sessions and the audit trail.
type TrustReader interface {
	GetOrg(ctx context.Context, name string) (*Org, error) // with its partners, sorted
	ListOrgs(ctx context.Context) ([]*Org, error)          // by name
	// PartnersOf returns, sorted, the names of the organisations that named
	// org as a partner: the Scope.PartnerOf of org's members.
	PartnersOf(ctx context.Context, org string) ([]string, error)
	GetUser(ctx context.Context, id string) (*User, error)
	GetUserByEmail(ctx context.Context, email string) (*User, error) // whatever its case
	ListUsers(ctx context.Context, org string) ([]*User, error)      // by e-mail; org "" lists everyone
	// UsersByID returns, in one read, the stored users among ids (in ID
	// order, each once); an ID no user has is left out.
	UsersByID(ctx context.Context, ids []string) ([]*User, error)
	// TokenByHash returns a token, revoked or expired ones included (the caller decides).
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	ListTokens(ctx context.Context, userID string) ([]*Token, error) // oldest first
	// SessionByHash returns a session, expired ones included (the caller decides).
	SessionByHash(ctx context.Context, hash string) (*Session, error)
	// AuditEntries streams entries in Seq order; an error from fn stops it
	// and is returned as it is. In PostgreSQL, fn must not use the
	// transaction the entries are read in.
	AuditEntries(ctx context.Context, f AuditFilter, fn func(*AuditEntry) error) error
}

// TrustWriter changes them, inside a transaction. A missing organisation,
// partner or user that a record names is ErrNotFound.
type TrustWriter interface {
	PutOrg(ctx context.Context, o *Org) error // insert, with its partners; ErrConflict on a taken name or ID
	// SetPartners replaces the organisations org shares its AMBER with.
	SetPartners(ctx context.Context, org string, partners []string) error
	PutUser(ctx context.Context, u *User) error // insert, e-mail in lower case; ErrConflict on a taken e-mail or ID
	// UpdateUser writes every field but ID and CreatedAt; ErrNotFound for
	// an unknown ID, ErrConflict on a taken e-mail.
	UpdateUser(ctx context.Context, u *User) error
	PutToken(ctx context.Context, t *Token) error // insert; ErrConflict on a taken hash or ID
	// RevokeToken marks a token revoked; one revoked before keeps its first time.
	RevokeToken(ctx context.Context, id string, at time.Time) error
	PutSession(ctx context.Context, s *Session) error     // insert; ErrConflict on a taken hash
	DeleteSession(ctx context.Context, hash string) error // ErrNotFound when there is none
	// DeleteUserSessions deletes every session of a user (signing them
	// out everywhere) and returns how many there were.
	DeleteUserSessions(ctx context.Context, userID string) (int, error)
	// AppendAudit appends e to the chain: it sets e.Seq and e.Prev from the
	// chain's head (serialised against concurrent appends), sets a zero
	// e.At to now and cuts e.At to the microsecond in UTC, then seal
	// computes e.Hash (it must not change Seq or Prev), and the entry is
	// stored in the same transaction as the change it records.
	AppendAudit(ctx context.Context, e *AuditEntry, seal func(*AuditEntry)) error
}
