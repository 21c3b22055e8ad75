package stix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"counterscam/internal/indicator"
	"counterscam/internal/store"
)

// The STIX 2.1 observable types (section 6), which a pattern may use
// without an extension definition.
var stixSCOs = []string{"artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
	"ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
	"windows-registry-key", "x509-certificate"}

// The TLP 2.0 marking definitions as OASIS published them.
var oasisTLP2 = map[string]string{
	"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": "clear",
	"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": "green",
	"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": "amber",
	"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": "amber+strict",
	"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": "red",
}

var (
	stixTime    = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	stixLiteral = `'(?:[^'\\]|\\.)*'`
	comparison  = `([a-z0-9-]+):[a-z_]+ = ` + stixLiteral
	stixPattern = regexp.MustCompile(`^\[` + comparison + `(?: AND ` + comparison + `)*\]$`)
	patternType = regexp.MustCompile(`([a-z0-9-]+):[a-z_]+ = `)
)

// validate checks a bundle against what STIX 2.1 requires of the objects
// counterscam writes, and returns the objects by ID.
func validate(t *testing.T, raw []byte) map[string]map[string]any {
	t.Helper()
	var b struct {
		Type        string           `json:"type"`
		ID          string           `json:"id"`
		SpecVersion *string          `json:"spec_version"`
		Objects     []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatalf("the bundle is not JSON: %v\n%s", err, raw)
	}
	if b.Type != "bundle" || b.SpecVersion != nil || !validID(b.ID, "bundle") {
		t.Errorf("bundle header: type %q, id %q, spec_version %v (STIX 2.1 bundles have none)", b.Type, b.ID, b.SpecVersion)
	}
	byID := map[string]map[string]any{}
	for _, o := range b.Objects {
		typ, _ := o["type"].(string)
		oid, _ := o["id"].(string)
		if !validID(oid, typ) {
			t.Errorf("%s: id %q is not %s--UUID", typ, oid, typ)
		}
		if byID[oid] != nil {
			t.Errorf("id %s twice", oid)
		}
		byID[oid] = o
		if o["spec_version"] != "2.1" {
			t.Errorf("%s: spec_version %v", oid, o["spec_version"])
		}
		if slices.Contains(stixSCOs, typ) || customTypes[typ] != "" {
			// An observable has no created or modified, and its ID is
			// the UUIDv5 of its properties.
			if _, ok := o["created"]; ok || oid != ObservableID(scoKind(t, o), scoValue(o)) {
				t.Errorf("observable %s: created %v, or the ID is not the UUIDv5 of its properties", oid, o["created"])
			}
			if customTypes[typ] != "" {
				ext, _ := o["extensions"].(map[string]any)[ExtensionID(typ)].(map[string]any)
				if ext["extension_type"] != "new-sco" {
					t.Errorf("observable %s of counterscam's type %s without its new-sco extension: %v", oid, typ, o["extensions"])
				}
			}
			continue
		}
		created, _ := o["created"].(string)
		if !stixTime.MatchString(created) {
			t.Errorf("%s: created %q is not a UTC timestamp with milliseconds", oid, created)
		}
		if typ != "marking-definition" {
			modified, _ := o["modified"].(string)
			if !stixTime.MatchString(modified) || modified < created {
				t.Errorf("%s: modified %q (created %q)", oid, modified, created)
			}
		}
		for _, p := range required[typ] {
			if v, ok := o[p]; !ok || v == "" || v == nil {
				t.Errorf("%s: required property %s missing", oid, p)
			}
		}
		if _, ok := required[typ]; !ok {
			t.Errorf("%s: unexpected object type %q", oid, typ)
		}
	}
	for oid, o := range byID {
		for k, v := range o {
			var refs []string
			switch {
			case strings.HasSuffix(k, "_ref"):
				refs = []string{v.(string)}
			case strings.HasSuffix(k, "_refs"):
				for _, r := range v.([]any) {
					refs = append(refs, r.(string))
				}
			}
			for _, r := range refs {
				if byID[r] == nil {
					t.Errorf("%s: %s refers to %s, which the bundle lacks", oid, k, r)
				}
			}
		}
		switch typ := o["type"].(string); typ {
		case "extension-definition":
			if customTypes[o["name"].(string)] == "" {
				t.Errorf("%s: an extension definition of no type counterscam defines", oid)
			}
		case "marking-definition":
			level, ok := oasisTLP2[oid]
			ext, _ := o["extensions"].(map[string]any)[tlp2Extension].(map[string]any)
			if !ok || o["name"] != "TLP:"+strings.ToUpper(level) || o["created"] != tlp2Created || ext["tlp_2_0"] != level || ext["extension_type"] != "property-extension" {
				t.Errorf("marking %s is not the TLP 2.0 definition OASIS published: %v", oid, o)
			}
		case "indicator":
			p := o["pattern"].(string)
			if !stixPattern.MatchString(p) || o["pattern_type"] != "stix" {
				t.Errorf("%s: pattern %q (%v) is not a STIX comparison", oid, p, o["pattern_type"])
			}
			for _, m := range patternType.FindAllStringSubmatch(p, -1) {
				if !slices.Contains(stixSCOs, m[1]) && byID[ExtensionID(m[1])] == nil {
					t.Errorf("%s: pattern type %s is neither STIX's nor defined in the bundle", oid, m[1])
				}
			}
		case "report":
			if len(o["object_refs"].([]any)) == 0 {
				t.Errorf("%s: no object_refs", oid)
			}
		}
		if o["type"] != "marking-definition" && o["type"] != "identity" && o["type"] != "extension-definition" {
			marks, _ := o["object_marking_refs"].([]any)
			if len(marks) != 1 || oasisTLP2[marks[0].(string)] == "" {
				t.Errorf("%s: object_marking_refs %v: want one TLP 2.0 marking", oid, marks)
			}
		}
	}
	return byID
}

