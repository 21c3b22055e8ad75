package auth

import (
	"slices"
	"strings"
	"testing"

	"counterscam/internal/store"
)

// wantTLP is what the label allows a signed-in member (any role but
// public), per origin relation and RED recipiency. Columns:
//
//	same org: recipient, not | partner org: recipient, not | other org: recipient, not
var wantTLP = map[string]string{
	TLPClear:       "x x  x x  x x",
	TLPGreen:       "x x  x x  x x",
	TLPAmber:       "x x  x x  . .",
	TLPAmberStrict: "x x  . .  . .",
	TLPRed:         "x .  x .  x .",
}

func TestTLPMatrix(t *testing.T) {
	const origin = "KNPA"
	orgs := []struct {
		name      string
		org       string
		partnerOf []string
	}{
		{"same", origin, nil},
		{"partner", "CNP", []string{"MOFA", origin}},
		{"other", "NGO-1", []string{"MOFA"}},
	}
	for _, r := range Roles() {
		mayRead := strings.Fields(wantMatrix[ActionReadReport])[slices.Index(matrixColumns, r)] == "x"
		for tlp, row := range wantTLP {
			cells := strings.Fields(row)
			for i, o := range orgs {
				for j, recipient := range []bool{true, false} {
					v := Viewer{UserID: "u-viewer", Org: o.org, Role: r, PartnerOf: o.partnerOf}
					m := Marking{Origin: origin, TLP: tlp, CreatedBy: "u-creator", Recipients: []string{"u-other"}}
					if recipient {
						m.Recipients = append(m.Recipients, "u-viewer")
					}
					wantLabel := cells[2*i+j] == "x"
					if r == RolePublic {
						wantLabel = tlp == TLPClear
					}
					if got := TLPAllows(v, m); got != wantLabel {
						t.Errorf("TLPAllows(%s, %s org, %s, recipient=%v) = %v, want %v", r, o.name, tlp, recipient, got, wantLabel)
					}
					if got, want := CanRead(v, m), wantLabel && mayRead; got != want {
						t.Errorf("CanRead(%s, %s org, %s, recipient=%v) = %v, want %v", r, o.name, tlp, recipient, got, want)
					}
				}
			}
		}
	}
}

func TestTLPEdges(t *testing.T) {
	analyst := Viewer{UserID: "u1", Org: "KNPA", Role: RoleAnalyst}
	for _, c := range []struct {
		name string
		v    Viewer
		m    Marking
		want bool
	}{
		{"creator reads own RED", Viewer{UserID: "u9", Org: "CNP", Role: RoleAnalyst}, Marking{Origin: "KNPA", TLP: TLPRed, CreatedBy: "u9"}, true},
		{"RED with no recipients", analyst, Marking{Origin: "KNPA", TLP: TLPRed, CreatedBy: "u2"}, false},
		{"anonymous never matches an empty recipient", Viewer{Role: RoleAnalyst}, Marking{TLP: TLPRed, Recipients: []string{""}}, false},
		{"anonymous never matches an empty creator", Viewer{Org: "KNPA", Role: RoleAnalyst}, Marking{Origin: "KNPA", TLP: TLPRed}, false},
		{"no user ID: GREEN closed", Viewer{Org: "KNPA", Role: RoleAnalyst}, Marking{Origin: "KNPA", TLP: TLPGreen}, false},
		{"no org: GREEN closed", Viewer{UserID: "u1", Role: RoleAnalyst}, Marking{Origin: "KNPA", TLP: TLPGreen}, false},
		{"no role: GREEN closed", Viewer{UserID: "u1", Org: "KNPA"}, Marking{Origin: "KNPA", TLP: TLPGreen}, false},
		{"empty origin: AMBER closed", Viewer{UserID: "u1", Role: RoleAnalyst}, Marking{TLP: TLPAmber}, false},
		{"empty origin: AMBER+STRICT closed", Viewer{UserID: "u1", Role: RoleAnalyst, PartnerOf: []string{""}}, Marking{TLP: TLPAmberStrict}, false},
		{"lower-case label is not a label", analyst, Marking{Origin: "KNPA", TLP: "green"}, false},
		{"TLP:WHITE is retired", analyst, Marking{Origin: "KNPA", TLP: "WHITE"}, false},
		{"no label", analyst, Marking{Origin: "KNPA"}, false},
		{"prefixed label", analyst, Marking{Origin: "KNPA", TLP: "TLP:AMBER"}, false},
		{"admin has no override", Viewer{UserID: "a", Org: "CNP", Role: RoleAdmin}, Marking{Origin: "KNPA", TLP: TLPAmberStrict}, false},
		{"partner naming is one-way", Viewer{UserID: "u1", Org: "KNPA", Role: RoleAnalyst}, Marking{Origin: "CNP", TLP: TLPAmber}, false},
	} {
		if got := TLPAllows(c.v, c.m); got != c.want {
			t.Errorf("%s: TLPAllows = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCanDo(t *testing.T) {
	m := Marking{Origin: "KNPA", TLP: TLPAmber}
	worker := Viewer{UserID: "w1", Org: "KNPA", Role: RoleSupportWorker}
	if !CanDo(worker, ActionReadPerson, m) {
		t.Error("support worker of the origin cannot read a person record")
	}
	if CanDo(worker, ActionReadScreening, m) || CanRead(worker, m) {
		t.Error("support worker reads a screening or a report")
	}
	if CanDo(Viewer{UserID: "w2", Org: "NGO-2", Role: RoleSupportWorker}, ActionReadPerson, m) {
		t.Error("support worker of an unrelated organisation reads an AMBER person record")
	}
}

func TestTLPLabelsMatchStore(t *testing.T) {
	for _, c := range [][2]string{
		{TLPClear, store.TLPClear}, {TLPGreen, store.TLPGreen}, {TLPAmber, store.TLPAmber},
		{TLPAmberStrict, store.TLPAmberStrict}, {TLPRed, store.TLPRed},
	} {
		if c[0] != c[1] {
			t.Errorf("auth label %q, store label %q", c[0], c[1])
		}
	}
}
