// Package misp writes scam reports and the selectors they name as one MISP
// event in the MISP core format, the JSON a MISP instance imports
// ({"Event": {...}}), for the police CERTs and financial-crime units that
// share through MISP rather than STIX.
//
// Each selector is an attribute of the MISP type that fits it (phone-number,
// url, domain, ip-dst, email-src, btc, xmr, dash, iban, bank-account-nr,
// cc-number, twitter-id; text with the chain or platform in its comment
// where MISP has no type), tagged with the TLP taxonomy's tag of the least
// restrictive report naming it and with the scam types of the reports at
// that label (package indicator adds up only those). Each report is a
// MISP "report" object (title, the origin's case number, the narrative)
// tagged with its own label, referring to the attributes of its selectors
// by their role. The event carries the most restrictive label of what it
// holds; an empty one, max_tlp's label (RED when there is none), as its
// info still names the network and the organisation. A report's PAP goes
// with it as the PAP taxonomy's tag, the same way (an attribute takes the
// most restrictive PAP of the reports at its label). UUIDs are UUIDv5 of
// what they stand for, so that a partner who imports the same export again
// updates the event instead of adding one.
//
// Like package stix, it is pure: the caller passes only reports the reader
// may read, and decides which labels go in.
package misp

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"counterscam/internal/indicator"
	"counterscam/internal/jsonstream"
	"counterscam/internal/store"
)

// MediaType is what the export is served as: MISP events are plain JSON.
const MediaType = "application/json"

// namespace is counterscam's namespace for the UUIDv5 of MISP events.
var namespace = uuid.MustParse("8b0f3c52-61d4-5e0a-b7a9-2c4e6f1d3a90")

// tlpTags are the MISP TLP taxonomy's tags for the TLP 2.0 labels.
var tlpTags = map[string]string{
	store.TLPClear: "tlp:clear", store.TLPGreen: "tlp:green", store.TLPAmber: "tlp:amber",
	store.TLPAmberStrict: "tlp:amber+strict", store.TLPRed: "tlp:red",
}

// TLPTag is the MISP tag of a TLP 2.0 label ("" for an unknown label).
func TLPTag(tlp string) string { return tlpTags[tlp] }

// PAPTag is the MISP PAP taxonomy's tag of a FIRST PAP label (PAP:RED),
// "" for none.
func PAPTag(pap string) string {
	if pap == "" {
		return ""
	}
	return "PAP:" + pap
}

// markingTags are the tags of a TLP label and of a PAP label, if one.
func markingTags(tlp, pap string) []tag {
	if pap == "" {
		return tags(TLPTag(tlp))
	}
	return tags(TLPTag(tlp), PAPTag(pap))
}

// ScamTypeTag is the tag of a scam type: counterscam's own machine tag, as
// no MISP taxonomy names these scams.
func ScamTypeTag(scamType string) string { return `counterscam:scam-type="` + scamType + `"` }

// Options say what the event is an export of, which names it and mints its
// UUID: the same selection exported again by the same organisation is the
// same event.
type Options struct {
	Producer   string // the organisation exporting
	NetworkID  string // the network exported, if one
	SelectorID string // the selector whose reports are exported, if one
	MaxTLP     string // the most restrictive label let in
	// Marks say which selectors stay out (the allow-listed ones) and
	// which go in with to_ids and correlation off (those an analyst marked
	// "does not link"), as for every export (package indicator decides).
	Marks indicator.Marks
}

// Writer streams an event: reports are written as objects as they come,
// and the attributes and the event's own fields at Close.
type Writer struct {
	w     *jsonstream.Writer
	o     Options
	event uuid.UUID
	tally *indicator.Tally

	tlp         int    // the most restrictive label written
	pap         string // the most restrictive PAP written ("" for none)
	scamTypes   []string
	first, last time.Time
}

// NewWriter starts an event on w.
func NewWriter(w io.Writer, o Options) *Writer {
	key := strings.Join([]string{o.Producer, o.NetworkID, o.SelectorID, o.MaxTLP}, "\x00")
	x := &Writer{w: jsonstream.New(w), o: o, event: uuid.NewSHA1(namespace, []byte("event\x00"+key)), tlp: -1}
	x.tally = indicator.New(func(s store.ReportSelector) bool { return types[s.Kind] != nil }, o.Marks)
	x.w.Text(`{"Event":{"Object":[`)
	return x
}

// EventUUID is the event's UUID.
func (x *Writer) EventUUID() string { return x.event.String() }

// AttributeUUID is the UUID of a selector's attribute in this event: the
// same selector in another event (another network, another selection) is
// another attribute, as MISP wants an attribute's UUID unique.
func (x *Writer) AttributeUUID(selectorID string) string {
	return uuid.NewSHA1(x.event, []byte("selector\x00"+selectorID)).String()
}