// scoKind and scoValue read back the selector an observable stands for.
func scoKind(t *testing.T, o map[string]any) string {
	kinds := map[string]string{"domain-name": "domain", "url": "url", "email-addr": "email", "ipv4-addr": "ip", "ipv6-addr": "ip",
		"user-account": "handle", "phone-number": "phone", "cryptocurrency-wallet": "crypto", "bank-account": "bank_account", "payment-card": "card"}
	k := kinds[o["type"].(string)]
	if k == "" {
		t.Errorf("observable of type %v", o["type"])
	}
	return k
}

func scoValue(o map[string]any) string {
	for _, p := range []string{"value", "iban", "account_number", "card_number"} {
		if v, ok := o[p].(string); ok {
			return v
		}
	}
	if at, ok := o["account_type"].(string); ok {
		return at + ":" + o["account_login"].(string)
	}
	s, _ := o["account_login"].(string)
	return s
}

var required = map[string][]string{
	"indicator":            {"created_by_ref", "name", "pattern", "pattern_type", "valid_from", "object_marking_refs"},
	"report":               {"created_by_ref", "name", "published", "object_refs", "object_marking_refs"},
	"identity":             {"name", "identity_class"},
	"marking-definition":   {"name", "extensions"},
	"extension-definition": {"created_by_ref", "name", "schema", "version", "extension_types"},
}

func validID(s, typ string) bool {
	rest, ok := strings.CutPrefix(s, typ+"--")
	if !ok {
		return false
	}
	u, err := uuid.Parse(rest)
	return err == nil && len(rest) == 36 && rest == strings.ToLower(rest) && u != uuid.Nil
}

func sel(kind, value, display string) store.ReportSelector {
	return store.ReportSelector{SelectorID: uuid.NewSHA1(uuid.NameSpaceOID, []byte(kind+":"+value)).String(), Kind: kind, Value: value, Display: display}
}

