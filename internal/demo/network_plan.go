package demo

// pool is a set of selectors a network reuses across its reports.
type pool struct {
	role   string
	make   func(g *gen) *sel
	min    int     // selectors in the pool
	max    int     //
	p      float64 // chance a report names one of them
	rotate bool    // used one after another over the network's life (mule accounts), else any (hubs)
}

// single is a selector made fresh for one report (a chatter's own handle).
type single struct {
	role string
	make func(g *gen, victim string) *sel
	p    float64
}

// archetype is a kind of scam operation and the infrastructure it runs on.
type archetype struct {
	name      string
	scamTypes []string // the first is the main one
	victims   []weight // victim countries
	pools     []pool
	singles   []single
	flavour   string
}

type weight struct {
	v string
	w float64
}

func (g *gen) weighted(ws []weight) string {
	total := 0.0
	for _, w := range ws {
		total += w.w
	}
	x := g.rng.Float64() * total
	for _, w := range ws {
		if x < w.w {
			return w.v
		}
		x -= w.w
	}
	return ws[len(ws)-1].v
}

func phoneOf(c string) func(g *gen) *sel   { return func(g *gen) *sel { return g.phone(c) } }
func walletOf(c string) func(g *gen) *sel  { return func(g *gen) *sel { return g.wallet(c) } }
func accountOf(b []bank) func(g *gen) *sel { return func(g *gen) *sel { return g.account(b) } }
func siteOf(f string) func(g *gen) *sel    { return func(g *gen) *sel { return g.site(f) } }
func handle(g *gen) *sel                   { return g.handle() }

// chatterPhone is a compound worker's phone: Cambodian or Thai SIMs.
func chatterPhone(g *gen, _ string) *sel {
	if g.rng.IntN(4) == 0 {
		return g.phone("TH")
	}
	return g.phone("KH")
}

func chatterHandle(g *gen, _ string) *sel { return g.handle() }