// objectUUID is the UUID of a report's object in this event.
func (x *Writer) objectUUID(reportID string) uuid.UUID {
	return uuid.NewSHA1(x.event, []byte("report\x00"+reportID))
}

type tag struct {
	Name string `json:"name"`
}

func tags(names ...string) []tag {
	out := make([]tag, len(names))
	for i, n := range names {
		out[i] = tag{n}
	}
	return out
}

// shared are the fields of every attribute and object: its distribution
// (the event's, inherited), when it last changed, and a comment.
type shared struct {
	Distribution   string `json:"distribution"`
	SharingGroupID string `json:"sharing_group_id"`
	Timestamp      string `json:"timestamp"`
	Comment        string `json:"comment"`
	Deleted        bool   `json:"deleted"`
}

// inherited is what an attribute or object shares: MISP's distribution
// "inherit the event's".
func inherited(timestamp, comment string) shared {
	return shared{Distribution: "5", SharingGroupID: "0", Timestamp: timestamp, Comment: comment}
}

// attribute is a MISP attribute; object_relation only inside an object.
type attribute struct {
	UUID               string `json:"uuid"`
	ObjectRelation     string `json:"object_relation,omitempty"`
	Type               string `json:"type"`
	Category           string `json:"category"`
	Value              string `json:"value"`
	ToIDS              bool   `json:"to_ids"`
	DisableCorrelation bool   `json:"disable_correlation"`
	shared
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	Tag       []tag  `json:"Tag"`
}

type objectReference struct {
	UUID             string `json:"uuid"`
	ObjectUUID       string `json:"object_uuid"`
	ReferencedUUID   string `json:"referenced_uuid"`
	RelationshipType string `json:"relationship_type"`
	Timestamp        string `json:"timestamp"`
	Comment          string `json:"comment"`
	Deleted          bool   `json:"deleted"`
}

type object struct {
	UUID            string `json:"uuid"`
	Name            string `json:"name"`
	MetaCategory    string `json:"meta-category"`
	Description     string `json:"description"`
	TemplateUUID    string `json:"template_uuid"`
	TemplateVersion string `json:"template_version"`
	shared
	FirstSeen       string            `json:"first_seen,omitempty"`
	Attribute       []attribute       `json:"Attribute"`
	ObjectReference []objectReference `json:"ObjectReference"`
}

// The "report" object template of MISP's object library.
const (
	reportTemplateUUID    = "70a68471-df22-4e3f-aa1a-5a3be19f82df"
	reportTemplateVersion = "8"
)

