// Package stix writes scam reports and the selectors they name as a STIX
// 2.1 bundle, the format partner agencies' threat-intelligence platforms
// read: one indicator per selector (its pattern, first and last seen, scam
// types), one report object per scam report (its narrative and the
// indicators it names), the origin organisations as identities, and every
// object marked with its TLP 2.0 label through the marking definitions the
// OASIS CTI technical committee published for TLP 2.0.
//
// Only the scammers' own selectors are indicators: an allow-listed one
// (shared infrastructure) is left out, and one an analyst marked "does not
// link" is an observable the reports refer to, with no indicator, so that
// no pattern for it reaches a partner's detection (package indicator
// decides, for the MISP export too).
//
// The package is pure: it formats what it is given, and the caller decides
// what the reader may see (every report passed in must be one the reader
// may read; an indicator carries the least restrictive label of the reports
// naming it, since what a CLEAR report says is public however many AMBER
// reports repeat it, and says only what the reports at that label say).
package stix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"counterscam/internal/indicator"
	"counterscam/internal/jsonstream"
	"counterscam/internal/store"
)

// MediaType is the media type of a STIX 2.1 bundle (as TAXII 2.1 names it).
const MediaType = "application/stix+json;version=2.1"

// namespace is counterscam's namespace for the UUIDv5 of the objects it
// mints, so the same report or selector exported twice keeps its ID.
var namespace = uuid.MustParse("5d1f6a4e-3c2b-5a8e-9f47-c0a1b2d3e4f5")

// TLP 2.0 as the OASIS CTI TC published it for STIX 2.1: a property
// extension and one marking definition per label, with fixed IDs and
// creation time that consumers recognise.
const (
	tlp2Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
	tlp2Created   = "2022-10-01T00:00:00.000Z"
)

var tlp2Markings = map[string]string{
	store.TLPClear:       "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
	store.TLPGreen:       "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
	store.TLPAmber:       "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
	store.TLPAmberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
	store.TLPRed:         "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

// MarkingID is the STIX ID of a TLP 2.0 label's marking definition ("" for
// an unknown label).
func MarkingID(tlp string) string { return tlp2Markings[tlp] }

// Timestamps are UTC with milliseconds, as STIX requires of created and
// modified.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func id(typ, name string) string {
	return typ + "--" + uuid.NewSHA1(namespace, []byte(typ+":"+name)).String()
}

// Writer streams a bundle: reports are written as they come, and the
// indicators, identities and marking definitions they refer to at Close.
type Writer struct {
	w        *jsonstream.Writer
	producer string

	orgs       map[string]bool
	tlps       map[string]bool
	tally      *indicator.Tally
	customSCOs map[string]bool
}

// NewWriter starts a bundle on w; producer is the organisation exporting
// it, which the indicators name as their creator. marks say which
// selectors stay out (the allow-listed ones) and which are written as an
// observable without an indicator (those marked "does not link"), as in
// every export (package indicator decides).
func NewWriter(w io.Writer, producer string, marks indicator.Marks) *Writer {
	if producer == "" {
		producer = softwareIdentity
	}
	x := &Writer{w: jsonstream.New(w), producer: producer, orgs: map[string]bool{producer: true},
		tlps: map[string]bool{}, tally: indicator.New(func(s store.ReportSelector) bool { return kindNames[s.Kind] != "" }, marks),
		customSCOs: map[string]bool{}}
	x.w.Text(`{"type":"bundle","id":"bundle--` + uuid.New().String() + `","objects":[`)
	return x
}

// common holds the properties every object has; created_by_ref and
// modified are left out where an object has none.
type common struct {
	Type         string `json:"type"`
	SpecVersion  string `json:"spec_version"`
	ID           string `json:"id"`
	CreatedByRef string `json:"created_by_ref,omitempty"`
	Created      string `json:"created"`
	Modified     string `json:"modified,omitempty"`
}

func object(typ, id, by, created, modified string) common {
	return common{Type: typ, SpecVersion: "2.1", ID: id, CreatedByRef: by, Created: created, Modified: modified}
}

type externalRef struct {
	SourceName string `json:"source_name"`
	ExternalID string `json:"external_id,omitempty"`
}

type reportObject struct {
	common
	Name          string        `json:"name"`
	Description   string        `json:"description,omitempty"`
	ReportTypes   []string      `json:"report_types"`
	Published     string        `json:"published"`
	ObjectRefs    []string      `json:"object_refs"`
	Labels        []string      `json:"labels,omitempty"`
	ExternalRefs  []externalRef `json:"external_references"`
	ObjectMarking []string      `json:"object_marking_refs"`
}

