// Package indicator adds up what a stream of exported reports says of each
// selector they name: when it was first and last reported, in how many
// reports, under which roles and scam types, labelled with the least
// restrictive TLP label among those reports and counting only the reports
// at that label. The STIX and MISP exports both write their
// indicators from it, so that a selector says the same in either format.
//
// It also decides, for both formats, what of a selector may drive a
// partner's detection (Marks): an allow-listed selector (shared
// infrastructure such as a bank's customer-service line, t.me itself or an
// exchange's hot wallet) is left out altogether, so that nothing
// legitimate reaches a partner's block list; one an analyst marked "does
// not link" (shared, not the scammers' own) is kept as context but is not
// for detection (Indicator.Detect false: MISP's to_ids off, a STIX
// observable with no indicator).
//
// The package is pure: the caller passes only reports the reader may read.
// An indicator carries the least restrictive label of the reports naming
// it, since a selector a CLEAR report names is public however many AMBER
// reports repeat it; but what it says of the selector (dates, count, scam
// types, roles) it adds up from the reports at that label alone, so that
// what only an AMBER report says never goes out under TLP:CLEAR.
package indicator

import (
	"slices"
	"time"

	"counterscam/internal/store"
)

// TLPOrder ranks the TLP 2.0 labels from the least restrictive.
var TLPOrder = []string{store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed}

// PAPOrder ranks the FIRST PAP labels from the least restrictive.
var PAPOrder = []string{"CLEAR", "GREEN", "AMBER", "RED"}

// StricterPAP is the more restrictive of two PAP labels ("" is none given;
// an unknown label is taken as RED).
func StricterPAP(a, b string) string {
	rank := func(p string) int {
		if p == "" {
			return -1
		}
		if i := slices.Index(PAPOrder, p); i >= 0 {
			return i
		}
		return len(PAPOrder) - 1
	}
	if ra, rb := rank(a), rank(b); rb > ra {
		return PAPOrder[rb]
	} else if ra >= 0 {
		return PAPOrder[ra]
	}
	return ""
}

// Indicator is what the reports added so far say of one selector: of the
// reports naming it, only those at its label (the least restrictive of
// them) count, so that nothing it says is labelled less restrictively
// than the report it came from.
type Indicator struct {
	Selector    store.ReportSelector // as the first report at its label naming it gave it
	First, Last time.Time            // the earliest and latest ReceivedAt of those reports
	Updated     time.Time            // the latest time one of those reports was stored
	Reports     int                  // those reports
	ScamTypes   []string             // sorted, without repeats
	Roles       []string             // sorted, without repeats
	PAP         string               // the most restrictive PAP of those reports ("" when none gives one)
	// Detect says whether a partner may detect on the selector (a MISP
	// attribute with to_ids, a STIX indicator with a pattern): false for
	// one an analyst marked "does not link".
	Detect bool
	tlp    int
}

// Marks say which selectors are not the scammers' own, as of the export.
// A nil function marks none.
type Marks struct {
	// Allowlisted are shared infrastructure on the allow-list (platform
	// hosts, banks' lines, exchanges' hot wallets): every export leaves
	// them out, so that nothing legitimate reaches a partner's block list.
	Allowlisted func(store.ReportSelector) bool
	// NoLink are those an analyst marked "does not link" (shared, not the
	// scammers' own): exported as context, never for detection.
	NoLink func(store.ReportSelector) bool
}

// Exported says whether a selector goes into an export at all.
func (m Marks) Exported(s store.ReportSelector) bool {
	return m.Allowlisted == nil || !m.Allowlisted(s)
}

// Detect says whether an exported selector may drive a partner's
// detection.
func (m Marks) Detect(s store.ReportSelector) bool {
	return m.NoLink == nil || !m.NoLink(s)
}

// TLP is the least restrictive label of the reports naming the selector.
func (in *Indicator) TLP() string { return TLPOrder[in.tlp] }

// Tally adds up reports into indicators.
type Tally struct {
	keep  func(store.ReportSelector) bool
	marks Marks
	by    map[string]*Indicator
	order []*Indicator
}

// New starts a tally of the selectors that a format can write (kinds says
// which; all when nil) and marks let out: allow-listed selectors are never
// counted, and the indicator of a "does not link" one is not for detection.
func New(kinds func(store.ReportSelector) bool, marks Marks) *Tally {
	return &Tally{keep: kinds, marks: marks, by: map[string]*Indicator{}}
}

// Add counts the report towards the selectors it names, each once however
// often the report names it, and returns their indicators in the order the
// report names them. A label that is not TLP 2.0 counts as RED.
func (t *Tally) Add(r *store.Report) []*Indicator {
	rank := slices.Index(TLPOrder, r.TLP)
	if rank < 0 {
		rank = len(TLPOrder) - 1
	}
	stored := r.CreatedAt
	if stored.IsZero() {
		stored = r.ReceivedAt
	}
	var named []*Indicator
	for _, s := range r.Selectors {
		in := t.by[s.SelectorID]
		if in == nil {
			if t.keep != nil && !t.keep(s) || !t.marks.Exported(s) {
				continue
			}
			in = &Indicator{Detect: t.marks.Detect(s), tlp: len(TLPOrder)}
			t.by[s.SelectorID] = in
			t.order = append(t.order, in)
		} else if slices.Contains(named, in) {
			if rank == in.tlp {
				addSorted(&in.Roles, s.Role)
			}
			continue
		}
		named = append(named, in)
		if rank > in.tlp {
			// A more restrictive report adds nothing to what the
			// indicator, labelled less restrictively, may say.
			continue
		}
		if rank < in.tlp {
			// The first report at a less restrictive label: what the
			// more restrictive ones said is dropped, as the indicator
			// takes this label.
			*in = Indicator{Selector: s, First: r.ReceivedAt, Last: r.ReceivedAt, Updated: stored, Detect: in.Detect, tlp: rank}
		}
		in.Reports++
		if r.ReceivedAt.Before(in.First) {
			in.First = r.ReceivedAt
		}
		if r.ReceivedAt.After(in.Last) {
			in.Last = r.ReceivedAt
		}
		if stored.After(in.Updated) {
			in.Updated = stored
		}
		addSorted(&in.ScamTypes, r.ScamType)
		in.PAP = StricterPAP(in.PAP, r.PAP)
		addSorted(&in.Roles, s.Role)
	}
	return named
}

// All returns every indicator, in the order the reports first named them.
func (t *Tally) All() []*Indicator { return t.order }

func addSorted(list *[]string, v string) {
	if v == "" {
		return
	}
	if i, found := slices.BinarySearch(*list, v); !found {
		*list = slices.Insert(*list, i, v)
	}
}
