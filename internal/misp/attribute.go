package misp

import (
	"strconv"
	"strings"

	"counterscam/internal/indicator"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// mispType is how a selector kind is written as a MISP attribute: its type
// and category (a combination the MISP core format allows), and what goes
// in the comment to say what the value is.
type mispType struct {
	typ, category string
	// of, when set, chooses the type by the selector (a wallet's chain, an
	// account's IBAN), the value written and the comment's first words.
	of func(s store.ReportSelector) (typ, value, what string)
}

// types maps selector kinds to MISP attribute types. Phone numbers go in
// "Financial fraud", where MISP lists phone-number beside the accounts and
// wallets of a fraud, rather than "Person" (a scammer's line is no person's
// record).
var types = map[string]*mispType{
	"phone":  {typ: "phone-number", category: "Financial fraud"},
	"url":    {typ: "url", category: "Network activity"},
	"domain": {typ: "domain", category: "Network activity"},
	"ip":     {typ: "ip-dst", category: "Network activity"},
	"email":  {typ: "email-src", category: "Payload delivery"},
	"card":   {typ: "cc-number", category: "Financial fraud"},
	"crypto": {category: "Financial fraud", of: wallet},
	"bank_account": {category: "Financial fraud", of: func(s store.ReportSelector) (string, string, string) {
		if !strings.Contains(s.Value, ":") {
			return "iban", s.Value, "IBAN"
		}
		// COUNTRY:BANK:DIGITS: the digits are the account number a bank
		// searches for; the bank and country go in the comment.
		parts := strings.SplitN(s.Value, ":", 3)
		if len(parts) < 3 {
			return "bank-account-nr", s.Value, "Bank account"
		}
		return "bank-account-nr", parts[2], "Account at " + parts[1] + " (" + parts[0] + ")"
	}},
	"handle": {category: "Social network", of: func(s store.ReportSelector) (string, string, string) {
		platform, name, ok := strings.Cut(s.Value, ":")
		if !ok {
			return "text", s.Value, "Messenger ID"
		}
		if platform == "x" {
			return "twitter-id", name, "X account"
		}
		if p := selector.PlatformName(platform); p != "" {
			return "text", name, p + " ID"
		}
		return "text", name, platform + " ID"
	}},
}

// chains name the wallets MISP has no attribute type for; Bitcoin, Monero
// and Dash have theirs.
var chains = map[string]string{
	"evm": "Ethereum or EVM chain (ETH, BSC, USDT-ERC20...)", "tron": "TRON (TRX, USDT-TRC20)", "ltc": "Litecoin (LTC)",
	"doge": "Dogecoin (DOGE)", "btg": "Bitcoin Gold (BTG)", "bch": "Bitcoin Cash (BCH)", "zec": "Zcash (ZEC)", "xrp": "XRP Ledger (XRP)",
}

func wallet(s store.ReportSelector) (string, string, string) {
	switch s.Subtype {
	case "btc":
		return "btc", s.Value, "Bitcoin address"
	case "xmr":
		return "xmr", s.Value, "Monero address"
	case "dash":
		return "dash", s.Value, "Dash address"
	}
	if c := chains[s.Subtype]; c != "" {
		return "text", s.Value, c + " address"
	}
	return "text", s.Value, "Cryptocurrency address"
}

// attribute writes a selector as an event attribute.
func (x *Writer) attribute(in *indicator.Indicator) attribute {
	s := in.Selector
	m := types[s.Kind]
	typ, value, what := m.typ, s.Value, ""
	if m.of != nil {
		typ, value, what = m.of(s)
	}
	noLink := !in.Detect
	var c []string
	if what != "" {
		c = append(c, what)
	}
	if len(in.Roles) > 0 {
		c = append(c, "role "+strings.Join(in.Roles, ", "))
	}
	if in.Reports == 1 {
		c = append(c, "in 1 report")
	} else {
		c = append(c, "in "+strconv.Itoa(in.Reports)+" reports")
	}
	if noLink {
		c = append(c, `marked "does not link" by an analyst: shared, not for detection`)
	}
	t := markingTags(in.TLP(), in.PAP)
	for _, st := range in.ScamTypes {
		t = append(t, tag{ScamTypeTag(st)})
	}
	return attribute{
		UUID: x.AttributeUUID(s.SelectorID), Type: typ, Category: m.category, Value: value,
		ToIDS: !noLink, DisableCorrelation: noLink, shared: inherited(unix(in.Updated), strings.Join(c, "; ")), FirstSeen: seen(in.First), LastSeen: seen(in.Last), Tag: t,
	}
}
