// Package demo makes a synthetic but realistic scene for `counterscam demo`
// and for tests and benchmarks: scam reports from Korean, Cambodian, Thai,
// Vietnamese and Chinese victims, written in their languages, naming the
// phones, accounts, wallets, handles and sites of planted scam networks,
// with the ground truth of which reports belong together.
//
// Everything is invented and deterministic from a seed: the same seed gives
// the same scene. No real person, account or wallet is used, except a few
// public service numbers and domains that stand for shared infrastructure
// (see Scene.Noise).
package demo

import (
	"fmt"
	"sort"
	"time"

	"counterscam/internal/intake"
)

// Options shape a scene; zero values take the defaults.
type Options struct {
	Networks int // planted networks (default 12)
	MinSize  int // reports per network, at least (default 5)
	MaxSize  int // and at most (default 60)
	Lone     int // reports that share nothing with any other (default 200; negative for none)
	Year     int // the year reports are received in (default 2025)
}

func (o Options) withDefaults() Options {
	if o.Networks <= 0 {
		o.Networks = 12
	}
	if o.MinSize <= 0 {
		o.MinSize = 5
	}
	if o.MaxSize < o.MinSize {
		o.MaxSize = max(60, o.MinSize)
	}
	switch {
	case o.Lone == 0:
		o.Lone = 200
	case o.Lone < 0:
		o.Lone = 0
	}
	if o.Year == 0 {
		o.Year = 2025
	}
	return o
}

// Scene is a set of reports with the truth about them.
type Scene struct {
	Records []intake.Record // in order of ReceivedAt
	// Networks are the planted networks: each one's reports are linked by
	// its own selectors, and no selector of one appears in another.
	Networks []Network
	// Lone lists the external_refs of reports that share no selector with
	// any other report, apart from Noise.
	Lone []string
	// Noise is shared infrastructure that reports of different networks
	// mention (a consular call centre, t.me, an exchange's deposit wallet).
	// It must be on the allow-list of selectors that do not link reports,
	// or the planted networks merge.
	Noise []Noise
}

// Network is one planted network.
type Network struct {
	Name      string   // "Golden Lotus"
	Label     string   // "Golden Lotus (crypto trading platform)"
	Archetype string   // "crypto trading platform"
	ScamType  string   // its main scam type
	Refs      []string // external_refs of its reports, in time order
	// Selectors are the raw values its reports name (every spelling),
	// without Noise.
	Selectors []string
}

// Noise is a shared selector that must not link reports.
type Noise struct {
	Value string // as the reports write it
	Kind  string // selector kind
	Why   string
}

// pick is a selector as one report names it, before its spelling is chosen.
type pick struct {
	s    *sel
	role string
}

// draft is a report being made.
type draft struct {
	network  int // index in Scene.Networks, -1 for a lone report
	scamType string
	victim   string
	received time.Time
	picks    []pick
	victimID string
}

