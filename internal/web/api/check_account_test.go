package api

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/trust"
)

// TestCheckAccountWithoutBank: over HTTP, a bank account number given
// without its bank answers with every listed account of its digits, in
// the single and the bulk check, from the store and from the index; a
// number no bank lists answers bank_needs_bank, and an account below the
// publication threshold is named nowhere in the answer.
func TestCheckAccountWithoutBank(t *testing.T) {
	srv := newTestServer(t, Options{CheckRate: 1e9})
	ctx := context.Background()
	add := func(origin, ref string, values ...string) {
		in := &intel.ReportInput{Origin: origin, ExternalRef: ref, ScamType: "romance", VictimCountry: "KR", TLP: "CLEAR"}
		for _, v := range values {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: v, Role: "paid_to"})
		}
		if _, _, err := srv.svc.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	add("KNPA", "k1", "KB국민은행 316159-26-535851")
	add("CNP", "k2", "국민 316159-26-535851")
	add("KNPA", "s1", "신한 316159-26-535851")
	add("CNP", "s2", "신한은행 316159-26-535851")
	add("RTP", "s3", "Shinhan 316159-26-535851")
	add("KNPA", "w1", "우리 1002-345-678901") // one source: not listed

	type selectorOut struct{ Kind, Value, Display, ID string }
	type answer struct {
		Query, Status, Code, Reason, Advice string
		Reports, Sources                    int
		Selector                            *selectorOut
		Accounts                            []struct {
			Bank             string
			Reports, Sources int
			Selector         selectorOut
		}
	}
	run := func(t *testing.T) {
		code, body, _ := doAs(t, srv, "", exchange{method: "POST", path: "/api/v1/check", body: `{"query":"316159-26-535851"}`})
		var a answer
		if err := json.Unmarshal(body, &a); code != 200 || err != nil {
			t.Fatalf("%d %v %s", code, err, body)
		}
		if a.Status != "listed" || a.Code != "bank_needs_bank" || a.Reports != 3 || a.Sources != 3 || a.Selector == nil ||
			a.Selector.Value != "KR:088:31615926535851" || a.Selector.Display != "Shinhan Bank (신한은행) 31615926535851" || len(a.Accounts) != 2 {
			t.Fatalf("answer %s", body)
		}
		if x := a.Accounts[0]; x.Bank != "Shinhan Bank (신한은행)" || x.Reports != 3 || x.Sources != 3 || x.Selector.ID != a.Selector.ID {
			t.Errorf("first account %+v", x)
		}
		if x := a.Accounts[1]; x.Bank != "KB Kookmin Bank (KB국민은행)" || x.Reports != 2 || x.Sources != 2 || x.Selector.Value != "KR:004:31615926535851" || x.Selector.Kind != "bank_account" {
			t.Errorf("second account %+v", x)
		}
		if !strings.Contains(a.Reason, "Shinhan Bank (신한은행), KB Kookmin Bank (KB국민은행)") || !strings.HasPrefix(a.Advice, "Reported as a scam") {
			t.Errorf("reason %q advice %q", a.Reason, a.Advice)
		}

		code, body, _ = doAs(t, srv, "", exchange{method: "POST", path: "/api/v1/check", body: `{"query":"1002-345-678901"}`})
		a = answer{}
		if err := json.Unmarshal(body, &a); code != 200 || err != nil {
			t.Fatalf("%d %v %s", code, err, body)
		}
		if a.Status != "invalid" || a.Code != "bank_needs_bank" || a.Selector != nil || a.Accounts != nil || a.Reports != 0 ||
			!strings.Contains(a.Advice, "No bank lists this number") {
			t.Errorf("unlisted: %s", body)
		}
		for _, leak := range []string{"Woori", "우리", "020", `"accounts"`} {
			if strings.Contains(string(body), leak) {
				t.Errorf("the unlisted account's answer names %q: %s", leak, body)
			}
		}

		code, body, _ = doAs(t, srv, srv.tokens["s@bank.test"], exchange{method: "POST", path: "/api/v1/check/batch",
			body: `{"queries":["316159 26 535851","1002-345-678901","국민 316159-26-535851"]}`})
		var bulk struct{ Results []answer }
		if err := json.Unmarshal(body, &bulk); code != 200 || err != nil || len(bulk.Results) != 3 {
			t.Fatalf("%d %v %s", code, err, body)
		}
		r := bulk.Results
		if r[0].Status != "listed" || len(r[0].Accounts) != 2 || r[1].Code != "bank_needs_bank" || r[1].Accounts != nil ||
			r[2].Status != "listed" || r[2].Code != "" || r[2].Accounts != nil || r[2].Reports != 2 {
			t.Errorf("bulk: %s", body)
		}
	}
	t.Run("store", run)
	if err := srv.svc.WarmChecks(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Run("index", run)
}
