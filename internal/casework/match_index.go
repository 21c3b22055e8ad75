package casework

import (
	"context"
	"errors"
	"sync"
	"time"

	"counterscam/internal/match"
	"counterscam/internal/store"
)

// personIndex is the matching engine's index of every person, kept by the
// service between reconciliations: built once from the store, then kept up
// to date by adding the persons created since (a changed person, or
// anything unexpected, rebuilds it), and rebuilt after Config.IndexTTL.
type personIndex struct {
	build sync.Mutex   // one refresh at a time
	mu    sync.RWMutex // queries hold it for reading, changes for writing

	ix      *match.Index
	meta    map[string]indexedPerson // by person ID
	stamp   store.PersonStamp
	builtAt time.Time
	stale   bool // a person indexed was changed through this service
	changes int  // how many times stale was set, so a rebuild knows if it missed one
	dec     decisionSet
}

// personChanged tells the index that persons it may hold were changed (a
// change made within the same clock tick would not show in the stamp).
func (s *Service) personChanged(ids ...string) {
	pi := &s.index
	pi.mu.Lock()
	defer pi.mu.Unlock()
	for _, id := range ids {
		if _, ok := pi.meta[id]; ok {
			pi.stale = true
			pi.changes++
		}
	}
}

// indexedPerson is what reconciliation needs of a person besides what the
// engine compares: its reference and marking, and which version is indexed.
type indexedPerson struct {
	ref, origin, tlp, createdBy string
	updated                     time.Time
}

func metaOf(e *store.PersonIndexEntry) indexedPerson {
	return indexedPerson{ref: e.ExternalRef, origin: e.Origin, tlp: e.TLP, createdBy: e.CreatedBy, updated: e.UpdatedAt}
}

// indexPerson is what the matching engine compares of an index entry.
func indexPerson(e *store.PersonIndexEntry) match.Person {
	p := store.Person{ID: e.ID, Names: e.Names, DOB: e.DOB, Sex: e.Sex, Documents: e.Documents}
	if e.Nationality != "" {
		p.Nationalities = []string{e.Nationality}
	}
	return matchPerson(&p)
}

func (m indexedPerson) marking() marking { return marking{m.origin, m.tlp, m.createdBy} }

// decisionSet is the stored same/not-same decisions, as the engine reads them.
type decisionSet struct {
	mu sync.RWMutex
	m  match.DecisionMap
}

func (d *decisionSet) Verdict(a, b string) match.Verdict {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.m.Verdict(a, b)
}

func (d *decisionSet) SameAs(id string) []string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.m.SameAs(id)
}

// load replaces the decisions with the store's.
func (d *decisionSet) load(ctx context.Context, st store.Reader) error {
	m := match.DecisionMap{}
	err := st.MatchDecisions(ctx, func(md *store.MatchDecision) error {
		v := match.Different
		if md.Same {
			v = match.Same
		}
		m.Set(md.A, md.B, v)
		return nil
	})
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.m = m
	d.mu.Unlock()
	return nil
}

var errStop = errors.New("stop")

// withIndex brings the index up to date and runs fn while holding it.
func (s *Service) withIndex(ctx context.Context, fn func(ix *match.Index, meta map[string]indexedPerson) error) error {
	if err := s.refreshIndex(ctx); err != nil {
		return err
	}
	s.index.mu.RLock()
	defer s.index.mu.RUnlock()
	return fn(s.index.ix, s.index.meta)
}

// refreshIndex brings the index up to date with the store.
func (s *Service) refreshIndex(ctx context.Context) error {
	pi := &s.index
	pi.build.Lock()
	defer pi.build.Unlock()
	if err := pi.dec.load(ctx, s.st); err != nil {
		return err
	}
	stamp, err := s.st.PersonStamp(ctx)
	if err != nil {
		return err
	}
	pi.mu.RLock()
	fresh := pi.ix != nil && !pi.stale && s.cfg.Now().Sub(pi.builtAt) < s.cfg.IndexTTL
	pi.mu.RUnlock()
	if fresh && stamp == pi.stamp {
		return nil
	}
	if fresh && !stamp.LastUpdated.Before(pi.stamp.LastUpdated) {
		var added []*store.PersonIndexEntry
		changed := false
		err := s.st.ListPersonIndex(ctx, store.PersonFilter{UpdatedSince: pi.stamp.LastUpdated}, func(p *store.PersonIndexEntry) error {
			if m, ok := pi.meta[p.ID]; ok {
				if m.updated.Equal(p.UpdatedAt) {
					return nil
				}
				changed = true
				return errStop
			}
			added = append(added, p)
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			return err
		}
		if !changed && len(pi.meta)+len(added) == stamp.Count {
			pi.mu.Lock()
			for _, p := range added {
				pi.ix.Add(indexPerson(p))
				pi.meta[p.ID] = metaOf(p)
			}
			pi.stamp = stamp
			pi.mu.Unlock()
			return nil
		}
	}
	return s.rebuildIndex(ctx, stamp)
}

// rebuildIndex indexes every person afresh.
func (s *Service) rebuildIndex(ctx context.Context, stamp store.PersonStamp) error {
	pi := &s.index
	pi.mu.RLock()
	changes := pi.changes
	pi.mu.RUnlock()
	persons := make([]match.Person, 0, stamp.Count)
	meta := make(map[string]indexedPerson, stamp.Count)
	err := s.st.ListPersonIndex(ctx, store.PersonFilter{}, func(p *store.PersonIndexEntry) error {
		persons = append(persons, indexPerson(p))
		meta[p.ID] = metaOf(p)
		return nil
	})
	if err != nil {
		return err
	}
	ix := match.NewIndex(persons, match.WithDecisions(&pi.dec))
	pi.mu.Lock()
	pi.ix, pi.meta, pi.stamp, pi.builtAt = ix, meta, stamp, s.cfg.Now()
	pi.stale = pi.changes != changes // changed while being read: read again next time
	pi.mu.Unlock()
	return nil
}