var (
	phone  = sel("phone", "+85595756407", "+855 95 756 407")
	wallet = sel("crypto", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL")
	handle = sel("handle", "telegram:golden_job", "@golden_job (Telegram)")
	quoted = sel("url", `https://scam.example/it's\here`, `https://scam.example/it's\here`)
	bank   = sel("bank_account", "KH:ABA:054215412", "ABA Bank 054215412")
	iban   = sel("bank_account", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00")
	ip6    = sel("ip", "2001:db8::1", "2001:db8::1")
	card   = sel("card", "4111111111111111", "4111 **** **** 1111")
	domain = sel("domain", "coin-tiger-pro.net", "coin-tiger-pro.net")
)

func day(d int) time.Time { return time.Date(2025, 9, d, 10, 30, 15, 123456789, time.UTC) }

func export(t *testing.T, reports ...*store.Report) map[string]map[string]any {
	t.Helper()
	return exportMarked(t, indicator.Marks{}, reports...)
}

func exportMarked(t *testing.T, marks indicator.Marks, reports ...*store.Report) map[string]map[string]any {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, "KNPA", marks)
	for _, r := range reports {
		if err := w.Report(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return validate(t, buf.Bytes())
}

// TestBundleIsValidSTIX: every kind of selector, every label, a report
// naming nothing: the bundle holds what STIX 2.1 requires, with the TLP 2.0
// markings OASIS published.
func TestBundleIsValidSTIX(t *testing.T) {
	objs := export(t,
		&store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ExternalRef: "CNP-2025-1", ReceivedAt: day(3), ScamType: "loan", TLP: store.TLPAmber, Narrative: "paid to ABA",
			Selectors: []store.ReportSelector{phone, bank, phone, iban}},
		&store.Report{ID: "01K0000000000000000000000B", Origin: "KNPA", ExternalRef: "K-7", ReceivedAt: day(1), ScamType: "crypto_investment", TLP: store.TLPClear,
			Selectors: []store.ReportSelector{wallet, handle, quoted, phone, ip6, card, domain}},
		&store.Report{ID: "01K0000000000000000000000C", Origin: "KNPA", ReceivedAt: day(5), ScamType: "romance", TLP: store.TLPRed},
		&store.Report{ID: "01K0000000000000000000000D", Origin: "CNP", ReceivedAt: day(6), ScamType: "loan", TLP: store.TLPAmberStrict, Selectors: []store.ReportSelector{bank}},
		&store.Report{ID: "01K0000000000000000000000E", Origin: "KNPA", ReceivedAt: day(7), ScamType: "loan", TLP: store.TLPGreen, Selectors: []store.ReportSelector{bank}},
	)
	count := map[string]int{}
	for _, o := range objs {
		count[o["type"].(string)]++
	}
	want := map[string]int{"report": 5, "indicator": 9, "identity": 3, "marking-definition": 5, "extension-definition": 4}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d %s objects; want %d (all: %v)", count[k], k, n, count)
		}
	}
	in := objs[id("indicator", "KNPA:"+phone.SelectorID)]
	if in == nil {
		t.Fatal("no indicator for the phone")
	}
	// CLEAR, the phone's indicator has the CLEAR report's date alone, not
	// the AMBER report's.
	if in["pattern"] != "[phone-number:value = '+85595756407']" || in["valid_from"] != "2025-09-01T10:30:15.123Z" || in["modified"] != "2025-09-01T10:30:15.123Z" {
		t.Errorf("phone indicator: %v", in)
	}
	if got := objs[id("indicator", "KNPA:"+quoted.SelectorID)]["pattern"]; got != `[url:value = 'https://scam.example/it\'s\\here']` {
		t.Errorf("a quote and a backslash in a value: pattern %s", got)
	}
	if got := objs[id("indicator", "KNPA:"+handle.SelectorID)]["pattern"]; got != "[user-account:account_type = 'telegram' AND user-account:account_login = 'golden_job']" {
		t.Errorf("handle pattern %s", got)
	}
	rep := objs[id("report", "01K0000000000000000000000A")]
	if refs := rep["object_refs"].([]any); len(refs) != 3 {
		t.Errorf("CNP's report names 3 selectors (one twice); refs %v", refs)
	}
	if rep["created_by_ref"] != identityID("CNP") || rep["published"] != "2025-09-03T10:30:15.123Z" {
		t.Errorf("report: %v", rep)
	}
}

// TestIndicatorMarkingIsTheLeastRestrictive: a selector that a CLEAR
// report names is CLEAR whatever AMBER reports say; one named only in
// AMBER+STRICT and GREEN reports is GREEN; one only in an AMBER report is
// AMBER.
func TestIndicatorMarkingIsTheLeastRestrictive(t *testing.T) {
	objs := export(t,
		&store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ReceivedAt: day(3), TLP: store.TLPAmber, Selectors: []store.ReportSelector{phone, wallet}},
		&store.Report{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(4), TLP: store.TLPClear, Selectors: []store.ReportSelector{phone}},
		&store.Report{ID: "01K0000000000000000000000C", Origin: "CNP", ReceivedAt: day(5), TLP: store.TLPAmberStrict, Selectors: []store.ReportSelector{bank}},
		&store.Report{ID: "01K0000000000000000000000D", Origin: "KNPA", ReceivedAt: day(6), TLP: store.TLPGreen, Selectors: []store.ReportSelector{bank}},
	)
	for s, want := range map[store.ReportSelector]string{phone: store.TLPClear, wallet: store.TLPAmber, bank: store.TLPGreen} {
		got := objs[id("indicator", "KNPA:"+s.SelectorID)]["object_marking_refs"].([]any)[0]
		if got != MarkingID(want) {
			t.Errorf("%s: marked %v; want %s", s.Kind, got, want)
		}
	}
}

