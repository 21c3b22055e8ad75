package intel

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// A bank account number is often given without its bank: a scammer's
// message says "316159-26-535851" and nothing else. Without a bank (and,
// on the API, without a region) the value is no selector, and with a
// region it is read as an account at no bank ("KR::31615926535851"),
// which is not the account an agency reported at its bank
// ("KR:004:31615926535851"). So the check also looks the digits up among
// the LISTED bank accounts of every bank (publicIndex.accounts, or the
// banks of the directory without the index) and answers:
//
//   - listed, when a listed account has those digits: the most reported
//     one as the answer's selector, and every one of them in Accounts
//     (several banks may list the same digits);
//   - otherwise code bank_needs_bank, saying that no bank lists the
//     number and that the bank's name gives a precise answer.
//
// Both carry code bank_needs_bank and a reason naming the banks. A
// number that is a national phone number of a partner country stays the
// phone_no_region answer unless a bank lists its digits; either way the
// reason mentions the other reading. Only listed accounts are ever
// named: an account below the publication threshold, or withdrawn, is
// answered as a number no bank lists.

// AccountMatch is a listed bank account whose digits are those of a
// number checked without its bank.
type AccountMatch struct {
	Selector selector.Selector
	ID       string
	Bank     string // the bank's name; "" when the account has no bank code or the directory does not know it
	Reports  int
	Sources  int
}

// Account numbers read without a bank: how many digits at least (shorter
// runs are amounts, codes and PINs) and at most (the most any country's
// account has).
const (
	minAccountDigits = 8
	maxAccountDigits = 20
)

// AccountNumber returns the digits of query when it is a bare account
// number as banks print it ("316159-26-535851", "110 123 456789",
// "1002.345.678901", full-width digits too): groups of digits parted by
// single spaces, hyphens or dots, minAccountDigits to maxAccountDigits
// digits in all. Anything else (a letter, a +, two separators in a row)
// is no bare account number.
func AccountNumber(query string) (string, bool) {
	q := strings.TrimSpace(query)
	if len(q) > 4*maxAccountDigits {
		return "", false
	}
	var b strings.Builder
	sep := true // at the start, as after a separator: none may come first
	for _, r := range q {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			sep = false
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
			sep = false
		case (r == ' ' || r == '-' || r == '.') && !sep:
			sep = true
		default:
			return "", false
		}
	}
	if sep || b.Len() < minAccountDigits || b.Len() > maxAccountDigits {
		return "", false
	}
	return b.String(), true
}

// accountRef is a listed bank account in the index's map by digits, as
// the answer shows it.
type accountRef struct {
	id  string
	sel selector.Selector
}

// accountDigits maps an account number's digits to the listed bank
// accounts with those digits, at any bank.
type accountDigits map[string][]accountRef

// accountNumberOf returns the digits of a stored bank account
// ("CC:CODE:DIGITS"); IBANs and other kinds have none.
func accountNumberOf(kind, value string) (string, bool) {
	if kind != string(selector.BankAccount) {
		return "", false
	}
	i := strings.LastIndexByte(value, ':')
	if i < 0 {
		return "", false
	}
	return value[i+1:], true
}

// add puts sel in the map, if it is a bank account and not in it yet.
func (a accountDigits) add(sel *store.Selector) {
	d, ok := accountNumberOf(sel.Kind, sel.Value)
	if !ok || slices.ContainsFunc(a[d], func(r accountRef) bool { return r.id == sel.ID }) {
		return
	}
	a[d] = append(a[d], accountRef{sel.ID, selector.Selector{Kind: selector.BankAccount, Value: sel.Value,
		Display: sel.Display, Region: sel.Region, Subtype: sel.Subtype}})
}

// remove takes sel out of the map.
func (a accountDigits) remove(sel *store.Selector) {
	d, ok := accountNumberOf(sel.Kind, sel.Value)
	if !ok {
		return
	}
	refs := slices.DeleteFunc(a[d], func(r accountRef) bool { return r.id == sel.ID })
	if len(refs) == 0 {
		delete(a, d)
		return
	}
	a[d] = refs
}

// listedAccount is a listed account with its public answer.
type listedAccount struct {
	accountRef
	pe publicEntry
}

// listedAccounts returns the accounts with digits that the index lists,
// with their answers.
func (x *publicIndex) listedAccounts(digits string) []listedAccount {
	var out []listedAccount
	x.mu.RLock()
	for _, ref := range x.accounts[digits] {
		if e := x.listed.get(ref.id); e != nil {
			out = append(out, listedAccount{ref, x.listed.answer(e)})
		}
	}
	x.mu.RUnlock()
	x.answers.Add(1)
	return out
}

