package intel_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// accountIDs returns the values of an answer's Accounts, in order.
func accountValues(r *intel.CheckResult) []string {
	var out []string
	for _, a := range r.Accounts {
		out = append(out, a.Selector.Value)
	}
	return out
}

// TestCheckFindsAnAccountGivenWithoutItsBank: a bare account number, as a
// scammer sends it, is looked up among the listed accounts of every bank;
// several banks listing the digits are all named, and an account that is
// not listed is never revealed.
func TestCheckFindsAnAccountGivenWithoutItsBank(t *testing.T) {
	bothWays(t, func(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
		ctx := context.Background()
		svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
		// The same digits at two banks, both listed: Shinhan by three
		// reports, KB Kookmin by two.
		submit(t, svc, report("KNPA", "k1", "국민 316159-26-535851"))
		submit(t, svc, report("CNP", "k2", "KB국민은행 316159-26-535851"))
		for i, org := range []string{"KNPA", "CNP", "FSS"} {
			submit(t, svc, report(org, "s"+string(rune('1'+i)), "신한 316159-26-535851"))
		}
		// Reported by one source only: below the threshold, not listed.
		submit(t, svc, report("KNPA", "w1", "우리 1002-345-678901"))
		// An account at the same digits as a Korean mobile number.
		submit(t, svc, report("KNPA", "p1", "KR:004:01012345678"))
		submit(t, svc, report("CNP", "p2", "KR:004:01012345678"))

		for _, region := range []string{"", "KR"} {
			for _, q := range []string{"316159-26-535851", "31615926535851", " 316159 26 535851 ", "３１６１５９-２６-５３５８５１"} {
				r, err := svc.Check(ctx, q, region)
				if err != nil {
					t.Fatal(err)
				}
				if r.Status != intel.StatusListed || r.Selector == nil || r.Selector.Value != "KR:088:31615926535851" || r.Reports != 3 || r.Sources != 3 {
					t.Fatalf("%q in %q: %s %+v, reports %d sources %d; want listed as the Shinhan account, 3 and 3", q, region, r.Status, r.Selector, r.Reports, r.Sources)
				}
				if got := strings.Join(accountValues(r), " "); got != "KR:088:31615926535851 KR:004:31615926535851" {
					t.Errorf("%q in %q: accounts %s", q, region, got)
				}
				if a := r.Accounts[1]; a.Bank != "KB Kookmin Bank (KB국민은행)" || a.Reports != 2 || a.Sources != 2 || a.ID != a.Selector.ID().String() {
					t.Errorf("%q: second account %+v", q, a)
				}
				if r.Code != selector.CodeBankNeedsBank || !strings.Contains(r.Reason, "Shinhan Bank (신한은행), KB Kookmin Bank (KB국민은행)") || r.SelectorID() != r.Accounts[0].ID {
					t.Errorf("%q: code %q reason %q id %s", q, r.Code, r.Reason, r.SelectorID())
				}
			}
		}

		// Not listed at any bank: the unlisted Woori account stays unsaid.
		for _, region := range []string{"", "KR"} {
			r, err := svc.Check(ctx, "1002-345-678901", region)
			if err != nil {
				t.Fatal(err)
			}
			want := intel.StatusInvalid
			if region == "KR" {
				want = intel.StatusNotListed // read as an account in KR at no bank
			}
			if r.Status != want || r.Code != selector.CodeBankNeedsBank || r.Accounts != nil || r.Reports != 0 ||
				strings.Contains(r.Reason, "Woori") || strings.Contains(r.Reason, "020") {
				t.Errorf("unlisted in %q: %+v", region, r)
			}
			if !strings.Contains(r.Advice, "No bank lists this number") || strings.Contains(r.Advice, "Check what you typed") {
				t.Errorf("unlisted in %q: advice %q", region, r.Advice)
			}
			if region == "" && (r.Problem == nil || r.Problem.Code != selector.CodeBankNeedsBank || r.Selector != nil) {
				t.Errorf("unlisted: problem %+v selector %+v", r.Problem, r.Selector)
			}
		}

		// A Korean mobile number's digits: a phone number in KR and CN,
		// and a listed account; the account answers, the reason says both.
		r, err := svc.Check(ctx, "010-1234-5678", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusListed || r.Selector.Value != "KR:004:01012345678" || !strings.Contains(r.Reason, "KB Kookmin") || !strings.Contains(r.Reason, "valid number in KR (+82 10-1234-5678)") {
			t.Errorf("phone digits listed as an account: %s %+v %q", r.Status, r.Selector, r.Reason)
		}
		// A phone number no bank lists stays a phone number's answer.
		r, err = svc.Check(ctx, "010-9876-5432", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusInvalid || r.Code != selector.CodePhoneNoRegion || !strings.Contains(r.Reason, "valid number in KR") || !strings.Contains(r.Reason, "no bank lists it") {
			t.Errorf("phone: %s %q %q", r.Status, r.Code, r.Reason)
		}
		// With its bank, the precise answer, and no list of accounts.
		r, err = svc.Check(ctx, "국민 316159-26-535851", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusListed || r.Selector.Value != "KR:004:31615926535851" || r.Reports != 2 || r.Accounts != nil || r.Code != "" {
			t.Errorf("with its bank: %+v", r)
		}

		// The bulk check answers alike.
		rs, err := svc.CheckBatch(ctx, trust.Operator(), []string{"316159-26-535851", "1002-345-678901", "국민 316159-26-535851"}, "")
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].Status != intel.StatusListed || len(rs[0].Accounts) != 2 || rs[0].Selector.Value != "KR:088:31615926535851" ||
			rs[1].Status != intel.StatusInvalid || rs[1].Code != selector.CodeBankNeedsBank || rs[1].Accounts != nil ||
			rs[2].Accounts != nil || rs[2].Reports != 2 {
			t.Errorf("batch: %+v %+v %+v", rs[0], rs[1], rs[2])
		}

		// A second source lists the Woori account: now found (the index
		// is updated by the report); withdrawn, it is gone again.
		submit(t, svc, report("CNP", "w2", "우리은행 1002-345-678901"))
		r, err = svc.Check(ctx, "1002-345-678901", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusListed || r.Selector.Value != "KR:020:1002345678901" || strings.Join(accountValues(r), " ") != "KR:020:1002345678901" {
			t.Fatalf("after a second source: %+v", r)
		}
		yes := true
		if err := svc.MarkSelector(ctx, trust.Operator(), r.SelectorID(), store.SelectorFlags{Withdrawn: &yes}); err != nil {
			t.Fatal(err)
		}
		r, err = svc.Check(ctx, "1002-345-678901", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusInvalid || r.Accounts != nil || r.Code != selector.CodeBankNeedsBank {
			t.Errorf("withdrawn: %+v", r)
		}
	})
}

// TestIndexFindsAccountsAtAnyBankCode: the index finds listed accounts by
// their digits at any bank code, the directory's or not, and keeps them
// through a rebuild.
func TestIndexFindsAccountsAtAnyBankCode(t *testing.T) {
	ctx := context.Background()
	svc, _ := newIndexedService(t, intel.Config{PublicationThreshold: 2})
	submit(t, svc, report("KNPA", "a1", "KR:050:11122233344"))
	submit(t, svc, report("CNP", "a2", "KR:050:11122233344"))
	for i := range 2 {
		r, err := svc.Check(ctx, "111-222-333-44", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != intel.StatusListed || strings.Join(accountValues(r), " ") != "KR:050:11122233344" || r.Accounts[0].Bank != "" || !strings.Contains(r.Reason, "an account in KR with no bank named") {
			t.Fatalf("pass %d: %+v", i, r)
		}
		if err := svc.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAccountNumber(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"316159-26-535851", "31615926535851"},
		{" 110 123 456789 ", "110123456789"},
		{"1002.345.678901", "1002345678901"},
		{"０１２３４５６７８", "012345678"},
		{"12345678", "12345678"},
		{"1234567", ""},               // too few digits
		{"123456789012345678901", ""}, // too many
		{"316159--26-535851", ""},     // two separators in a row
		{"-316159-26-535851", ""},     // a separator first
		{"316159-26-535851-", ""},     // or last
		{"+82 10 1234 5678", ""},      // a country code
		{"국민 316159-26-535851", ""},   // a bank
		{"316159/26/535851", ""},      // no bank prints that
		{"", ""},
	}
	for _, c := range cases {
		got, ok := intel.AccountNumber(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("AccountNumber(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func FuzzAccountNumber(f *testing.F) {
	for _, s := range []string{"316159-26-535851", "110 123 456789", "０１２３４５６７８", "1--2", "+8210", "국민 1234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := intel.AccountNumber(s)
		if !ok {
			if d != "" {
				t.Fatalf("%q: not a number but digits %q", s, d)
			}
			return
		}
		if len(d) < 8 || len(d) > 20 || strings.Trim(d, "0123456789") != "" {
			t.Fatalf("%q: digits %q", s, d)
		}
		// The digits read back as themselves.
		if again, ok := intel.AccountNumber(d); !ok || again != d {
			t.Fatalf("%q: %q reads as %q, %v", s, d, again, ok)
		}
	})
}

// BenchmarkCheckBareAccount is the public check of an account number
// typed without its bank: listed at two banks, and listed nowhere; from
// the index (as a server answers) and from the store through the check
// cache (every bank of the directory tried).
func BenchmarkCheckBareAccount(b *testing.B) {
	for _, indexed := range []bool{true, false} {
		name := "cache"
		if indexed {
			name = "index"
		}
		b.Run(name, func(b *testing.B) {
			st, err := sqlite.Open(b.Context(), b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			svc, err := intel.New(b.Context(), st, intel.Config{PublicationThreshold: 2})
			if err != nil {
				b.Fatal(err)
			}
			for i, v := range []string{"국민 316159-26-535851", "신한 316159-26-535851"} {
				for _, org := range []string{"KNPA", "CNP"} {
					in := report(org, fmt.Sprint(org, i), v)
					if _, _, err := svc.CreateReport(b.Context(), trust.Operator(), in); err != nil {
						b.Fatal(err)
					}
				}
			}
			if indexed {
				if err := svc.WarmChecks(b.Context()); err != nil {
					b.Fatal(err)
				}
			}
			for _, q := range []string{"316159-26-535851", "1002-345-678901"} {
				b.Run(q, func(b *testing.B) {
					for b.Loop() {
						if _, err := svc.Check(context.Background(), q, ""); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// TestCheckTextFindsListedAccountsWithoutTheirBank: a pasted message
// that gives an account number without its bank ("입금계좌 0342185000134
// 으로") is answered with the listed account of those digits and its
// bank, beside the message's other selectors (the phone number stays a
// phone number); a run of digits no bank lists (an unlisted account, a
// date, an amount, an order number) adds no answer at all.
func TestCheckTextFindsListedAccountsWithoutTheirBank(t *testing.T) {
	bothWays(t, func(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
		ctx := context.Background()
		svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
		submit(t, svc, report("KNPA", "m1", "MB Bank 0342185000134"))
		submit(t, svc, report("CNP", "m2", "MB Bank 0342-185-000-134"))
		// One source only: below the threshold, never named.
		submit(t, svc, report("KNPA", "w1", "우리 1002-345-678901"))

		answers := func(text, region string) []string {
			t.Helper()
			res, err := svc.CheckText(ctx, text, region)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res {
				a := r.Status + " " + r.Query
				if r.Selector != nil {
					a += " " + r.Selector.Value
				}
				for _, m := range r.Accounts {
					a += fmt.Sprintf(" [%s %s %d]", m.Bank, m.Selector.Value, m.Reports)
				}
				got = append(got, a)
			}
			return got
		}
		for _, tc := range []struct{ text, region, want string }{
			// Read as Korean, "입금계좌" makes the extractor take the digits
			// for an account at no bank, answered in its place; read in no
			// country, the digits are looked up as they stand.
			{"입금계좌 0342185000134 으로 오늘까지 보내주세요. 문의는 010-9876-5432 로 연락 주세요", "KR",
				"listed 0342185000134 VN:MB:0342185000134 [MB Bank VN:MB:0342185000134 2]|not_listed 010-9876-5432 +821098765432"},
			// A Korean mobile number written as one, within the account
			// word's reach, is still a phone number.
			{"입금계좌 0342185000134 으로 보내고 연락은 010-9876-5432 로 주세요", "KR",
				"listed 0342185000134 VN:MB:0342185000134 [MB Bank VN:MB:0342185000134 2]|not_listed 010-9876-5432 +821098765432"},
			{"입금계좌 0342185000134 으로 오늘까지 보내주세요. 문의는 +82 10-9876-5432 로 연락 주세요", "",
				"not_listed +82 10-9876-5432 +821098765432|listed 0342185000134 VN:MB:0342185000134 [MB Bank VN:MB:0342185000134 2]"},
			{"오늘까지 0342185000134 으로 보내주세요. 문의는 010-9876-5432 로 연락 주세요", "KR",
				"not_listed 010-9876-5432 +821098765432|listed 0342185000134 VN:MB:0342185000134 [MB Bank VN:MB:0342185000134 2]"},
			{"Please send the deposit to 0342-185-000-134 today. Questions: +82 10-9876-5432", "",
				"not_listed +82 10-9876-5432 +821098765432|listed 0342-185-000-134 VN:MB:0342185000134 [MB Bank VN:MB:0342185000134 2]"},
			// The same account twice, with its bank and without: one answer.
			{"MB Bank 0342185000134 입니다. 계좌 0342185000134 로 보내세요", "KR",
				"listed MB Bank 0342185000134 VN:MB:0342185000134"},
			{"MB Bank 0342185000134 입니다. 오늘 0342185000134 로 보내세요", "KR",
				"listed MB Bank 0342185000134 VN:MB:0342185000134"},
			{"MB Bank 0342185000134. Send it to 0342185000134 today", "",
				"listed MB Bank 0342185000134 VN:MB:0342185000134"},
			// Unlisted digits, a date, an amount, an order number: nothing
			// but the phone number.
			{"주문번호 20261127004512, 2026-11-27 까지 1,500,000원을 1002-345-678901 로 보내세요. 문의 010-9876-5432", "KR",
				"not_listed 010-9876-5432 +821098765432"},
			{"Order 20261127004512 of 2026-11-27: pay 1,500,000 to 1002-345-678901 by 27.11.2026. Call +82 10-9876-5432", "",
				"not_listed +82 10-9876-5432 +821098765432"},
		} {
			if got := strings.Join(answers(tc.text, tc.region), "|"); got != tc.want {
				t.Errorf("%q:\n got %s\nwant %s", tc.text, got, tc.want)
			}
		}
		res, err := svc.CheckText(ctx, "Please send the deposit to 0342185000134 today, thank you very much", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 || res[0].Code != selector.CodeBankNeedsBank || !strings.Contains(res[0].Reason, "MB Bank") || res[0].Reports != 2 ||
			res[0].SelectorID() != res[0].Accounts[0].ID {
			t.Errorf("the account's answer: %+v", res)
		}
	})
}
