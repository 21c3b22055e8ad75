package auth

import (
	"slices"
	"strings"
	"testing"
)

// wantMatrix is the intended policy written the other way round from
// policy.go (one row per action, one column per role), so that a change
// to either is caught by the other. x = allowed.
//
//	columns: admin analyst case_officer prosecutor support_worker partner public
var wantMatrix = map[Action]string{
	ActionReadReport:         "x x x x . . .",
	ActionCreateReport:       "x x x . . . x",
	ActionImport:             "x x . . . . .",
	ActionMarkSelector:       "x x . . . . .",
	ActionReadNetwork:        "x x x x . . .",
	ActionSearch:             "x x x x . . .",
	ActionExport:             "x x . . . . .",
	ActionCheckPublic:        "x x x x x x x",
	ActionCheckBatch:         "x x x x . x .",
	ActionRangeCheck:         "x x x x . x x",
	ActionReadAudit:          "x . . . . . .",
	ActionManageOrg:          "x . . . . . .",
	ActionManageUsers:        "x . . . . . .",
	ActionCreateToken:        "x x x . . x .",
	ActionReadPerson:         "x . x x x . .",
	ActionReadScreening:      "x . . x . . .",
	ActionReadChargeEvidence: "x . . x . . .",
	ActionReferSupport:       "x . x . . . .",
	// Support workers and partners change nothing of casework.
	ActionWriteCase:           "x . x . . . .",
	ActionWriteScreening:      "x . x . . . .",
	ActionWriteChargeEvidence: "x x . x . . .",
	ActionWritePlace:          "x x x . . . .",
}

var matrixColumns = []Role{RoleAdmin, RoleAnalyst, RoleCaseOfficer, RoleProsecutor, RoleSupportWorker, RolePartner, RolePublic}

func TestPermissionMatrix(t *testing.T) {
	if !slices.Equal(Roles(), matrixColumns) {
		t.Fatalf("Roles() = %v, matrix columns %v", Roles(), matrixColumns)
	}
	if len(wantMatrix) != len(Actions()) {
		t.Fatalf("matrix has %d actions, Actions() %d", len(wantMatrix), len(Actions()))
	}
	for _, a := range Actions() {
		row, ok := wantMatrix[a]
		if !ok {
			t.Errorf("action %s missing from the expected matrix", a)
			continue
		}
		cells := strings.Fields(row)
		if len(cells) != len(matrixColumns) {
			t.Fatalf("matrix row %s has %d cells", a, len(cells))
		}
		for i, r := range matrixColumns {
			if want := cells[i] == "x"; Allowed(r, a) != want {
				t.Errorf("Allowed(%s, %s) = %v, want %v", r, a, !want, want)
			}
		}
	}
	// Every action the table grants exists, and no role lists one twice.
	for r, as := range permissions {
		for i, a := range as {
			if !slices.Contains(allActions, a) || slices.Contains(as[:i], a) {
				t.Errorf("role %s: action %q unknown or repeated", r, a)
			}
		}
	}
}

func TestAllowedDeniesUnknown(t *testing.T) {
	for _, c := range []struct {
		r Role
		a Action
	}{
		{"", ActionCheckPublic},
		{"root", ActionReadReport},
		{"Admin", ActionReadReport},
		{RoleAdmin, ""},
		{RoleAdmin, "delete_everything"},
		{RoleAdmin, "READ_REPORT"},
	} {
		if Allowed(c.r, c.a) {
			t.Errorf("Allowed(%q, %q) = true", c.r, c.a)
		}
	}
}

func TestParseRole(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Role
		ok   bool
	}{
		{"admin", RoleAdmin, true},
		{" Case_Officer\n", RoleCaseOfficer, true},
		{"SUPPORT_WORKER", RoleSupportWorker, true},
		{"public", RolePublic, true},
		{"", "", false},
		{"case officer", "", false},
		{"admins", "", false},
		{"ａdmin", "", false},
	} {
		got, err := ParseRole(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
	if _, err := ParseRole("boss"); err == nil || !strings.Contains(err.Error(), "admin, analyst, case_officer") {
		t.Errorf("ParseRole error %v does not list the roles", err)
	}
	for _, a := range Actions() {
		if got, err := ParseAction(strings.ToUpper(string(a))); got != a || err != nil {
			t.Errorf("ParseAction(%q) = %q, %v", a, got, err)
		}
	}
	if _, err := ParseAction("fly"); err == nil {
		t.Error("ParseAction(fly) succeeded")
	}
}

func FuzzParseRole(f *testing.F) {
	for _, r := range Roles() {
		f.Add(string(r))
	}
	f.Add(" Admin ")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRole(s)
		if err != nil {
			if r != "" {
				t.Fatalf("ParseRole(%q) = %q with error", s, r)
			}
			return
		}
		if !slices.Contains(Roles(), r) || !Allowed(r, ActionCheckPublic) {
			t.Fatalf("ParseRole(%q) = %q, not a usable role", s, r)
		}
	})
}
