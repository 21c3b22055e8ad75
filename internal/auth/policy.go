package auth

import (
	"fmt"
	"slices"
	"strings"
)

// Role is what a user may do on this server. Every user has exactly one
// role; visitors who are not signed in act as RolePublic.
type Role string

// Roles.
const (
	RoleAdmin         Role = "admin"          // runs the server for one organisation: users, organisations, audit
	RoleAnalyst       Role = "analyst"        // police analyst: reports, selectors, networks, exports
	RoleCaseOfficer   Role = "case_officer"   // consular case officer: follows nationals, refers to support
	RoleProsecutor    Role = "prosecutor"     // reads screenings apart from charge evidence
	RoleSupportWorker Role = "support_worker" // NGO shelter worker: receives referrals
	RolePartner       Role = "partner"        // bank, exchange, telecom: lists and checks only
	RolePublic        Role = "public"         // anyone: public checks and the public report form
)

// Action is something a role may be allowed to do.
type Action string

// Actions.
const (
	ActionReadReport         Action = "read_report"
	ActionCreateReport       Action = "create_report"
	ActionImport             Action = "import"
	ActionMarkSelector       Action = "mark_selector"
	ActionReadNetwork        Action = "read_network"
	ActionSearch             Action = "search"
	ActionExport             Action = "export"
	ActionCheckPublic        Action = "check_public"
	ActionCheckBatch         Action = "check_batch"
	ActionRangeCheck         Action = "range_check"
	ActionReadAudit          Action = "read_audit"
	ActionManageOrg          Action = "manage_org"
	ActionManageUsers        Action = "manage_users"
	ActionCreateToken        Action = "create_token"
	ActionReadPerson         Action = "read_person"
	ActionReadScreening      Action = "read_screening"
	ActionReadChargeEvidence Action = "read_charge_evidence"
	ActionReferSupport       Action = "refer_support"
	// Changing casework: persons, roles, cases, triage, flights and
	// match decisions; screening interviews and their decisions; charge
	// evidence; compounds and advisory zones.
	ActionWriteCase           Action = "write_case"
	ActionWriteScreening      Action = "write_screening"
	ActionWriteChargeEvidence Action = "write_charge_evidence"
	ActionWritePlace          Action = "write_place"
)

// allActions lists every action, in the order above.
var allActions = []Action{
	ActionReadReport, ActionCreateReport, ActionImport, ActionMarkSelector,
	ActionReadNetwork, ActionSearch, ActionExport,
	ActionCheckPublic, ActionCheckBatch, ActionRangeCheck,
	ActionReadAudit, ActionManageOrg, ActionManageUsers, ActionCreateToken,
	ActionReadPerson, ActionReadScreening, ActionReadChargeEvidence, ActionReferSupport,
	ActionWriteCase, ActionWriteScreening, ActionWriteChargeEvidence, ActionWritePlace,
}

// permissions is the whole access policy: each role and the actions it is
// allowed. Anything not listed is refused. Record-level rules (TLP, which
// fields of a person a support worker sees) come on top; see tlp.go.
var permissions = map[Role][]Action{
	RoleAdmin: allActions,

	RoleAnalyst: {
		ActionReadReport, ActionCreateReport, ActionImport, ActionMarkSelector,
		ActionReadNetwork, ActionSearch, ActionExport,
		ActionCheckPublic, ActionCheckBatch, ActionRangeCheck,
		ActionCreateToken,
		ActionWriteChargeEvidence, ActionWritePlace,
	},

	RoleCaseOfficer: {
		ActionReadReport, ActionCreateReport,
		ActionReadNetwork, ActionSearch,
		ActionCheckPublic, ActionCheckBatch, ActionRangeCheck,
		ActionReadPerson, ActionReferSupport,
		ActionCreateToken,
		ActionWriteCase, ActionWriteScreening, ActionWritePlace,
	},

	RoleProsecutor: {
		ActionReadReport,
		ActionReadNetwork, ActionSearch,
		ActionCheckPublic, ActionCheckBatch, ActionRangeCheck,
		ActionReadPerson, ActionReadScreening, ActionReadChargeEvidence,
		ActionWriteChargeEvidence,
	},

	// Referrals only: the service shows a support worker just the persons
	// referred to their organisation, and only the fields the survivor
	// agreed to share.
	RoleSupportWorker: {
		ActionReadPerson,
		ActionCheckPublic,
	},

	// Partners pull lists and run checks; they never read reports.
	RolePartner: {
		ActionCheckPublic, ActionCheckBatch, ActionRangeCheck,
		ActionCreateToken,
	},

	// create_report is the public web form.
	RolePublic: {
		ActionCheckPublic, ActionRangeCheck,
		ActionCreateReport,
	},
}

// roles lists every role, most powerful first.
var roles = []Role{RoleAdmin, RoleAnalyst, RoleCaseOfficer, RoleProsecutor, RoleSupportWorker, RolePartner, RolePublic}

// Allowed reports whether role may perform a. Unknown roles and actions
// are refused.
func Allowed(role Role, a Action) bool {
	return slices.Contains(permissions[role], a)
}

// Roles returns every role, most powerful first.
func Roles() []Role { return slices.Clone(roles) }

// Actions returns every action.
func Actions() []Action { return slices.Clone(allActions) }

// ParseRole returns the role named s (case and surrounding space ignored).
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(roles, r) {
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want one of %s)", s, joinNames(roles))
}

// ParseAction returns the action named s (case and surrounding space ignored).
func ParseAction(s string) (Action, error) {
	a := Action(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(allActions, a) {
		return a, nil
	}
	return "", fmt.Errorf("unknown action %q", s)
}

func joinNames[T ~string](xs []T) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(x))
	}
	return b.String()
}