// listedAccounts returns the listed bank accounts whose digits are
// digits, most reported first. From the index when there is one;
// without it, the digits are tried at every bank of the directory and at
// no bank in each of CheckRegions (an account at a bank the directory
// does not know is then not found).
func (s *Service) listedAccounts(ctx context.Context, digits string) ([]listedAccount, error) {
	var out []listedAccount
	if x := s.index.Load(); x != nil {
		out = x.listedAccounts(digits)
	} else {
		var ids []string
		sels := map[string]selector.Selector{}
		try := func(value string) {
			sel, err := selector.ParseAs(selector.BankAccount, value, selector.Options{})
			if err != nil {
				return // too short or too long for the country
			}
			if id := sel.ID().String(); sels[id].Value == "" {
				sels[id] = sel
				ids = append(ids, id)
			}
		}
		for _, b := range selector.BankCodes() {
			try(b[0] + ":" + b[1] + ":" + digits)
		}
		for _, cc := range CheckRegions {
			try(cc + "::" + digits)
		}
		entries, err := s.publicEntries(ctx, ids, nil)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if pe := entries[id]; pe != nil && pe.listed {
				out = append(out, listedAccount{accountRef{id, sels[id]}, *pe})
			}
		}
	}
	slices.SortFunc(out, func(a, b listedAccount) int {
		return cmp.Or(b.pe.stats.Reports-a.pe.stats.Reports, strings.Compare(a.sel.Value, b.sel.Value))
	})
	return out, nil
}

// bareAccount says whether r is an answer answerAccount completes: a
// value that is no selector, or an account at no bank, read from a bare
// number.
func bareAccount(r *CheckResult) bool {
	if r.Status == StatusInvalid {
		return true
	}
	sel := r.Selector
	return sel != nil && sel.Kind == selector.BankAccount && sel.Subtype == "" && r.Status != StatusAllowlisted
}

// answerAccount completes the answer r for a bare account number without
// its bank (see the top of this file), checked in region; any other r
// stays as it is.
func (s *Service) answerAccount(ctx context.Context, r *CheckResult, region string) error {
	if !bareAccount(r) {
		return nil
	}
	digits, ok := AccountNumber(r.Query)
	if !ok {
		return nil
	}
	found, err := s.listedAccounts(ctx, digits)
	if err != nil {
		return err
	}
	national := r.Code == selector.CodePhoneNoRegion
	if len(found) == 0 {
		if national {
			r.Reason += "; as a bank account number, no bank lists it as a reported account"
		}
		// Without a region, explainNational read it in every country
		// already: national says whether it is a phone number there.
		if r.Status == StatusInvalid && (national || region != "" && len(s.NationalReadings(r.Query)) > 0) {
			return nil // a phone number of a partner country, as it was answered
		}
		r.Code = selector.CodeBankNeedsBank
		r.Reason = "an account number without its bank: no bank lists these digits as a reported account; send it with the bank's name (for example \"KB국민은행 " + strings.TrimSpace(r.Query) + "\") for a precise answer"
		r.Advice = adviceAccountNoBank
		if r.Status == StatusInvalid {
			r.Problem = &selector.Error{Kind: selector.BankAccount, Input: r.Query, Reason: r.Reason, Code: r.Code}
		}
		return nil
	}
	also := ""
	if national {
		also = r.Reason
	}
	r.listAccounts(found, also)
	return nil
}

// listAccounts makes r the answer naming the listed accounts found (at
// least one, most reported first) that have the digits of r.Query; also,
// when not "", is added to the reason.
func (r *CheckResult) listAccounts(found []listedAccount, also string) {
	r.Accounts = make([]AccountMatch, 0, len(found))
	var banks []string
	for _, a := range found {
		sel := a.sel
		m := AccountMatch{Selector: sel, ID: a.id, Bank: selector.BankName(sel.Region, sel.Subtype),
			Reports: a.pe.stats.Reports, Sources: a.pe.stats.Sources}
		r.Accounts = append(r.Accounts, m)
		if m.Bank != "" {
			banks = append(banks, m.Bank)
		} else {
			banks = append(banks, "an account in "+sel.Region+" with no bank named")
		}
	}
	if r.Status != StatusListed {
		r.Selector, r.id = &r.Accounts[0].Selector, r.Accounts[0].ID
		r.answer(&found[0].pe)
	}
	reason := "no bank named: these digits are those of a reported account at " + strings.Join(banks, ", ")
	if also != "" {
		reason += "; " + also
	}
	r.Reason, r.Code, r.Problem = reason, selector.CodeBankNeedsBank, nil
}

// listedAccountNumbers answers the runs of digits of a text (those no
// extracted selector covers) that are account numbers written without
// their bank ("입금계좌 316159-26-535851 으로") and whose digits a bank
// lists, as a bare number typed alone is answered. A run no bank lists
// gets no answer at all: a message's dates, amounts and order numbers
// are no accounts, and an unlisted account is never named. seen holds
// the selectors answered already; an account among them is not named
// twice.
func (s *Service) listedAccountNumbers(ctx context.Context, runs []string, seen map[string]bool) ([]*CheckResult, error) {
	var out []*CheckResult
	tried := map[string]bool{}
	for _, run := range runs {
		digits, ok := AccountNumber(run)
		if !ok || tried[digits] {
			continue
		}
		tried[digits] = true
		found, err := s.listedAccounts(ctx, digits)
		if err != nil {
			return nil, err
		}
		found = slices.DeleteFunc(found, func(a listedAccount) bool { return seen[a.id] })
		if len(found) == 0 {
			continue
		}
		for _, a := range found {
			seen[a.id] = true
		}
		r := &CheckResult{Query: run}
		r.listAccounts(found, "")
		out = append(out, r)
	}
	return out, nil
}

// adviceAccountNoBank is the advice for an account number given without
// its bank that no bank lists.
const adviceAccountNoBank = "No bank lists this number as a reported account. Add the name of the bank you were asked to pay into (for example KB국민은행 316159-26-535851) for a precise answer. Not being listed is not proof that it is safe."
