package demo

// noiseSel is shared infrastructure that reports mention but that links
// nothing.
type noiseSel struct {
	s   *sel
	why string
}

// noise returns the scene's shared infrastructure, claiming its keys so
// that no planted selector repeats it.
func (g *gen) noise() []noiseSel {
	fixed := func(key, kind, class, v string) *sel {
		g.claim(key)
		return &sel{key: key, kind: kind, class: class, intl: []string{v}}
	}
	exchange := g.wallet("tron")
	exchange.class = "exchange"
	return []noiseSel{
		{fixed("site:t.me", "domain", "help_site", "t.me"), "Telegram's link domain: every Telegram handle's link is on it"},
		{fixed("site:google.com", "domain", "help_site", "google.com"), "a search engine victims use"},
		{fixed("site:upbit.com", "domain", "help_site", "upbit.com"), "a large Korean exchange where victims buy USDT"},
		{fixed("phone:+82232100404", "phone", "help_phone", "+82 2-3210-0404"), "the Korean foreign ministry's consular call centre"},
		{fixed("phone:+855979117117", "phone", "help_phone", "+855 97 911 7117"), "the Cambodian police's Telegram hotline 117"},
		{fixed("phone:+8215889999", "phone", "help_phone", "+82 1588-9999"), "a Korean bank's customer-service number"},
		{exchange, "an exchange's shared deposit wallet (synthetic address)"},
	}
}

// sprinkle adds shared infrastructure to some reports: at random, and then
// to reports of at least two networks and one lone report for each, so that
// an allow-list that misses one merges networks for all to see.
func (g *gen) sprinkle(drafts []*draft, noise []noiseSel) {
	if len(noise) == 0 || len(drafts) == 0 {
		return
	}
	for _, d := range drafts {
		if g.rng.IntN(20) == 0 {
			d.add(pick{noise[g.rng.IntN(len(noise))].s, "mentioned"})
		}
	}
	byNetwork := map[int][]*draft{}
	var networks []int
	for _, d := range drafts {
		if _, ok := byNetwork[d.network]; !ok {
			networks = append(networks, d.network)
		}
		byNetwork[d.network] = append(byNetwork[d.network], d)
	}
	for _, n := range noise {
		// Two networks (or as many as there are) and one lone report.
		var planted []int
		for _, k := range networks {
			if k >= 0 {
				planted = append(planted, k)
			}
		}
		g.rng.Shuffle(len(planted), func(i, j int) { planted[i], planted[j] = planted[j], planted[i] })
		targets := planted[:min(2, len(planted))]
		if _, ok := byNetwork[-1]; ok {
			targets = append(targets, -1)
		}
		for _, k := range targets {
			ds := byNetwork[k]
			ds[g.rng.IntN(len(ds))].add(pick{n.s, "mentioned"})
		}
	}
}