var archetypes = []archetype{
	{
		name: "crypto trading platform", flavour: "trade",
		scamTypes: []string{"crypto_investment", "romance"},
		victims:   []weight{{"KR", 5}, {"CN", 2}, {"TH", 1.5}, {"VN", 1.5}},
		pools: []pool{
			{role: "website", make: siteOf("trade"), min: 1, max: 2, p: 0.7},
			{role: "paid_to", make: walletOf("tron"), min: 3, max: 6, p: 0.75, rotate: true},
			{role: "contacted_by", make: handle, min: 1, max: 3, p: 0.35},
		},
		singles: []single{{"contacted_by", chatterHandle, 0.4}, {"contacted_by", chatterPhone, 0.25}},
	},
	{
		name: "romance to crypto ring", flavour: "coin",
		scamTypes: []string{"romance", "crypto_investment"},
		victims:   []weight{{"KR", 7}, {"CN", 2}, {"TH", 1}},
		pools: []pool{
			{role: "paid_to", make: walletOf("evm"), min: 1, max: 2, p: 0.6},
			{role: "website", make: siteOf("coin"), min: 1, max: 1, p: 0.35},
			{role: "paid_to", make: accountOf(krBanks), min: 2, max: 5, p: 0.35, rotate: true},
		},
		singles: []single{{"contacted_by", chatterHandle, 0.6}, {"contacted_by", chatterPhone, 0.3}},
	},
	{
		name: "job recruitment pipeline", flavour: "job",
		scamTypes: []string{"job_lure"},
		victims:   []weight{{"KR", 8.5}, {"VN", 1}, {"TH", 0.5}},
		pools: []pool{
			{role: "recruited_via", make: handle, min: 1, max: 2, p: 0.7},
			{role: "recruited_via", make: phoneOf("KR"), min: 1, max: 2, p: 0.4},
			{role: "website", make: siteOf("job"), min: 1, max: 1, p: 0.3},
		},
		singles: []single{{"recruited_via", func(g *gen, _ string) *sel { return g.phone("KH") }, 0.15}},
	},
	{
		name: "voice-phishing call centre", flavour: "",
		scamTypes: []string{"voice_phishing", "impersonation"},
		victims:   []weight{{"KR", 1}},
		pools: []pool{
			{role: "paid_to", make: accountOf(krBanks), min: 4, max: 10, p: 0.85, rotate: true},
			{role: "contacted_by", make: func(g *gen) *sel { return g.krVoIP() }, min: 2, max: 5, p: 0.6, rotate: true},
			{role: "contacted_by", make: phoneOf("KH"), min: 1, max: 2, p: 0.2},
		},
		singles: []single{{"contacted_by", func(g *gen, _ string) *sel { return g.phone("KR") }, 0.3}},
	},
	{
		name: "online casino", flavour: "bet",
		scamTypes: []string{"gambling"},
		victims:   []weight{{"TH", 4}, {"VN", 3}, {"KR", 2}, {"CN", 1}},
		pools: []pool{
			{role: "website", make: siteOf("bet"), min: 1, max: 2, p: 0.8},
			{role: "paid_to", make: accountOf(append(append([]bank(nil), thBanks...), vnBanks...)), min: 3, max: 6, p: 0.6, rotate: true},
			{role: "contacted_by", make: handle, min: 1, max: 2, p: 0.4},
		},
	},
	{
		name: "loan app", flavour: "loan",
		scamTypes: []string{"loan"},
		victims:   []weight{{"KH", 1}},
		pools: []pool{
			{role: "paid_to", make: accountOf(khBanks), min: 3, max: 6, p: 0.8, rotate: true},
			{role: "contacted_by", make: phoneOf("KH"), min: 2, max: 4, p: 0.5},
			{role: "website", make: siteOf("loan"), min: 1, max: 1, p: 0.4},
		},
	},
	{
		name: "sextortion crew", flavour: "",
		scamTypes: []string{"sextortion"},
		victims:   []weight{{"KR", 5}, {"KH", 2}, {"TH", 3}},
		pools: []pool{
			{role: "paid_to", make: walletOf("btc"), min: 1, max: 2, p: 0.7},
			{role: "paid_to", make: walletOf("tron"), min: 1, max: 1, p: 0.3},
		},
		singles: []single{{"contacted_by", chatterHandle, 0.8}},
	},
	{
		name: "fake online shop", flavour: "shop",
		scamTypes: []string{"shopping"},
		victims:   []weight{{"VN", 5}, {"TH", 3}, {"KH", 2}},
		pools: []pool{
			{role: "website", make: siteOf("shop"), min: 1, max: 2, p: 0.6},
			{role: "paid_to", make: accountOf(append(append([]bank(nil), vnBanks...), thBanks...)), min: 2, max: 4, p: 0.7, rotate: true},
			{role: "contacted_by", make: phoneOf("VN"), min: 1, max: 2, p: 0.4},
		},
	},
	{
		name: "investment app with mule cards", flavour: "invest",
		scamTypes: []string{"crypto_investment"},
		victims:   []weight{{"CN", 1}},
		pools: []pool{
			{role: "paid_to", make: func(g *gen) *sel { return g.cnCard() }, min: 3, max: 6, p: 0.8, rotate: true},
			{role: "website", make: siteOf("invest"), min: 1, max: 1, p: 0.6},
			{role: "contacted_by", make: handle, min: 1, max: 2, p: 0.4},
		},
		singles: []single{{"contacted_by", func(g *gen, _ string) *sel { return g.phone("CN") }, 0.2}},
	},
}

// networkNames label planted networks (invented, like everything here).
var networkNames = []string{
	"Golden Lotus", "Jade Harbour", "Blue Orchid", "Silver Crane", "Red Lantern", "Morning Star",
	"Ocean Pearl", "Iron Bamboo", "White Tiger", "Copper Moon", "Emerald Gate", "Night Heron",
	"Amber Coast", "Paper Kite", "Stone River", "Velvet Road",
}
