package misp

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"counterscam/internal/indicator"
	"counterscam/internal/store"
)

// categoryTypes are the category-type combinations the MISP core format
// allows, for the categories this package writes (the list in the format's
// description, section "type").
var categoryTypes = map[string][]string{
	"Financial fraud":    {"btc", "dash", "xmr", "iban", "bic", "bank-account-nr", "aba-rtn", "bin", "cc-number", "prtn", "phone-number", "comment", "text", "other", "hex", "anonymised"},
	"Network activity":   {"ip-src", "ip-dst", "hostname", "domain", "domain|ip", "email", "email-dst", "email-src", "url", "uri", "comment", "text", "other"},
	"Payload delivery":   {"ip-src", "ip-dst", "hostname", "domain", "email", "email-src", "email-dst", "url", "comment", "text", "other"},
	"Social network":     {"github-username", "jabber-id", "twitter-id", "email", "email-src", "email-dst", "comment", "text", "other"},
	"Other":              {"comment", "text", "other", "phone-number"},
	"Internal reference": {"text", "link", "comment", "other"},
}

var (
	dateOnly = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
	seconds  = regexp.MustCompile(`^[1-9]\d*$`)
	seenTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$`)
	tlpTag   = regexp.MustCompile(`^tlp:(clear|green|amber|amber\+strict|red)$`)
)

type tagJSON struct {
	Name string `json:"name"`
}

type attrJSON struct {
	UUID               string    `json:"uuid"`
	ObjectRelation     *string   `json:"object_relation"`
	Type               string    `json:"type"`
	Category           string    `json:"category"`
	Value              string    `json:"value"`
	ToIDS              *bool     `json:"to_ids"`
	DisableCorrelation bool      `json:"disable_correlation"`
	Distribution       string    `json:"distribution"`
	Timestamp          string    `json:"timestamp"`
	Comment            string    `json:"comment"`
	FirstSeen          string    `json:"first_seen"`
	LastSeen           string    `json:"last_seen"`
	Tag                []tagJSON `json:"Tag"`
}

type objJSON struct {
	UUID            string     `json:"uuid"`
	Name            string     `json:"name"`
	MetaCategory    string     `json:"meta-category"`
	TemplateUUID    string     `json:"template_uuid"`
	TemplateVersion string     `json:"template_version"`
	Distribution    string     `json:"distribution"`
	Timestamp       string     `json:"timestamp"`
	Comment         string     `json:"comment"`
	Attribute       []attrJSON `json:"Attribute"`
	ObjectReference []struct {
		UUID             string `json:"uuid"`
		ObjectUUID       string `json:"object_uuid"`
		ReferencedUUID   string `json:"referenced_uuid"`
		RelationshipType string `json:"relationship_type"`
		Timestamp        string `json:"timestamp"`
	} `json:"ObjectReference"`
}

type eventJSON struct {
	UUID           string     `json:"uuid"`
	Info           string     `json:"info"`
	Date           string     `json:"date"`
	ThreatLevelID  string     `json:"threat_level_id"`
	Analysis       string     `json:"analysis"`
	Distribution   string     `json:"distribution"`
	Published      *bool      `json:"published"`
	Timestamp      string     `json:"timestamp"`
	AttributeCount string     `json:"attribute_count"`
	Tag            []tagJSON  `json:"Tag"`
	Attribute      []attrJSON `json:"Attribute"`
	Object         []objJSON  `json:"Object"`
}

// validate checks an export against what the MISP core format requires of
// an event, its attributes, objects and references, and returns the event.
func validate(t testing.TB, raw []byte) *eventJSON {
	t.Helper()
	var doc struct {
		Event *eventJSON `json:"Event"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&doc); err != nil || doc.Event == nil {
		t.Fatalf("not a MISP event: %v\n%s", err, raw)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value:\n%s", raw)
	}
	var keys struct {
		Event map[string]json.RawMessage `json:"Event"`
	}
	json.Unmarshal(raw, &keys)
	for _, k := range []string{"uuid", "info", "date", "threat_level_id", "analysis", "distribution", "published", "timestamp", "Attribute", "Object", "Tag"} {
		if v, ok := keys.Event[k]; !ok || string(v) == "null" {
			t.Errorf("the event has no %s", k)
		}
	}
	// A PAP tag is one of the MISP PAP taxonomy's, one at most.
	checkPAP := func(what string, ts []tagJSON) {
		n := 0
		for _, tg := range ts {
			if strings.HasPrefix(strings.ToUpper(tg.Name), "PAP:") {
				n++
				if !in(tg.Name, "PAP:CLEAR", "PAP:GREEN", "PAP:AMBER", "PAP:RED") {
					t.Errorf("%s: tag %q is not in the PAP taxonomy", what, tg.Name)
				}
			}
		}
		if n > 1 {
			t.Errorf("%s: %d PAP tags %v", what, n, tagNames(ts))
		}
	}
	e := doc.Event
	if !validUUID(e.UUID) || e.Info == "" || len(e.Info) > 256 || strings.ContainsAny(e.Info, "\r\n") || !dateOnly.MatchString(e.Date) ||
		!in(e.ThreatLevelID, "1", "2", "3", "4") || !in(e.Analysis, "0", "1", "2") || !in(e.Distribution, "0", "1", "2", "3") ||
		e.Published == nil || !seconds.MatchString(e.Timestamp) {
		t.Errorf("event fields: uuid %q info %q date %q threat_level_id %q analysis %q distribution %q published %v timestamp %q",
			e.UUID, e.Info, e.Date, e.ThreatLevelID, e.Analysis, e.Distribution, e.Published, e.Timestamp)
	}
	if n := strings.Count(strings.Join(tagNames(e.Tag), " "), "tlp:"); n != 1 || !tlpTag.MatchString(e.Tag[0].Name) {
		t.Errorf("event tags %v: want exactly one TLP tag, first", tagNames(e.Tag))
	}
	checkPAP("the event", e.Tag)
	if e.AttributeCount != itoa(len(e.Attribute)) {
		t.Errorf("attribute_count %s, %d attributes", e.AttributeCount, len(e.Attribute))
	}
	uuids := map[string]bool{e.UUID: true}
	unique := func(u, what string) {
		if !validUUID(u) || uuids[u] {
			t.Errorf("%s: uuid %q invalid or not unique", what, u)
		}
		uuids[u] = true
	}
	checkAttr := func(a attrJSON, inObject bool) {
		unique(a.UUID, "attribute "+a.Value)
		if !slices.Contains(categoryTypes[a.Category], a.Type) {
			t.Errorf("attribute %q: type %q is not one of category %q", a.Value, a.Type, a.Category)
		}
		if a.Value == "" || a.ToIDS == nil || !in(a.Distribution, "0", "1", "2", "3", "5") || !seconds.MatchString(a.Timestamp) {
			t.Errorf("attribute %+v: value, to_ids, distribution or timestamp missing", a)
		}
		if (a.ObjectRelation != nil) != inObject {
			t.Errorf("attribute %q: object_relation %v inside an object %v", a.Value, a.ObjectRelation, inObject)
		}
		for _, s := range []string{a.FirstSeen, a.LastSeen} {
			if s != "" && !seenTime.MatchString(s) {
				t.Errorf("attribute %q: first/last seen %q", a.Value, s)
			}
		}
		if len(a.Tag) == 0 || !tlpTag.MatchString(a.Tag[0].Name) {
			t.Errorf("attribute %q: tags %v, want a TLP tag first", a.Value, tagNames(a.Tag))
		}
		checkPAP("attribute "+a.Value, a.Tag)
	}
	attrs := map[string]bool{}
	for _, a := range e.Attribute {
		checkAttr(a, false)
		attrs[a.UUID] = true
	}
	for _, o := range e.Object {
		unique(o.UUID, "object "+o.Comment)
		if o.Name != "report" || o.MetaCategory != "misc" || o.TemplateUUID != reportTemplateUUID || !seconds.MatchString(o.TemplateVersion) ||
			!in(o.Distribution, "0", "1", "2", "3", "5") || !seconds.MatchString(o.Timestamp) || len(o.Attribute) == 0 {
			t.Errorf("object %s: %+v", o.UUID, o)
		}
		for _, a := range o.Attribute {
			checkAttr(a, true)
		}
		for _, r := range o.ObjectReference {
			unique(r.UUID, "reference of "+o.UUID)
			if r.ObjectUUID != o.UUID || !attrs[r.ReferencedUUID] || r.RelationshipType == "" || !seconds.MatchString(r.Timestamp) {
				t.Errorf("object %s: reference %+v does not join it to an attribute of the event", o.UUID, r)
			}
		}
	}
	return e
}

