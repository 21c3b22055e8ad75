package casework

import (
	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// Who may read what, on top of the TLP 2.0 label of each record:
//
//	persons, cases, roles, intakes,   auth.ActionReadPerson, except support
//	deadlines, flights, reconcile     workers (they see referrals only)
//	screenings                        auth.ActionReadScreening
//	charge evidence                   auth.ActionReadChargeEvidence
//	dossier (both side by side)       both of the above
//	compounds                         auth.ActionReadReport
//	advisory zones                    anyone
//	a referral's shared fields        support workers of the receiving
//	                                  organisation, while consent holds;
//	                                  the referring side (ActionReferSupport)
//	HTCDS export                      auth.ActionExport and ActionReadScreening
//
// Changes follow the same table in package auth (the console operator may
// do everything); support workers and partners change nothing here:
//
//	persons, roles, cases, triage,    auth.ActionWriteCase
//	flights, match decisions
//	screenings and their decisions    auth.ActionWriteScreening
//	charge evidence                   auth.ActionWriteChargeEvidence
//	compounds and advisory zones      auth.ActionWritePlace
const (
	writeCase      = auth.ActionWriteCase
	writeScreening = auth.ActionWriteScreening
	writeEvidence  = auth.ActionWriteChargeEvidence
	writePlace     = auth.ActionWritePlace
)

// canWrite says whether p may make a change of kind a.
func canWrite(p trust.Principal, a auth.Action) bool {
	return p.IsOperator() || auth.Allowed(p.Role, a)
}

// marking is the sharing label of a casework record.
type marking struct {
	origin, tlp, createdBy string
}

// mayRead applies the role (action a) and the record's TLP 2.0 label.
// Support workers never read a full casework record: what they see comes
// through referrals.
func mayRead(p trust.Principal, a auth.Action, m marking) bool {
	if p.IsOperator() {
		return true
	}
	if p.Role == auth.RoleSupportWorker {
		return false
	}
	return auth.CanDo(p.Viewer, a, auth.Marking{Origin: m.origin, TLP: m.tlp, CreatedBy: m.createdBy})
}

// mayReadAny says whether p's role allows a at all (for lists).
func mayReadAny(p trust.Principal, a auth.Action) bool {
	return p.IsOperator() || p.Role != auth.RoleSupportWorker && auth.Allowed(p.Role, a)
}
