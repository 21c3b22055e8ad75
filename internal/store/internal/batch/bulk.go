package batch

import (
	"slices"
	"strings"

	"counterscam/internal/store"
)

// Totals counts what the reports of a bulk load add to each selector and
// each (selector, origin) pair, across all of its batches, so that a driver
// writes every selector row once, at the end, in key order, instead of
// upserting it batch after batch at a random place of its tree. The store
// holds no reports when the load begins, so the totals are the rows.
//
// The rows are those the batch path (Aggregate, then the drivers' upserts)
// would leave after the same reports in the same order: a selector's
// display, region and subtype are the first non-empty ones given, and a
// report naming a selector twice counts once.
type Totals struct {
	sels    map[string]*SelectorDelta
	sources map[sourceKey]int
	words   map[string]string // kinds, regions, subtypes and origins: few values, each kept once
}

type sourceKey struct{ id, origin string }

// NewTotals starts empty totals.
func NewTotals() *Totals {
	return &Totals{sels: map[string]*SelectorDelta{}, sources: map[sourceKey]int{}, words: map[string]string{}}
}

// intern returns the one copy of a value of few distinct values.
func (t *Totals) intern(s string) string {
	if w, ok := t.words[s]; ok {
		return w
	}
	w := strings.Clone(s)
	t.words[w] = w
	return w
}

// Add counts reports, in the order they are stored.
func (t *Totals) Add(reports []*store.Report) {
	for _, r := range reports {
		at := r.ReceivedAt.UTC()
		for i, l := range r.Selectors {
			d, ok := t.sels[l.SelectorID]
			if !ok {
				// Kept to the end of the load: copies, as the values may
				// be parts of the whole line they were read from.
				d = &SelectorDelta{
					ID: strings.Clone(l.SelectorID), Kind: t.intern(l.Kind), Value: strings.Clone(l.Value),
					Display: strings.Clone(l.Display), Region: t.intern(l.Region), Subtype: t.intern(l.Subtype),
					Hash: Hash(l.Kind, l.Value), FirstSeen: at, LastSeen: at,
				}
				t.sels[d.ID] = d
			}
			if d.Display == "" {
				d.Display = strings.Clone(l.Display)
			}
			if d.Region == "" {
				d.Region = t.intern(l.Region)
			}
			if d.Subtype == "" {
				d.Subtype = t.intern(l.Subtype)
			}
			if namedBefore(r.Selectors[:i], l.SelectorID) {
				continue
			}
			d.Reports++
			if at.Before(d.FirstSeen) {
				d.FirstSeen = at
			}
			if at.After(d.LastSeen) {
				d.LastSeen = at
			}
			k := sourceKey{d.ID, t.intern(r.Origin)}
			if t.sources[k] == 0 {
				d.Sources++
			}
			t.sources[k]++
		}
	}
}

// Selectors returns the selector rows, sorted by ID.
func (t *Totals) Selectors() []*SelectorDelta {
	out := make([]*SelectorDelta, 0, len(t.sels))
	for _, d := range t.sels {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *SelectorDelta) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Sources returns the (selector, origin) rows, sorted by selector, then
// origin.
func (t *Totals) Sources() []SourceDelta {
	keys := make([]sourceKey, 0, len(t.sources))
	for k := range t.sources {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b sourceKey) int {
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return strings.Compare(a.origin, b.origin)
	})
	out := make([]SourceDelta, len(keys))
	for i, k := range keys {
		out[i] = SourceDelta{SelectorID: k.id, Origin: k.origin, Reports: t.sources[k]}
	}
	return out
}
