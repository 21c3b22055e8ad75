package store

import (
	"strings"
	"time"
)

// Casework records: the people counterscam follows (victims, suspects,
// witnesses, the families who report them), their cases, screenings,
// flights and referrals.
//
// Storage design, the same in both drivers: each record is kept whole as
// JSON text (the record's `json` tags are its stored form, so a tag is
// never renamed), beside typed columns that repeat the few fields queries
// filter and sort on (origin, label, state, dates, links). Both are
// written from the same record in the same statement; reads return the
// JSON. Lookups by name, document number or selector go through a key
// table that the casework service fills (see PersonKeys).

// Person is someone counterscam follows. Every field but ID may be empty.
// A person's data is personal data: it carries its origin, TLP 2.0 label,
// legal basis and purpose, and every read through the service is audited.
type Person struct {
	ID          string `json:"id"`           // ULID
	Origin      string `json:"origin"`       // organisation that holds the record
	ExternalRef string `json:"external_ref"` // the origin's own reference; (Origin, ExternalRef) is unique when set
	TLP         string `json:"tlp"`
	LegalBasis  string `json:"legal_basis"`
	Purpose     string `json:"purpose"`
	CreatedBy   string `json:"created_by"` // user ID ("" for imports)

	Names []PersonName `json:"names"`
	// DOB is a possibly partial date of birth: YYYY-MM-DD, YYYY-MM, YYYY or "".
	DOB           string             `json:"dob"`
	Sex           string             `json:"sex"`           // M, F, X or ""
	Nationalities []string           `json:"nationalities"` // ISO 3166-1 alpha-2
	Documents     []IdentityDocument `json:"documents"`
	Selectors     []PersonSelector   `json:"selectors"` // phones, handles, accounts: links into the intelligence graph
	Languages     []string           `json:"languages"` // BCP 47
	NextOfKin     []Kin              `json:"next_of_kin"`
	Notes         string             `json:"notes"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"` // set by the store's caller on every change
}

// PersonName is one written form of a person's name.
type PersonName struct {
	// Kind: primary (in the person's own script), passport (Latin as in the
	// passport), alias, nickname (a compound or work name), other.
	Kind   string `json:"kind"`
	Script string `json:"script"` // ISO 15924: Hang, Latn, Khmr, Hani, Thai; "" when unknown
	Text   string `json:"text"`
	Family string `json:"family,omitempty"` // when the source keeps the parts apart
	Given  string `json:"given,omitempty"`
}

// IdentityDocument is a passport, an emergency travel document or another
// identity paper, with what became of it.
type IdentityDocument struct {
	// Type: passport, emergency_travel_document, travel_certificate, national_id.
	Type    string `json:"type"`
	Number  string `json:"number"`  // as printed
	Country string `json:"country"` // issuing state, ISO 3166-1 alpha-2
	// Status: held (by the person), held_by_captors, lost, invalidated,
	// replaced, seized (by authorities), expired.
	Status    string    `json:"status"`
	IssuedOn  string    `json:"issued_on,omitempty"` // YYYY-MM-DD
	ExpiresOn string    `json:"expires_on,omitempty"`
	IssuedBy  string    `json:"issued_by,omitempty"` // issuing post, e.g. an embassy
	Note      string    `json:"note,omitempty"`
	ChangedAt time.Time `json:"changed_at,omitempty"` // when the status was last set
}

// PersonSelector is a phone, handle, account or other selector of a
// person, normalised by the selector package: SelectorID is the same ID
// the intelligence graph uses.
type PersonSelector struct {
	SelectorID string `json:"selector_id"`
	Kind       string `json:"kind"`
	Value      string `json:"value"` // canonical
	Display    string `json:"display"`
	Role       string `json:"role"` // own, used_in_compound, recruiter_contact, ...
}

// Kin is a next of kin or another person to contact.
type Kin struct {
	Name     string `json:"name"`
	Relation string `json:"relation"` // mother, father, spouse, sibling, child, friend, other
	Phone    string `json:"phone,omitempty"`
	Email    string `json:"email,omitempty"`
	// MayContact: the person agreed that the family be contacted.
	MayContact bool `json:"may_contact"`
}

