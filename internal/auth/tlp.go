package auth

import "slices"

// TLP 2.0 labels, spelled as the store keeps them.
const (
	TLPClear       = "CLEAR"
	TLPGreen       = "GREEN"
	TLPAmber       = "AMBER"
	TLPAmberStrict = "AMBER+STRICT"
	TLPRed         = "RED"
)

// Viewer is who is asking to read a record.
type Viewer struct {
	UserID    string   // "" when not signed in
	Org       string   // the viewer's organisation; "" when not signed in
	Role      Role     // RolePublic when not signed in
	PartnerOf []string // organisations that named Org as a partner
}

// Marking is the sharing label of a record.
type Marking struct {
	Origin     string   // organisation that created the record
	TLP        string   // one of the TLP* labels
	CreatedBy  string   // user ID of the creator
	Recipients []string // TLP:RED only: user IDs the creator named
}

// TLPAllows applies the TLP 2.0 label alone, as this server reads it:
//
//	CLEAR         anyone, signed in or not
//	GREEN         any signed-in member of an organisation on this server
//	AMBER         members of the origin organisation and of the
//	              organisations the origin named as partners (TLP's
//	              "clients")
//	AMBER+STRICT  members of the origin organisation only
//	RED           the creator and the recipients the creator named
//
// "Signed in" means a UserID, an Org and a role other than public. An
// unknown or empty label, or an empty Origin, reads as closed. No role
// overrides the label, admin included: the label is the source's promise
// to whoever shared the record, so a wider read needs the source's
// permission (re-marking), not a role.
func TLPAllows(v Viewer, m Marking) bool {
	if m.TLP == TLPClear {
		return true
	}
	if v.UserID == "" || v.Org == "" || v.Role == RolePublic || v.Role == "" {
		return false
	}
	switch m.TLP {
	case TLPGreen:
		return true
	case TLPAmber:
		return m.Origin != "" && (v.Org == m.Origin || slices.Contains(v.PartnerOf, m.Origin))
	case TLPAmberStrict:
		return m.Origin != "" && v.Org == m.Origin
	case TLPRed:
		return v.UserID == m.CreatedBy || slices.Contains(m.Recipients, v.UserID)
	}
	return false
}

// CanDo reports whether v may perform a on a record marked m: the role
// must allow a and the label must allow v.
func CanDo(v Viewer, a Action, m Marking) bool {
	return Allowed(v.Role, a) && TLPAllows(v, m)
}

// CanRead reports whether v may read a report marked m. Roles without
// read_report (support workers, partners, the public) never read reports,
// whatever the label: partners and the public learn about selectors only
// through checks, which reveal no report.
func CanRead(v Viewer, m Marking) bool {
	return CanDo(v, ActionReadReport, m)
}
