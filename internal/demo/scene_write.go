package demo

import (
	"fmt"
	"math"
	"strings"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/store"
)

// origins are the organisations reports come from, by victim country.
var origins = map[string]string{"KR": "KNPA", "KH": "CNP", "TH": "RTP", "VN": "MPS-VN", "CN": "MPS-CN"}

// write turns drafts (in time order) into the scene's records.
func (g *gen) write(sc *Scene, drafts []*draft) {
	next := map[string]int{}
	used := make([]map[string]bool, len(sc.Networks))
	for i := range used {
		used[i] = map[string]bool{}
	}
	for i, d := range drafts {
		origin := origins[d.victim]
		if _, ok := next[origin]; !ok {
			next[origin] = 100 + g.rng.IntN(900)
		}
		next[origin] += 1 + g.rng.IntN(3)
		rec := intake.Record{
			File:          "demo",
			Line:          i + 1,
			ExternalRef:   fmt.Sprintf("%s-%d-%06d", origin, d.received.Year(), next[origin]),
			Origin:        origin,
			Channel:       g.channel(d.victim),
			ReceivedAt:    d.received,
			ScamType:      d.scamType,
			VictimRef:     d.victimID,
			VictimCountry: d.victim,
			TLP:           g.weighted([]weight{{"CLEAR", 15}, {"GREEN", 20}, {"AMBER", 55}, {"AMBER+STRICT", 7}, {"RED", 3}}),
			Losses:        g.losses(d.scamType, d.victim),
		}
		if g.rng.IntN(3) > 0 {
			rec.OccurredAt = d.received.Add(-randDuration(g, 30*24)).Truncate(time.Second)
		}
		lang := languageOf[d.victim]
		if g.rng.IntN(100) < 15 {
			lang = "en"
		}
		var named []namedSel
		for _, p := range d.picks {
			raw := p.s.form(g.rng, d.victim)
			rec.Selectors = append(rec.Selectors, intake.RawSelector{Value: raw, Role: p.role, Kind: p.s.kind})
			named = append(named, namedSel{raw: raw, class: p.s.class, role: p.role})
			if d.network >= 0 && p.role != "mentioned" && !used[d.network][raw] {
				used[d.network][raw] = true
				sc.Networks[d.network].Selectors = append(sc.Networks[d.network].Selectors, raw)
			}
		}
		loss := ""
		if len(rec.Losses) > 0 {
			loss = formatMoney(rec.Losses[0], lang)
		}
		rec.Narrative = narrative(lang, d.scamType, named, loss)
		if g.rng.IntN(100) < 35 {
			rec.Contact = g.contact(d.victim, lang)
		}
		sc.Records = append(sc.Records, rec)
		if d.network >= 0 {
			sc.Networks[d.network].Refs = append(sc.Networks[d.network].Refs, rec.ExternalRef)
		} else {
			sc.Lone = append(sc.Lone, rec.ExternalRef)
		}
	}
}

func (g *gen) channel(victim string) string {
	if victim == "KR" {
		return g.weighted([]weight{{"import", 6}, {"web", 4}})
	}
	return g.weighted([]weight{{"partner", 7}, {"import", 3}})
}

// losses makes what a victim lost, in integer minor units.
func (g *gen) losses(scamType, victim string) []store.Loss {
	if scamType == "job_lure" && g.rng.IntN(2) == 0 {
		return nil
	}
	crypto := scamType == "crypto_investment" || scamType == "romance"
	var l store.Loss
	switch {
	case scamType == "sextortion":
		switch g.rng.IntN(4) {
		case 0:
			l = store.Loss{AmountMinor: g.logUniform(500_000, 20_000_000), Currency: "BTC"} // satoshi
		case 1:
			l = store.Loss{AmountMinor: g.logUniform(300, 5_000) * 1_000_000, Currency: "USDT"}
		default:
			l = store.Loss{AmountMinor: g.logUniform(300, 5_000) * 100, Currency: "USD"}
		}
	case crypto && (victim == "KR" || victim == "CN") && g.rng.IntN(10) < 3:
		l = store.Loss{AmountMinor: g.logUniform(500, 200_000)*1_000_000 + int64(g.rng.IntN(100))*10_000, Currency: "USDT"}
	case scamType == "job_lure":
		l = store.Loss{AmountMinor: g.logUniform(30, 300) * 10_000, Currency: "KRW"}
	case victim == "KR":
		l = store.Loss{AmountMinor: g.logUniform(100, 15_000) * 10_000, Currency: "KRW"}
	case victim == "KH" && g.rng.IntN(10) < 6:
		l = store.Loss{AmountMinor: g.logUniform(50, 20_000)*100 + int64(g.rng.IntN(4))*25, Currency: "USD"}
	case victim == "KH":
		l = store.Loss{AmountMinor: g.logUniform(2_000, 400_000) * 100 * 100, Currency: "KHR"}
	case victim == "TH":
		l = store.Loss{AmountMinor: g.logUniform(2_000, 2_000_000) * 100, Currency: "THB"}
	case victim == "VN":
		l = store.Loss{AmountMinor: g.logUniform(2_000, 2_000_000) * 1_000, Currency: "VND"}
	default:
		l = store.Loss{AmountMinor: g.logUniform(1_000, 1_500_000) * 100, Currency: "CNY"}
	}
	out := []store.Loss{l}
	if crypto && l.Currency != "USDT" && g.rng.IntN(12) == 0 {
		out = append(out, store.Loss{AmountMinor: g.logUniform(100, 50_000) * 1_000_000, Currency: "USDT"})
	}
	return out
}

// logUniform draws a whole number between lo and hi, evenly on a log scale.
func (g *gen) logUniform(lo, hi int64) int64 {
	return int64(float64(lo) * math.Pow(float64(hi)/float64(lo), g.rng.Float64()))
}

// randDuration is a random span of up to hours.
func randDuration(g *gen, hours int) time.Duration {
	return time.Duration(g.rng.Int64N(int64(hours) * int64(time.Hour)))
}

// formatMoney writes an amount for a narrative: 35,000,000원 in Korean, else
// "1,234.5 USDT".
func formatMoney(l store.Loss, lang string) string {
	exp, _ := intake.CurrencyExponent(l.Currency)
	s := groupThousands(decimal(l.AmountMinor, exp))
	if lang == "ko" && l.Currency == "KRW" {
		return s + "원"
	}
	return s + " " + l.Currency
}

// decimal writes minor units as a decimal in major units, without trailing
// zeros: 123450 with exponent 2 is "1234.5".
func decimal(minor int64, exp int) string {
	s := fmt.Sprint(minor)
	if exp == 0 {
		return s
	}
	for len(s) <= exp {
		s = "0" + s
	}
	whole, frac := s[:len(s)-exp], strings.TrimRight(s[len(s)-exp:], "0")
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

func groupThousands(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