// TestIndicatorSaysNoMoreThanItsLabel: a phone a CLEAR romance report
// names and an AMBER crypto-investment report names again, later, is a
// TLP:CLEAR indicator labelled romance alone, valid from and modified at
// the CLEAR report's date, in whichever order the reports come; its name
// is the CLEAR report's spelling.
func TestIndicatorSaysNoMoreThanItsLabel(t *testing.T) {
	amberPhone := phone
	amberPhone.Display = "095 756 407"
	clear := &store.Report{ID: "01K0000000000000000000000A", Origin: "KNPA", ReceivedAt: day(1), ScamType: "romance", TLP: store.TLPClear, Selectors: []store.ReportSelector{phone}}
	amber := &store.Report{ID: "01K0000000000000000000000B", Origin: "CNP", ReceivedAt: day(9), ScamType: "crypto_investment", TLP: store.TLPAmber, Selectors: []store.ReportSelector{amberPhone}}
	for name, order := range map[string][]*store.Report{"CLEAR first": {clear, amber}, "AMBER first": {amber, clear}} {
		in := export(t, order...)[id("indicator", "KNPA:"+phone.SelectorID)]
		if in == nil {
			t.Fatalf("%s: no indicator for the phone", name)
		}
		if fmt.Sprint(in["labels"]) != "[romance]" || in["object_marking_refs"].([]any)[0] != MarkingID(store.TLPClear) {
			t.Errorf("%s: the phone's indicator labelled %v, marked %v; want romance alone, TLP:CLEAR", name, in["labels"], in["object_marking_refs"])
		}
		if in["valid_from"] != "2025-09-01T10:30:15.123Z" || in["modified"] != "2025-09-01T10:30:15.123Z" || in["name"] != "Phone +855 95 756 407" {
			t.Errorf("%s: the phone's indicator %v; want the CLEAR report's date and spelling alone", name, in)
		}
	}
}

// TestMarkedSelectorsAreNoIndicators: an allow-listed selector a report
// names (t.me) is nowhere in the bundle; one an analyst marked "does not
// link" (an e-mail address, a wallet) is an observable the report refers
// to, with no indicator or pattern; the scammers' own phone stays an
// indicator.
func TestMarkedSelectorsAreNoIndicators(t *testing.T) {
	tme := sel("domain", "t.me", "t.me")
	mail := sel("email", "hr@goldenjob-recruit.net", "hr@goldenjob-recruit.net")
	marks := indicator.Marks{
		Allowlisted: func(s store.ReportSelector) bool { return s.SelectorID == tme.SelectorID },
		NoLink: func(s store.ReportSelector) bool {
			return s.SelectorID == mail.SelectorID || s.SelectorID == wallet.SelectorID
		},
	}
	objs := exportMarked(t, marks,
		&store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ReceivedAt: day(3), ScamType: "job_lure", TLP: store.TLPGreen,
			Selectors: []store.ReportSelector{phone, tme, mail, wallet}},
		&store.Report{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(4), ScamType: "job_lure", TLP: store.TLPAmber,
			Selectors: []store.ReportSelector{tme, mail}})
	var patterns []string
	types := map[string]int{}
	for oid, o := range objs {
		types[o["type"].(string)]++
		if o["type"] == "indicator" {
			patterns = append(patterns, o["pattern"].(string))
		}
		if b, _ := json.Marshal(o); strings.Contains(string(b), "t.me") {
			t.Errorf("%s names the allow-listed t.me: %s", oid, b)
		}
	}
	if len(patterns) != 1 || patterns[0] != "[phone-number:value = '+85595756407']" {
		t.Errorf("indicators %q; want only the phone's", patterns)
	}
	mailID, walletID := ObservableID("email", mail.Value), ObservableID("crypto", wallet.Value)
	if mailID != "email-addr--"+uuid.NewSHA1(uuid.MustParse("00abedb4-aa42-466c-9c01-fed23315a9b7"), []byte(`{"value":"hr@goldenjob-recruit.net"}`)).String() {
		t.Errorf("the e-mail address's observable ID %s is not STIX's UUIDv5 of its value", mailID)
	}
	m := objs[mailID]
	if m == nil || m["value"] != mail.Value || m["object_marking_refs"].([]any)[0] != MarkingID(store.TLPGreen) {
		t.Errorf("the does-not-link e-mail address's observable: %v", m)
	}
	if w := objs[walletID]; w == nil || w["value"] != wallet.Value || objs[ExtensionID("cryptocurrency-wallet")] == nil {
		t.Errorf("the does-not-link wallet's observable %v, or its type's extension definition missing", w)
	}
	if types["email-addr"] != 1 || types["cryptocurrency-wallet"] != 1 || types["domain-name"] != 0 || len(types) != 7 {
		t.Errorf("objects by type %v", types)
	}
	refs := objs[id("report", "01K0000000000000000000000A")]["object_refs"].([]any)
	if fmt.Sprint(refs) != fmt.Sprint([]any{id("indicator", "KNPA:"+phone.SelectorID), mailID, walletID}) {
		t.Errorf("the report refers to %v; want the phone's indicator and the two observables", refs)
	}
	// A report naming only shared selectors still refers to something.
	if refs := objs[id("report", "01K0000000000000000000000B")]["object_refs"].([]any); fmt.Sprint(refs) != fmt.Sprint([]any{mailID}) {
		t.Errorf("KNPA's report refers to %v", refs)
	}
}
