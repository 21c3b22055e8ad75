package intel

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"slices"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ErrNoBulk says that a Load could not begin, having stored nothing: the
// store already holds reports, or its driver has no bulk path. Submit the
// batches one by one instead.
var ErrNoBulk = errors.New("the store cannot take a bulk load: it holds reports already, or its driver has no bulk path")

// errLoadRetried: the store ran a load's transaction again after a lost
// race; the load cannot be repeated (its batches are consumed).
var errLoadRetried = errors.New("the store lost a race with another writer during the bulk load and stored none of it: run the import again")

// LoadFunc stores one batch of a Load: prepared reports and their
// reporters (contacts[i], if any, of reports[i]), as Submit would.
// inserted[i] is false for a report whose (origin, external reference) an
// earlier report of the load took.
type LoadFunc func(reports []*store.Report, contacts []*store.Contact) (inserted []bool, err error)

// Load is Submit for a large import into a store without reports: feed
// calls add once per batch, in order, and everything it adds lands in one
// transaction when feed returns nil, or nothing does. The store appends the
// reports as they come and writes each selector once, at the end; the
// networks grow as with Submit (the same partition: a rebuild gives the
// same), and every report is written into its final network and every
// summary counted at the end, so that no batch rewrites the networks of
// the batches before it.
//
// ErrNoBulk, before feed is called, when the store cannot take it.
func (s *Service) Load(ctx context.Context, p trust.Principal, feed func(add LoadFunc) error) error {
	if !p.Can(auth.ActionCreateReport) || !p.Can(auth.ActionImport) {
		return trust.ErrForbidden
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.ensureNetworks(ctx); err != nil {
		return err
	}
	var fed bool     // feed was called: batches are gone from the caller
	var addErr error // the first failure of add, which feed may not return
	err := s.st.Update(ctx, func(w store.Writer) error {
		// A store runs this again after losing a race (PostgreSQL, on a
		// deadlock): the batches are consumed, so a load cannot be run
		// again; the store is as it was.
		if fed {
			return errLoadRetried
		}
		bw, ok := w.(store.BulkWriter)
		if !ok {
			return ErrNoBulk
		}
		if ok, err := bw.BeginBulk(ctx); err != nil {
			return err
		} else if !ok || s.nets.part.Len() > 0 {
			return ErrNoBulk
		}
		var (
			refs      = newRefSet()
			absorbed  []string
			first     string
			last      string
			stored    int
			highest   int // the index in TLPs of the most restrictive label stored
			reporters []*store.Contact
		)
		// add stores one batch; after a failure it refuses the rest, and
		// the load fails even if feed drops the error.
		add := func(reports []*store.Report, contacts []*store.Contact) (_ []bool, err error) {
			if addErr != nil {
				return nil, addErr
			}
			defer func() {
				if err != nil {
					addErr = err
				}
			}()
			if err := s.checkOrigins(p, reports); err != nil {
				return nil, err
			}
			inserted := make([]bool, len(reports))
			fresh := make([]*store.Report, 0, len(reports))
			reporters = reporters[:0]
			for i, r := range reports {
				if r.ExternalRef != "" {
					k := refs.key(r.Origin, r.ExternalRef)
					if refs.seen[k] {
						continue
					}
					refs.seen[k] = true
				}
				inserted[i] = true
				for _, rd := range s.nets.part.AddReport(r.ID, s.linking(r)) {
					absorbed = append(absorbed, rd.From)
				}
				fresh = append(fresh, r)
				highest = max(highest, slices.Index(TLPs, r.TLP))
				if i < len(contacts) && contacts[i] != nil {
					c := *contacts[i]
					c.ReportID = r.ID
					reporters = append(reporters, &c)
				}
			}
			for _, r := range fresh {
				r.NetworkID, _ = s.nets.part.NetworkOf(r.ID)
			}
			if err := bw.AppendReports(ctx, fresh); err != nil {
				return nil, err
			}
			for _, c := range reporters {
				if err := w.PutContact(ctx, c); err != nil {
					return nil, err
				}
			}
			if len(fresh) > 0 {
				if first == "" {
					first = fresh[0].ID
				}
				last = fresh[len(fresh)-1].ID
				stored += len(fresh)
			}
			return inserted, nil
		}
		fed = true
		if err := feed(add); err != nil {
			return err
		}
		if addErr != nil {
			return addErr
		}
		merges := make([]store.NetworkMerge, 0, len(absorbed))
		seen := make(map[string]bool, len(absorbed))
		for _, id := range absorbed {
			if seen[id] {
				continue
			}
			seen[id] = true
			to, _ := s.nets.part.NetworkOf(id)
			merges = append(merges, store.NetworkMerge{Absorbed: id, Survivor: to})
		}
		if err := bw.EndBulk(ctx, merges, s.nets.networkOf); err != nil {
			return err
		}
		if stored == 0 {
			return nil
		}
		return s.recordCreated(ctx, w, p, first, last, stored, highest)
	})
	if !fed {
		return err // nothing was added to the partition
	}
	if err != nil {
		// The partition holds the reports the store rolled back: rebuild
		// it from the store on next use.
		s.nets = nil
		return err
	}
	return s.indexRebuilt(ctx)
}

// refSet holds the (origin, external reference) pairs a load has stored,
// without pointers, so that a million of them give the collector nothing
// to mark: each pair is known by two 64-bit hashes of independent random
// seeds. Two different pairs share both with a chance of about n²/2¹²⁹
// (10⁻²⁷ for a million pairs).
type refSet struct {
	seeds [2]maphash.Seed
	seen  map[[2]uint64]bool
}

func newRefSet() *refSet {
	return &refSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, seen: map[[2]uint64]bool{}}
}

func (s *refSet) key(origin, ref string) [2]uint64 {
	var k [2]uint64
	for i, seed := range s.seeds {
		var h maphash.Hash
		h.SetSeed(seed)
		// The origin's length first, so that no two pairs spell the same.
		h.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(origin))))
		h.WriteString(origin)
		h.WriteString(ref)
		k[i] = h.Sum64()
	}
	return k
}