// Report writes one scam report as a STIX report object naming the
// indicators of its selectors (the observables of those not for
// detection), and counts its selectors towards them. The caller passes
// only reports the reader may read.
func (x *Writer) Report(r *store.Report) error {
	mark, ok := tlp2Markings[r.TLP]
	if !ok {
		return fmt.Errorf("report %s: TLP label %q has no STIX marking", r.ID, r.TLP)
	}
	x.orgs[r.Origin] = true
	x.tlps[r.TLP] = true
	var refs []string
	for _, in := range x.tally.Add(r) {
		if in.Detect {
			refs = append(refs, x.indicatorID(in.Selector.SelectorID))
		} else {
			refs = append(refs, ObservableID(in.Selector.Kind, in.Selector.Value))
		}
	}
	if len(refs) == 0 {
		// A report object must refer to something: a report naming no
		// selector refers to its origin.
		refs = []string{identityID(r.Origin)}
	}
	created := r.CreatedAt
	if created.IsZero() {
		created = r.ReceivedAt
	}
	name := "Scam report " + r.Origin
	if r.ExternalRef != "" {
		name += " " + r.ExternalRef
	}
	ext := []externalRef{{SourceName: "counterscam", ExternalID: r.ID}}
	if r.ExternalRef != "" {
		ext = append(ext, externalRef{SourceName: r.Origin, ExternalID: r.ExternalRef})
	}
	var labels []string
	if r.ScamType != "" {
		labels = []string{r.ScamType}
	}
	x.w.Element(reportObject{
		common: object("report", id("report", r.ID), identityID(r.Origin), ts(created), ts(created)), Name: name, Description: r.Narrative,
		ReportTypes: []string{"threat-report"}, Published: ts(r.ReceivedAt), ObjectRefs: refs, Labels: labels,
		ExternalRefs: ext, ObjectMarking: []string{mark},
	})
	return x.w.Err()
}

func (x *Writer) indicatorID(selectorID string) string {
	return id("indicator", x.producer+":"+selectorID)
}

func identityID(org string) string { return id("identity", org) }

type indicatorObject struct {
	common
	Name           string   `json:"name"`
	IndicatorTypes []string `json:"indicator_types"`
	Pattern        string   `json:"pattern"`
	PatternType    string   `json:"pattern_type"`
	PatternVersion string   `json:"pattern_version"`
	ValidFrom      string   `json:"valid_from"`
	Labels         []string `json:"labels,omitempty"`
	ObjectMarking  []string `json:"object_marking_refs"`
}

type identityObject struct {
	common
	Name          string `json:"name"`
	IdentityClass string `json:"identity_class"`
}

type markingObject struct {
	common
	Name       string                    `json:"name"`
	Extensions map[string]map[string]any `json:"extensions"`
}

type extensionObject struct {
	common
	Name           string   `json:"name"`
	Description    string   `json:"description"`
	Schema         string   `json:"schema"`
	Version        string   `json:"version"`
	ExtensionTypes []string `json:"extension_types"`
}

// identityEpoch is the created and modified time of the identities and
// extension definitions counterscam mints: fixed, so that the same ID
// always comes with the same object.
const identityEpoch = "2025-01-01T00:00:00.000Z"

// Close writes the indicators, the identities of the organisations, the
// marking definitions used and the definitions of the observable types that
// STIX 2.1 does not define, and ends the bundle.
func (x *Writer) Close() error {
	for _, in := range x.tally.All() {
		pattern, custom := Pattern(in.Selector.Kind, in.Selector.Value)
		if custom != "" {
			x.customSCOs[custom] = true
		}
		label := in.TLP()
		x.tlps[label] = true
		if !in.Detect {
			x.w.Element(observable(in.Selector.Kind, in.Selector.Value, tlp2Markings[label]))
			continue
		}
		x.w.Element(indicatorObject{
			common: object("indicator", x.indicatorID(in.Selector.SelectorID), identityID(x.producer), ts(in.First), ts(in.Last)),
			Name:   kindNames[in.Selector.Kind] + " " + in.Selector.Display, IndicatorTypes: []string{"malicious-activity"},
			Pattern: pattern, PatternType: "stix", PatternVersion: "2.1",
			ValidFrom: ts(in.First), Labels: in.ScamTypes, ObjectMarking: []string{tlp2Markings[label]},
		})
	}
	if len(x.customSCOs) > 0 {
		x.orgs[softwareIdentity] = true
	}
	orgs := make([]string, 0, len(x.orgs))
	for o := range x.orgs {
		orgs = append(orgs, o)
	}
	slices.Sort(orgs)
	for _, o := range orgs {
		class := "organization"
		if o == softwareIdentity {
			class = "system"
		}
		x.w.Element(identityObject{common: object("identity", identityID(o), "", identityEpoch, identityEpoch), Name: o, IdentityClass: class})
	}
	for _, l := range indicator.TLPOrder {
		if x.tlps[l] {
			x.w.Element(markingObject{common: object("marking-definition", tlp2Markings[l], "", tlp2Created, ""), Name: "TLP:" + l,
				Extensions: map[string]map[string]any{tlp2Extension: {"extension_type": "property-extension", "tlp_2_0": strings.ToLower(l)}}})
		}
	}
	for _, typ := range customOrder {
		if x.customSCOs[typ] {
			d := customTypes[typ]
			x.w.Element(extensionObject{common: object("extension-definition", ExtensionID(typ), identityID(softwareIdentity), identityEpoch, identityEpoch),
				Name: typ, Description: d, Schema: d, Version: "1.0.0", ExtensionTypes: []string{"new-sco"}})
		}
	}
	x.w.Text("\n]}\n")
	return x.w.Flush()
}