func unix(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// seen writes first_seen and last_seen as MISP does: microseconds and an
// explicit UTC offset.
func seen(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000") + "+00:00" }

// Report writes one scam report as a MISP report object, and counts its
// selectors towards their attributes. The caller passes only reports the
// reader may read; the reporter's contact is no part of a report.
func (x *Writer) Report(r *store.Report) error {
	tlp := TLPTag(r.TLP)
	if tlp == "" {
		return fmt.Errorf("report %s: TLP label %q has no MISP tag", r.ID, r.TLP)
	}
	x.tlp = max(x.tlp, slices.Index(indicator.TLPOrder, r.TLP))
	pap := indicator.StricterPAP("", r.PAP) // an unknown label is taken as RED
	x.pap = indicator.StricterPAP(x.pap, pap)
	if r.ScamType != "" && !slices.Contains(x.scamTypes, r.ScamType) {
		x.scamTypes = append(x.scamTypes, r.ScamType)
	}
	if x.first.IsZero() || r.ReceivedAt.Before(x.first) {
		x.first = r.ReceivedAt
	}
	stored := r.CreatedAt
	if stored.IsZero() {
		stored = r.ReceivedAt
	}
	if stored.After(x.last) {
		x.last = stored
	}

	oid := x.objectUUID(r.ID)
	ou := oid.String()
	at := unix(stored)
	field := func(relation, category, value string) attribute {
		return attribute{UUID: uuid.NewSHA1(oid, []byte(relation)).String(), ObjectRelation: relation, Type: "text",
			Category: category, Value: value, DisableCorrelation: true, shared: inherited(at, ""), Tag: markingTags(r.TLP, pap)}
	}
	title := "Scam report " + r.Origin
	if r.ExternalRef != "" {
		title += " " + r.ExternalRef
	}
	attrs := []attribute{field("title", "Other", title)}
	if r.ExternalRef != "" {
		attrs = append(attrs, field("case-number", "Internal reference", r.ExternalRef))
	}
	if r.Narrative != "" {
		attrs = append(attrs, field("summary", "Other", r.Narrative))
	}
	refs := []objectReference{}
	for _, in := range x.tally.Add(r) {
		roles := map[string]bool{}
		for _, s := range r.Selectors {
			if s.SelectorID == in.Selector.SelectorID && !roles[s.Role] {
				roles[s.Role] = true
				refs = append(refs, objectReference{
					UUID:       uuid.NewSHA1(oid, []byte("ref\x00"+s.SelectorID+"\x00"+s.Role)).String(),
					ObjectUUID: ou, ReferencedUUID: x.AttributeUUID(s.SelectorID), RelationshipType: relationship(s.Role),
					Timestamp: at, Comment: "",
				})
			}
		}
	}
	comment := "counterscam report " + r.ID
	if r.ScamType != "" {
		comment += ", " + r.ScamType
	}
	x.w.Element(object{
		UUID: ou, Name: "report", MetaCategory: "misc", Description: "Report object to describe a report along with its metadata.",
		TemplateUUID: reportTemplateUUID, TemplateVersion: reportTemplateVersion, shared: inherited(at, comment), FirstSeen: seen(r.ReceivedAt), Attribute: attrs, ObjectReference: refs,
	})
	return x.w.Err()
}

// relationship is a report's relationship to a selector it names: its role
// (paid_to is "paid-to"), "mentions" when it has none.
func relationship(role string) string {
	if role == "" {
		return "mentions"
	}
	return strings.ReplaceAll(role, "_", "-")
}

type event struct {
	UUID             string `json:"uuid"`
	Info             string `json:"info"`
	Date             string `json:"date"`
	ThreatLevelID    string `json:"threat_level_id"`
	Analysis         string `json:"analysis"`
	Distribution     string `json:"distribution"`
	SharingGroupID   string `json:"sharing_group_id"`
	Published        bool   `json:"published"`
	Timestamp        string `json:"timestamp"`
	PublishTimestamp string `json:"publish_timestamp"`
	AttributeCount   string `json:"attribute_count"`
	Tag              []tag  `json:"Tag"`
}

// distributions are the event's MISP distribution for its most restrictive
// label: the whole MISP community for CLEAR, the importing instance's
// community for GREEN, the importing organisation only for the others
// (their recipients decide whom to share with, within the label).
var distributions = []string{"3", "1", "0", "0", "0"}

// Close writes the attributes and the event's fields, and ends the event.
func (x *Writer) Close() error {
	x.w.Text("\n],\"Attribute\":[")
	all := x.tally.All()
	for _, in := range all {
		x.w.Element(x.attribute(in))
	}
	rank := x.tlp
	if rank < 0 {
		// No report passed: the event still says what it is an export
		// of (the network, the organisation exporting), which is no
		// more public than the selection asked for. It takes max_tlp's
		// label and distribution (RED, this organisation only, when
		// there is none), never CLEAR's "all communities".
		if rank = slices.Index(indicator.TLPOrder, x.o.MaxTLP); rank < 0 {
			rank = len(indicator.TLPOrder) - 1
		}
	}
	label := indicator.TLPOrder[rank]
	first, last := x.first, x.last
	if first.IsZero() {
		first, last = time.Now(), time.Now()
	}
	slices.Sort(x.scamTypes)
	evTags := markingTags(label, x.pap)
	for _, s := range x.scamTypes {
		evTags = append(evTags, tag{ScamTypeTag(s)})
	}
	// A scam network is a medium threat (MISP's threat_level_id 2) whose
	// analysis goes on (analysis 1) as reports arrive; it is left for the
	// importing organisation to publish.
	b, err := json.Marshal(event{
		UUID: x.EventUUID(), Info: x.info(), Date: first.UTC().Format(time.DateOnly), ThreatLevelID: "2", Analysis: "1",
		Distribution: distributions[rank], SharingGroupID: "0", Timestamp: unix(last), PublishTimestamp: "0",
		AttributeCount: strconv.Itoa(len(all)), Tag: evTags,
	})
	if err != nil {
		return err
	}
	// The event's own fields follow the two arrays in the same object.
	x.w.Text("\n]," + string(b[1:]) + "}\n")
	return x.w.Flush()
}

func (x *Writer) info() string {
	what := "scam reports"
	if x.o.NetworkID != "" {
		what = "scam network " + x.o.NetworkID
	}
	if x.o.SelectorID != "" {
		what += " naming selector " + x.o.SelectorID
	}
	s := "counterscam: " + what + " (" + x.o.Producer
	if x.o.MaxTLP != "" {
		s += ", up to TLP:" + x.o.MaxTLP
	}
	s += ")"
	// MISP wants info on one line of at most 256 bytes; the IDs come
	// from a request, as typed.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if len(s) > 256 {
		cut := 256 - len("…")
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