func in(v string, set ...string) bool { return slices.Contains(set, v) }

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func validUUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && len(s) == 36 && s == strings.ToLower(s) && u != uuid.Nil
}

func tagNames(ts []tagJSON) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

func sel(kind, value, display, subtype, role string) store.ReportSelector {
	return store.ReportSelector{SelectorID: uuid.NewSHA1(uuid.NameSpaceOID, []byte(kind+":"+value)).String(), Kind: kind, Value: value,
		Display: display, Subtype: subtype, Role: role}
}

var (
	phone   = sel("phone", "+85595756407", "+855 95 756 407", "mobile", "contacted_by")
	tron    = sel("crypto", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "tron", "paid_to")
	btc     = sel("crypto", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "btc", "paid_to")
	xmr     = sel("crypto", "888tNkZrPN6JsEgekjMnABU4TBzc2Dt29EPAvkRxbANsAnjyPbb3iQ1YBRk1UXcdRsiKc9dhwMVgN5S9cQUiyoogDavup3H", "888t…", "xmr", "paid_to")
	dash    = sel("crypto", "XpESxaUmonkq8RaLLp46Brx2K39ggQe226", "XpESxaUmonkq8RaLLp46Brx2K39ggQe226", "dash", "paid_to")
	evm     = sel("crypto", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "evm", "paid_to")
	handle  = sel("handle", "telegram:golden_job", "@golden_job (Telegram)", "telegram", "recruited_via")
	xacct   = sel("handle", "x:goldenjob", "https://x.com/goldenjob", "x", "contacted_by")
	site    = sel("url", "https://www.coin-tiger-pro.net/", "https://www.coin-tiger-pro.net/", "coin-tiger-pro.net", "website")
	domain  = sel("domain", "coin-tiger-pro.net", "coin-tiger-pro.net", "", "website")
	ip      = sel("ip", "203.0.113.7", "203.0.113.7", "", "")
	email   = sel("email", "hr@golden-job.example", "hr@golden-job.example", "", "contacted_by")
	account = sel("bank_account", "KH:ABA:054215412", "ABA Bank 054215412", "", "paid_to")
	iban    = sel("bank_account", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "", "paid_to")
	card    = sel("card", "4111111111111111", "4111 **** **** 1111", "", "paid_to")
	tme     = sel("domain", "t.me", "t.me", "", "mentioned")
)