// softwareIdentity names counterscam as the author of the observable types
// it defines.
const softwareIdentity = "counterscam"

// ExtensionID is the ID of the extension definition of an observable type
// counterscam defines.
func ExtensionID(typ string) string { return id("extension-definition", typ) }

var kindNames = map[string]string{
	"phone": "Phone", "email": "E-mail", "url": "URL", "domain": "Domain", "ip": "IP address",
	"crypto": "Crypto wallet", "bank_account": "Bank account", "card": "Card", "handle": "Messenger ID",
}

// The observable types STIX 2.1 does not define, with the one property a
// pattern compares; their extension definitions travel with the bundle.
var customOrder = []string{"phone-number", "cryptocurrency-wallet", "bank-account", "payment-card"}

var customTypes = map[string]string{
	"phone-number":          "A telephone number. Property value: the number in E.164 (+85512345678).",
	"cryptocurrency-wallet": "A cryptocurrency address. Property value: the address as the chain writes it (EVM addresses in lower case).",
	"bank-account":          "A bank account. Property iban: an IBAN; property account_number: COUNTRY:BANK:DIGITS (KH:ABA:012345678) where the account has no IBAN.",
	"payment-card":          "A payment card. Property card_number: the card number's digits.",
}

// property is one property of an observable: its name and value.
type property struct{ name, value string }

// observableOf is the observable type a selector is written as, the
// properties that say it, and the type again when counterscam defines it
// ("" for STIX's own). The type is "" for a kind it does not know.
func observableOf(kind, value string) (typ string, props []property, custom string) {
	one := func(typ, name, custom string) (string, []property, string) {
		return typ, []property{{name, value}}, custom
	}
	switch kind {
	case "domain":
		return one("domain-name", "value", "")
	case "url":
		return one("url", "value", "")
	case "email":
		return one("email-addr", "value", "")
	case "ip":
		if a, err := netip.ParseAddr(value); err == nil && a.Is6() && !a.Is4In6() {
			return one("ipv6-addr", "value", "")
		}
		return one("ipv4-addr", "value", "")
	case "handle":
		platform, name, ok := strings.Cut(value, ":")
		if !ok {
			return one("user-account", "account_login", "")
		}
		return "user-account", []property{{"account_type", platform}, {"account_login", name}}, ""
	case "phone":
		return one("phone-number", "value", "phone-number")
	case "crypto":
		return one("cryptocurrency-wallet", "value", "cryptocurrency-wallet")
	case "bank_account":
		if !strings.Contains(value, ":") {
			return one("bank-account", "iban", "bank-account")
		}
		return one("bank-account", "account_number", "bank-account")
	case "card":
		return one("payment-card", "card_number", "payment-card")
	}
	return "", nil, ""
}

// Pattern is the STIX pattern that matches a selector, and the observable
// type it uses when that type is one counterscam defines ("" for STIX's
// own). The pattern is "" for a kind it does not know.
func Pattern(kind, value string) (pattern, custom string) {
	typ, props, custom := observableOf(kind, value)
	if typ == "" {
		return "", ""
	}
	cmps := make([]string, len(props))
	for i, p := range props {
		cmps[i] = typ + ":" + p.name + " = " + quote(p.value)
	}
	return "[" + strings.Join(cmps, " AND ") + "]", custom
}

// scoNamespace is the namespace STIX 2.1 (section 2.9) gives the UUIDv5 of
// cyber-observable objects, so that every producer mints the same ID for
// the same observable.
var scoNamespace = uuid.MustParse("00abedb4-aa42-466c-9c01-fed23315a9b7")

// ObservableID is the STIX ID of a selector's observable: a UUIDv5 of its
// ID contributing properties as canonical JSON (all the properties
// counterscam writes of it are such). "" for a kind it does not know.
func ObservableID(kind, value string) string {
	typ, props, _ := observableOf(kind, value)
	if typ == "" {
		return ""
	}
	m := make(map[string]string, len(props))
	for _, p := range props {
		m[p.name] = p.value
	}
	// Sorted keys, no HTML escaping and no spaces: the canonical JSON
	// (RFC 8785) of an object of strings.
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(m); err != nil {
		return ""
	}
	return typ + "--" + uuid.NewSHA1(scoNamespace, bytes.TrimSuffix(b.Bytes(), []byte("\n"))).String()
}

// observable is a selector as a cyber-observable object, marked with mark:
// what a selector not for detection is written as, in place of an
// indicator.
func observable(kind, value, mark string) map[string]any {
	typ, props, custom := observableOf(kind, value)
	o := map[string]any{"type": typ, "spec_version": "2.1", "id": ObservableID(kind, value), "object_marking_refs": []string{mark}}
	for _, p := range props {
		o[p.name] = p.value
	}
	if custom != "" {
		o["extensions"] = map[string]any{ExtensionID(custom): map[string]string{"extension_type": "new-sco"}}
	}
	return o
}

// quote writes a STIX pattern string literal: in single quotes, with a
// backslash before a quote or a backslash.
func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