// Generate makes the scene for seed.
func Generate(seed int64, opts Options) *Scene {
	opts = opts.withDefaults()
	g := newGen(seed)
	sc := &Scene{}
	noise := g.noise()
	for _, n := range noise {
		sc.Noise = append(sc.Noise, Noise{Value: n.s.intl[0], Kind: n.s.kind, Why: n.why})
	}
	yearStart := time.Date(opts.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	yearDays := yearStart.AddDate(1, 0, 0).Sub(yearStart).Hours() / 24

	var drafts []*draft
	order := g.rng.Perm(len(archetypes))
	for i := 0; i < opts.Networks; i++ {
		a := &archetypes[order[i%len(archetypes)]]
		name := networkNames[i%len(networkNames)]
		if i >= len(networkNames) {
			name += fmt.Sprintf(" %d", i/len(networkNames)+1)
		}
		sc.Networks = append(sc.Networks, Network{
			Name: name, Label: name + " (" + a.name + ")", Archetype: a.name, ScamType: a.scamTypes[0],
		})
		size := opts.MinSize + g.rng.IntN(opts.MaxSize-opts.MinSize+1)
		startDay := g.rng.Float64() * (yearDays - 30)
		lenDays := min(30+g.rng.Float64()*120, yearDays-startDay)
		from := yearStart.Add(time.Duration(startDay * 24 * float64(time.Hour)))
		drafts = append(drafts, g.plant(i, a, size, from, time.Duration(lenDays*24*float64(time.Hour)))...)
	}
	for i := 0; i < opts.Lone; i++ {
		a := &archetypes[g.rng.IntN(len(archetypes))]
		at := yearStart.Add(time.Duration(g.rng.Float64() * yearDays * 24 * float64(time.Hour))).Truncate(time.Second)
		drafts = append(drafts, g.lone(a, at))
	}
	g.sprinkle(drafts, noise)

	sort.SliceStable(drafts, func(i, j int) bool { return drafts[i].received.Before(drafts[j].received) })
	g.write(sc, drafts)
	return sc
}

// plant makes the reports of one network of archetype a.
func (g *gen) plant(network int, a *archetype, size int, from time.Time, span time.Duration) []*draft {
	pools := make([][]*sel, len(a.pools))
	for i, p := range a.pools {
		for range p.min + g.rng.IntN(p.max-p.min+1) {
			pools[i] = append(pools[i], p.make(g))
		}
	}
	// Report times first, in order, so rotating pools follow the calendar.
	times := make([]time.Time, size)
	for i := range times {
		times[i] = from.Add(time.Duration(g.rng.Int64N(int64(span)))).Truncate(time.Second)
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })

	seen := map[*sel]bool{}
	var seenPicks []pick
	var out []*draft
	for r := 0; r < size; r++ {
		d := &draft{network: network, scamType: g.scamType(a), victim: g.weighted(a.victims), received: times[r]}
		linked := false
		for i, p := range a.pools {
			if g.rng.Float64() >= p.p {
				continue
			}
			var s *sel
			if p.rotate {
				s = pools[i][r*len(pools[i])/size]
			} else {
				s = pools[i][g.skewed(len(pools[i]))]
			}
			d.add(pick{s, p.role})
			if seen[s] {
				linked = true
			}
		}
		for _, s := range a.singles {
			if g.rng.Float64() < s.p {
				d.add(pick{s.make(g, d.victim), s.role})
			}
		}
		// Every report links to an earlier one, so the network is connected.
		switch {
		case r == 0 && !d.hasAny(pools):
			d.add(pick{pools[0][0], a.pools[0].role})
		case r > 0 && !linked:
			d.add(seenPicks[g.rng.IntN(len(seenPicks))])
		}
		for _, p := range d.picks {
			if inPools(p.s, pools) && !seen[p.s] {
				seen[p.s] = true
				seenPicks = append(seenPicks, p)
			}
		}
		// Now and then a victim reports again.
		if r > 0 && g.rng.IntN(20) == 0 {
			d.victimID = out[g.rng.IntN(len(out))].victimID
		} else {
			d.victimID = g.victimRef()
		}
		out = append(out, d)
	}
	return out
}

// lone makes a report whose selectors are all its own.
func (g *gen) lone(a *archetype, at time.Time) *draft {
	d := &draft{network: -1, scamType: g.scamType(a), victim: g.weighted(a.victims), received: at, victimID: g.victimRef()}
	for _, p := range a.pools {
		if g.rng.Float64() < p.p {
			d.add(pick{p.make(g), p.role})
		}
	}
	for _, s := range a.singles {
		if g.rng.Float64() < s.p {
			d.add(pick{s.make(g, d.victim), s.role})
		}
	}
	if len(d.picks) == 0 {
		d.add(pick{a.pools[0].make(g), a.pools[0].role})
	}
	return d
}

func (d *draft) add(p pick) {
	for _, q := range d.picks {
		if q.s == p.s {
			return
		}
	}
	d.picks = append(d.picks, p)
}

func (d *draft) hasAny(pools [][]*sel) bool {
	for _, p := range d.picks {
		if inPools(p.s, pools) {
			return true
		}
	}
	return false
}

func inPools(s *sel, pools [][]*sel) bool {
	for _, p := range pools {
		for _, q := range p {
			if q == s {
				return true
			}
		}
	}
	return false
}

// skewed picks an index in [0, n), the first ones most often (a network's
// main wallet or site shows up in most reports).
func (g *gen) skewed(n int) int {
	x := g.rng.Float64()
	return int(x * x * float64(n))
}

func (g *gen) scamType(a *archetype) string {
	if len(a.scamTypes) > 1 && g.rng.IntN(4) == 0 {
		return a.scamTypes[1+g.rng.IntN(len(a.scamTypes)-1)]
	}
	return a.scamTypes[0]
}

func (g *gen) victimRef() string {
	for {
		v := fmt.Sprintf("VR-%010x", g.rng.Int64N(1<<40))
		if g.claim("victim:" + v) {
			return v
		}
	}
}