func day(d int) time.Time { return time.Date(2025, 9, d, 10, 30, 15, 123456789, time.UTC) }

func export(t *testing.T, o Options, reports ...*store.Report) (*eventJSON, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, o)
	for _, r := range reports {
		if err := w.Report(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return validate(t, buf.Bytes()), buf.Bytes()
}

func byValue(e *eventJSON) map[string]attrJSON {
	m := map[string]attrJSON{}
	for _, a := range e.Attribute {
		m[a.Value] = a
	}
	return m
}

// TestSelectorKindsAsMISPTypes: each kind of selector becomes the MISP type
// and category that fit it, with the chain or platform in the comment
// where MISP has no type of its own, and the role and report count.
func TestSelectorKindsAsMISPTypes(t *testing.T) {
	all := []store.ReportSelector{phone, tron, btc, xmr, dash, evm, handle, xacct, site, domain, ip, email, account, iban, card}
	e, _ := export(t, Options{Producer: "KNPA", NetworkID: "01K0000000000000000000000A", MaxTLP: "AMBER"},
		&store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ReceivedAt: day(3), ScamType: "crypto_investment", TLP: store.TLPAmber, Selectors: all},
		&store.Report{ID: "01K0000000000000000000000B", Origin: "CNP", ReceivedAt: day(5), ScamType: "crypto_investment", TLP: store.TLPAmber,
			Selectors: []store.ReportSelector{phone, sel("phone", "+85595756407", "+855 95 756 407", "mobile", "paid_to")}},
	)
	want := []struct{ value, typ, category, comment string }{
		{"+85595756407", "phone-number", "Financial fraud", "role contacted_by, paid_to; in 2 reports"},
		{"TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "text", "Financial fraud", "TRON (TRX, USDT-TRC20) address; role paid_to; in 1 report"},
		{btc.Value, "btc", "Financial fraud", "Bitcoin address; role paid_to; in 1 report"},
		{xmr.Value, "xmr", "Financial fraud", "Monero address; role paid_to; in 1 report"},
		{dash.Value, "dash", "Financial fraud", "Dash address; role paid_to; in 1 report"},
		{evm.Value, "text", "Financial fraud", "Ethereum or EVM chain (ETH, BSC, USDT-ERC20...) address; role paid_to; in 1 report"},
		{"golden_job", "text", "Social network", "Telegram ID; role recruited_via; in 1 report"},
		{"goldenjob", "twitter-id", "Social network", "X account; role contacted_by; in 1 report"},
		{"https://www.coin-tiger-pro.net/", "url", "Network activity", "role website; in 1 report"},
		{"coin-tiger-pro.net", "domain", "Network activity", "role website; in 1 report"},
		{"203.0.113.7", "ip-dst", "Network activity", "in 1 report"},
		{"hr@golden-job.example", "email-src", "Payload delivery", "role contacted_by; in 1 report"},
		{"054215412", "bank-account-nr", "Financial fraud", "Account at ABA (KH); role paid_to; in 1 report"},
		{"DE89370400440532013000", "iban", "Financial fraud", "IBAN; role paid_to; in 1 report"},
		{"4111111111111111", "cc-number", "Financial fraud", "role paid_to; in 1 report"},
	}
	got := byValue(e)
	if len(e.Attribute) != len(want) {
		t.Errorf("%d attributes; want %d", len(e.Attribute), len(want))
	}
	for _, w := range want {
		a, ok := got[w.value]
		if !ok {
			t.Errorf("no attribute %q", w.value)
			continue
		}
		if a.Type != w.typ || a.Category != w.category || a.Comment != w.comment || !*a.ToIDS || a.DisableCorrelation {
			t.Errorf("%s: %s/%s %q to_ids %v; want %s/%s %q, to_ids", w.value, a.Type, a.Category, a.Comment, *a.ToIDS, w.typ, w.category, w.comment)
		}
	}
	var roles []string
	for _, r := range e.Object[1].ObjectReference {
		if r.ReferencedUUID == got["+85595756407"].UUID {
			roles = append(roles, r.RelationshipType)
		}
	}
	if !slices.Equal(roles, []string{"contacted-by", "paid-to"}) {
		t.Errorf("the second report refers to the phone as %v; want contacted-by and paid-to", roles)
	}
	if p := got["+85595756407"]; p.FirstSeen != "2025-09-03T10:30:15.123456+00:00" || p.LastSeen != "2025-09-05T10:30:15.123456+00:00" || p.Timestamp != "1757068215" {
		t.Errorf("phone first/last seen %s %s, timestamp %s", p.FirstSeen, p.LastSeen, p.Timestamp)
	}
	if e.Date != "2025-09-03" || e.Timestamp != "1757068215" || e.Info != "counterscam: scam network 01K0000000000000000000000A (KNPA, up to TLP:AMBER)" {
		t.Errorf("event date %s, timestamp %s, info %q", e.Date, e.Timestamp, e.Info)
	}
}

// TestTLPTags: the event carries the most restrictive label it holds and
// a distribution no wider; an attribute the least restrictive of the
// reports naming it, and the scam types of the reports at that label
// alone; a report's object its own label; scam types as tags.
func TestTLPTags(t *testing.T) {
	for _, tc := range []struct{ most, tag, distribution string }{
		{store.TLPClear, "tlp:clear", "3"}, {store.TLPGreen, "tlp:green", "1"}, {store.TLPAmber, "tlp:amber", "0"},
		{store.TLPAmberStrict, "tlp:amber+strict", "0"}, {store.TLPRed, "tlp:red", "0"},
	} {
		e, _ := export(t, Options{Producer: "KNPA"},
			&store.Report{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(2), ScamType: "loan", TLP: tc.most, Selectors: []store.ReportSelector{phone, tron}},
			&store.Report{ID: "01K0000000000000000000000A", Origin: "KNPA", ReceivedAt: day(1), ScamType: "romance", TLP: store.TLPClear, Selectors: []store.ReportSelector{phone}},
		)
		wantTags := []string{tc.tag, `counterscam:scam-type="loan"`, `counterscam:scam-type="romance"`}
		if got := tagNames(e.Tag); !slices.Equal(got, wantTags) || e.Distribution != tc.distribution {
			t.Errorf("%s: event tags %v, distribution %s; want %v, %s", tc.most, got, e.Distribution, wantTags, tc.distribution)
		}
		attrs := byValue(e)
		phoneTags := []string{"tlp:clear", `counterscam:scam-type="romance"`}
		if tc.most == store.TLPClear {
			phoneTags = []string{"tlp:clear", `counterscam:scam-type="loan"`, `counterscam:scam-type="romance"`}
		}
		if got := tagNames(attrs[phone.Value].Tag); !slices.Equal(got, phoneTags) {
			t.Errorf("%s: the phone a CLEAR report names is tagged %v", tc.most, got)
		}
		if got := tagNames(attrs[tron.Value].Tag); !slices.Equal(got, []string{tc.tag, `counterscam:scam-type="loan"`}) {
			t.Errorf("%s: the wallet only the %s report names is tagged %v", tc.most, tc.most, got)
		}
		for i, o := range e.Object {
			want := []string{tc.tag, "tlp:clear"}[i]
			for _, a := range o.Attribute {
				if tagNames(a.Tag)[0] != want {
					t.Errorf("%s: report %d's %s tagged %v; want %s", tc.most, i, *a.ObjectRelation, tagNames(a.Tag), want)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := NewWriter(&buf, Options{}).Report(&store.Report{ID: "x", TLP: "WHITE"}); err == nil {
		t.Error("a label that is not TLP 2.0 was written")
	}
}

// TestAttributeSaysNoMoreThanItsLabel: a phone a CLEAR romance report
// names and an AMBER crypto-investment report names again, with another
// role and later, is a tlp:clear attribute that says what the CLEAR report
// says alone: romance, its role, its date, one report; the AMBER report's
// scam type, role, date and count are in no tlp:clear attribute. Met first
// in the AMBER report, it comes out the same.
func TestAttributeSaysNoMoreThanItsLabel(t *testing.T) {
	clear := &store.Report{ID: "01K0000000000000000000000A", Origin: "KNPA", ReceivedAt: day(1), ScamType: "romance", TLP: store.TLPClear,
		Selectors: []store.ReportSelector{{SelectorID: phone.SelectorID, Kind: phone.Kind, Value: phone.Value, Display: phone.Display, Role: "contacted_by"}}}
	amber := &store.Report{ID: "01K0000000000000000000000B", Origin: "CNP", ReceivedAt: day(9), ScamType: "crypto_investment", TLP: store.TLPAmber,
		Selectors: []store.ReportSelector{{SelectorID: phone.SelectorID, Kind: phone.Kind, Value: phone.Value, Display: phone.Display, Role: "paid_to"}}}
	for name, order := range map[string][]*store.Report{"CLEAR first": {clear, amber}, "AMBER first": {amber, clear}} {
		e, _ := export(t, Options{Producer: "KNPA", MaxTLP: "AMBER"}, order...)
		a := byValue(e)[phone.Value]
		if got := tagNames(a.Tag); !slices.Equal(got, []string{"tlp:clear", `counterscam:scam-type="romance"`}) {
			t.Errorf("%s: the phone is tagged %v; want tlp:clear and romance alone", name, got)
		}
		if a.Comment != "role contacted_by; in 1 report" {
			t.Errorf("%s: the phone's comment %q; want the CLEAR report's role and one report", name, a.Comment)
		}
		if a.FirstSeen != "2025-09-01T10:30:15.123456+00:00" || a.LastSeen != a.FirstSeen || a.Timestamp != "1756722615" {
			t.Errorf("%s: the phone first seen %s, last seen %s, timestamp %s; want the CLEAR report's date alone", name, a.FirstSeen, a.LastSeen, a.Timestamp)
		}
		if len(e.Object) != 2 || len(e.Object[0].ObjectReference) != 1 || len(e.Object[1].ObjectReference) != 1 {
			t.Errorf("%s: both reports still refer to the phone: %+v", name, e.Object)
		}
	}
}

// TestUUIDsAreDeterministic: the same selection exported again, with a
// report more, keeps the event's, the objects' and the attributes' UUIDs
// (MISP then updates the event it holds); another network's export is
// another event whose attributes have their own UUIDs.
func TestUUIDsAreDeterministic(t *testing.T) {
	r1 := &store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ExternalRef: "CNP-1", ReceivedAt: day(1), TLP: store.TLPAmber, Selectors: []store.ReportSelector{phone, tron}}
	r2 := &store.Report{ID: "01K0000000000000000000000B", Origin: "CNP", ReceivedAt: day(4), TLP: store.TLPAmber, Selectors: []store.ReportSelector{tron, email}}
	o := Options{Producer: "KNPA", NetworkID: "01K0000000000000000000000A", MaxTLP: "AMBER"}
	a, rawA := export(t, o, r1)
	_, rawA2 := export(t, o, r1)
	if !bytes.Equal(rawA, rawA2) {
		t.Errorf("the same export twice differs:\n%s\n%s", rawA, rawA2)
	}
	b, _ := export(t, o, r1, r2)
	if a.UUID != b.UUID || a.Object[0].UUID != b.Object[0].UUID || a.Object[0].Attribute[0].UUID != b.Object[0].Attribute[0].UUID {
		t.Errorf("the event or the first report's object changed UUID")
	}
	for _, s := range []store.ReportSelector{phone, tron} {
		if byValue(a)[s.Value].UUID != byValue(b)[s.Value].UUID {
			t.Errorf("%s changed UUID", s.Kind)
		}
	}
	if byValue(b)[tron.Value].Comment != "TRON (TRX, USDT-TRC20) address; role paid_to; in 2 reports" || b.Timestamp <= a.Timestamp || byValue(b)[tron.Value].Timestamp <= byValue(a)[tron.Value].Timestamp {
		t.Errorf("the wallet's count or the timestamps did not move on: %q, %s -> %s", byValue(b)[tron.Value].Comment, a.Timestamp, b.Timestamp)
	}
	o.NetworkID = "01K0000000000000000000000Z"
	c, _ := export(t, o, r1)
	if c.UUID == a.UUID || byValue(c)[phone.Value].UUID == byValue(a)[phone.Value].UUID {
		t.Error("another network's event shares UUIDs with this one")
	}
	o.NetworkID, o.Producer = "01K0000000000000000000000A", "CNP"
	if d, _ := export(t, o, r1); d.UUID == a.UUID {
		t.Error("another organisation's export of the network is the same event")
	}
}

// TestReportsAsObjects: a report is a "report" object with its title, the
// origin's case number and narrative, referring to its selectors by role;
// a "does not link" selector goes in without to_ids or correlation; an
// allow-listed one stays out.
func TestReportsAsObjects(t *testing.T) {
	o := Options{Producer: "KNPA", Marks: indicator.Marks{
		NoLink:      func(s store.ReportSelector) bool { return s.SelectorID == email.SelectorID },
		Allowlisted: func(s store.ReportSelector) bool { return s.SelectorID == tme.SelectorID }}}
	e, raw := export(t, o, &store.Report{ID: "01K0000000000000000000000A", Origin: "CNP", ExternalRef: "CNP-2025-1", ReceivedAt: day(3), CreatedAt: day(4),
		ScamType: "job_lure", TLP: store.TLPGreen, Narrative: "Offered a job in Sihanoukville via t.me", VictimRef: "v-77", VictimCountry: "KR",
		Selectors: []store.ReportSelector{handle, email, tme, handle}})
	if len(e.Object) != 1 {
		t.Fatalf("%d objects", len(e.Object))
	}
	ob := e.Object[0]
	fields := map[string]string{}
	for _, a := range ob.Attribute {
		fields[*a.ObjectRelation] = a.Value
		if *a.ToIDS || !a.DisableCorrelation {
			t.Errorf("report field %s is for detection or correlates", *a.ObjectRelation)
		}
	}
	if fields["title"] != "Scam report CNP CNP-2025-1" || fields["case-number"] != "CNP-2025-1" || fields["summary"] != "Offered a job in Sihanoukville via t.me" || len(fields) != 3 {
		t.Errorf("report fields %v", fields)
	}
	if ob.Comment != "counterscam report 01K0000000000000000000000A, job_lure" || ob.Timestamp != "1756981815" {
		t.Errorf("object comment %q timestamp %s", ob.Comment, ob.Timestamp)
	}
	rels := map[string]string{}
	for _, r := range ob.ObjectReference {
		rels[r.ReferencedUUID] = r.RelationshipType
	}
	attrs := byValue(e)
	if len(ob.ObjectReference) != 2 || rels[attrs["golden_job"].UUID] != "recruited-via" || rels[attrs[email.Value].UUID] != "contacted-by" {
		t.Errorf("references %v", rels)
	}
	if m := attrs[email.Value]; *m.ToIDS || !m.DisableCorrelation || !strings.HasSuffix(m.Comment, `marked "does not link" by an analyst: shared, not for detection`) {
		t.Errorf("the does-not-link e-mail: to_ids %v, correlation off %v, %q", *m.ToIDS, m.DisableCorrelation, m.Comment)
	}
	if _, ok := attrs["t.me"]; ok || len(e.Attribute) != 2 {
		t.Errorf("attributes %v: the allow-listed t.me went in", attrs)
	}
	if s := string(raw); strings.Contains(s, "v-77") || strings.Contains(s, `"KR"`) {
		t.Error("the victim's key or country left in the event")
	}
}

// TestEmptyEvent: an export with no report is still a valid event, even
// when what it was asked for is a long line of anything (validate checks
// that info is one line of at most 256 bytes). As its info names the
// network and the organisation, it is tagged and distributed as max_tlp
// says (RED, the importing organisation only, without one), never as
// CLEAR to all communities.
func TestEmptyEvent(t *testing.T) {
	for maxTLP, want := range map[string][2]string{"AMBER": {"tlp:amber", "0"}, "GREEN": {"tlp:green", "1"}, "CLEAR": {"tlp:clear", "3"}, "": {"tlp:red", "0"}} {
		e, _ := export(t, Options{Producer: "KNPA", NetworkID: "01K0000000000000000000000A", MaxTLP: maxTLP})
		if len(e.Attribute) != 0 || len(e.Object) != 0 || len(e.Tag) != 1 || e.Tag[0].Name != want[0] || e.Distribution != want[1] {
			t.Errorf("max_tlp %q: empty event tagged %v, distribution %s, %d attributes, %d objects; want %s, %s, none",
				maxTLP, tagNames(e.Tag), e.Distribution, len(e.Attribute), len(e.Object), want[0], want[1])
		}
	}
	e, _ := export(t, Options{Producer: "KNPA", MaxTLP: "AMBER"})
	if e.Info != "counterscam: scam reports (KNPA, up to TLP:AMBER)" {
		t.Errorf("empty event's info %q", e.Info)
	}
	e, _ = export(t, Options{Producer: "KNPA", SelectorID: "a\nb" + strings.Repeat("한", 100)})
	if !strings.HasPrefix(e.Info, "counterscam: scam reports naming selector a b한") || !strings.HasSuffix(e.Info, "한…") || !utf8.ValidString(e.Info) {
		t.Errorf("info %q", e.Info)
	}
}

// TestPAPTags: a report's PAP (what a recipient may do with it) travels
// with it as the MISP PAP taxonomy's tag, on the report's fields, on the
// attributes of the selectors at its label (the most restrictive PAP of
// the reports at that label) and on the event (the most restrictive of
// all); a report without one adds none.
func TestPAPTags(t *testing.T) {
	e, _ := export(t, Options{Producer: "KNPA", MaxTLP: "AMBER"},
		&store.Report{ID: "01K0000000000000000000000A", Origin: "KNPA", ReceivedAt: day(1), ScamType: "romance", TLP: store.TLPClear, PAP: "GREEN", Selectors: []store.ReportSelector{phone, tron}},
		&store.Report{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(2), ScamType: "romance", TLP: store.TLPClear, PAP: "AMBER", Selectors: []store.ReportSelector{phone}},
		&store.Report{ID: "01K0000000000000000000000C", Origin: "CNP", ReceivedAt: day(3), ScamType: "loan", TLP: store.TLPAmber, PAP: "RED", Selectors: []store.ReportSelector{tron, site}},
		&store.Report{ID: "01K0000000000000000000000D", Origin: "CNP", ReceivedAt: day(4), ScamType: "loan", TLP: store.TLPAmber, Selectors: []store.ReportSelector{email}},
	)
	if got := tagNames(e.Tag); !slices.Equal(got, []string{"tlp:amber", "PAP:RED", `counterscam:scam-type="loan"`, `counterscam:scam-type="romance"`}) {
		t.Errorf("event tags %v; want tlp:amber and PAP:RED", got)
	}
	attrs := byValue(e)
	for value, want := range map[string][]string{
		phone.Value: {"tlp:clear", "PAP:AMBER", `counterscam:scam-type="romance"`},
		tron.Value:  {"tlp:clear", "PAP:GREEN", `counterscam:scam-type="romance"`},
		site.Value:  {"tlp:amber", "PAP:RED", `counterscam:scam-type="loan"`},
		email.Value: {"tlp:amber", `counterscam:scam-type="loan"`},
	} {
		if got := tagNames(attrs[value].Tag); !slices.Equal(got, want) {
			t.Errorf("attribute %s tagged %v; want %v", value, got, want)
		}
	}
	for i, want := range [][]string{{"tlp:clear", "PAP:GREEN"}, {"tlp:clear", "PAP:AMBER"}, {"tlp:amber", "PAP:RED"}, {"tlp:amber"}} {
		for _, a := range e.Object[i].Attribute {
			if got := tagNames(a.Tag); !slices.Equal(got, want) {
				t.Errorf("report %d's %s tagged %v; want %v", i, *a.ObjectRelation, got, want)
			}
		}
	}
}