// PersonRole is a role a person holds in a case over a period. A person
// holds several at once (a possible victim who is also a suspect) and
// roles change: the model never forces one.
type PersonRole struct {
	ID       string    `json:"id"`
	PersonID string    `json:"person_id"`
	CaseID   string    `json:"case_id"` // "" for a role outside any case
	Role     string    `json:"role"`    // possible_victim, identified_victim, suspect, defendant, witness, recruiter, manager, money_mule, family_reporter
	From     time.Time `json:"from"`
	Until    time.Time `json:"until,omitempty"` // zero: still holds it
	Org      string    `json:"org"`             // who asserts it
	By       string    `json:"by"`              // user ID
	Note     string    `json:"note,omitempty"`
}

// MatchDecision is a person's judgement that two records are, or are not,
// the same person. A and B are person IDs or partner-row keys, A < B.
type MatchDecision struct {
	A         string    `json:"a"`
	B         string    `json:"b"`
	Same      bool      `json:"same"`
	By        string    `json:"by"`
	Org       string    `json:"org"`
	Note      string    `json:"note,omitempty"`
	DecidedAt time.Time `json:"decided_at"`
}

// PersonFilter selects persons; zero fields do not filter.
type PersonFilter struct {
	Origin string
	// UpdatedSince keeps persons updated at or after it, in update order
	// (then ID); otherwise persons come in ID order.
	UpdatedSince time.Time
	After        string // keyset cursor (ID order only)
	Limit        int
}

// PersonStamp says whether the persons changed: their number and the
// latest UpdatedAt.
type PersonStamp struct {
	Count       int
	LastUpdated time.Time
}

// PersonKeyHit is one person found under one lookup key.
type PersonKeyHit struct {
	Key      string
	PersonID string
}

// PersonIndexEntry is what person matching reads of a person: its
// marking, reference and version, names, date of birth, sex, first
// nationality and documents (type, number, issuer). The drivers keep it in
// a compact column beside the record (see EncodeMatchData), so that
// indexing every person reads no JSON.
type PersonIndexEntry struct {
	ID, Origin, ExternalRef, TLP, CreatedBy string
	UpdatedAt                               time.Time
	Names                                   []PersonName
	DOB, Sex, Nationality                   string
	Documents                               []IdentityDocument // Type, Number and Country only
}

// EncodeMatchData writes the matching fields of p as lines of
// tab-separated fields: "p" dob sex nationality, then "n" kind script
// text family given for each name and "d" type number country for each
// document. Tabs and line breaks inside values become spaces.
func EncodeMatchData(p *Person) string {
	var b strings.Builder
	clean := func(s string) string {
		if strings.ContainsAny(s, "\t\r\n") {
			return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
		}
		return s
	}
	line := func(fields ...string) {
		for i, f := range fields {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean(f))
		}
		b.WriteByte('\n')
	}
	nat := ""
	if len(p.Nationalities) > 0 {
		nat = p.Nationalities[0]
	}
	line("p", p.DOB, p.Sex, nat)
	for _, n := range p.Names {
		line("n", n.Kind, n.Script, n.Text, n.Family, n.Given)
	}
	for _, d := range p.Documents {
		line("d", d.Type, d.Number, d.Country)
	}
	return b.String()
}

// DecodeMatchData reads what EncodeMatchData wrote into e's matching fields.
func DecodeMatchData(s string, e *PersonIndexEntry) {
	for line := range strings.SplitSeq(s, "\n") {
		f := strings.Split(line, "\t")
		get := func(i int) string {
			if i < len(f) {
				return f[i]
			}
			return ""
		}
		switch f[0] {
		case "p":
			e.DOB, e.Sex, e.Nationality = get(1), get(2), get(3)
		case "n":
			e.Names = append(e.Names, PersonName{Kind: get(1), Script: get(2), Text: get(3), Family: get(4), Given: get(5)})
		case "d":
			e.Documents = append(e.Documents, IdentityDocument{Type: get(1), Number: get(2), Country: get(3)})
		}
	}
}
