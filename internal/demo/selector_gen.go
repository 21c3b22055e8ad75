package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// sel is one planted selector: its identity, its kind and the ways reports
// write it.
type sel struct {
	key     string // identity (kind and canonical digits or text): never shared by accident
	kind    string // selector kind name
	class   string // phone, handle, wallet, account, card, site: picks the narrative sentence
	country string // a phone's country, for national formats
	intl    []string
	natl    []string // national spellings, used only by victims of the same country
}

// form returns how a report from a victim in country writes s.
func (s *sel) form(rng *rand.Rand, country string) string {
	if len(s.natl) > 0 && country == s.country && rng.IntN(3) > 0 {
		return s.natl[rng.IntN(len(s.natl))]
	}
	return s.intl[rng.IntN(len(s.intl))]
}

// gen hands out selectors that never repeat, from one random source.
type gen struct {
	rng  *rand.Rand
	used map[string]bool
}

func newGen(seed int64) *gen {
	return &gen{rng: rand.New(rand.NewPCG(uint64(seed), 0xC0FFEE)), used: map[string]bool{}}
}

// claim registers key and reports whether it was free.
func (g *gen) claim(key string) bool {
	if g.used[key] {
		return false
	}
	g.used[key] = true
	return true
}

// fresh calls make until it returns a selector whose key is free.
func (g *gen) fresh(make func() *sel) *sel {
	for {
		if s := make(); g.claim(s.key) {
			return s
		}
	}
}

func (g *gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.rng.IntN(10))
	}
	return string(b)
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// Mobile prefixes that libphonenumber accepts as mobile, by national
// significant number length.
var (
	krMobileThird = []string{"2", "3", "4", "6", "7", "8", "9"} // 010-X...: 5 avoided
	khPrefix8     = []string{"10", "11", "12", "15", "16", "17", "69", "70", "77", "78", "81", "85", "86", "87", "89", "92", "93", "95", "98", "99"}
	khPrefix9     = []string{"31", "71", "76", "88", "96", "97"}
	thPrefix      = []string{"61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96", "97", "98"}
	vnPrefix      = []string{"32", "33", "34", "35", "36", "37", "38", "39", "56", "58", "70", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "88", "90", "91", "92", "93", "94", "96", "97", "98"}
	cnPrefix      = []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"}
)

// phone makes a mobile number of country (KR, KH, TH, VN, CN).
func (g *gen) phone(country string) *sel {
	return g.fresh(func() *sel {
		switch country {
		case "KR":
			a, b := g.pick(krMobileThird)+g.digits(3), g.digits(4)
			return phoneSel("KR", "82", "10"+a+b,
				[]string{"+82 10-" + a + "-" + b, "+8210" + a + b},
				[]string{"010-" + a + "-" + b, "010" + a + b, "010 " + a + " " + b})
		case "KH":
			if g.rng.IntN(3) == 0 {
				p, a, b := g.pick(khPrefix9), g.digits(3), g.digits(4)
				return phoneSel("KH", "855", p+a+b,
					[]string{"+855 " + p + " " + a + " " + b, "+855" + p + a + b},
					[]string{"0" + p + " " + a + " " + b, "0" + p + a + b})
			}
			p, a, b := g.pick(khPrefix8), g.digits(3), g.digits(3)
			return phoneSel("KH", "855", p+a+b,
				[]string{"+855 " + p + " " + a + " " + b, "+855" + p + a + b},
				[]string{"0" + p + " " + a + " " + b, "0" + p + a + b})
		case "TH":
			p, a, b := g.pick(thPrefix), g.digits(3), g.digits(4)
			return phoneSel("TH", "66", p+a+b,
				[]string{"+66 " + p + " " + a + " " + b, "+66" + p + a + b},
				[]string{"0" + p + "-" + a + "-" + b, "0" + p + a + b})
		case "VN":
			p, a, b := g.pick(vnPrefix), g.digits(3), g.digits(4)
			return phoneSel("VN", "84", p+a+b,
				[]string{"+84 " + p + " " + a + " " + b, "+84" + p + a + b},
				[]string{"0" + p + " " + a + " " + b, "0" + p + a + b})
		case "CN":
			p, a, b := g.pick(cnPrefix), g.digits(4), g.digits(4)
			return phoneSel("CN", "86", p+a+b,
				[]string{"+86 " + p + " " + a + " " + b, "+86" + p + a + b},
				[]string{p + " " + a + " " + b, p + a + b})
		}
		panic("demo: no phone plan for " + country)
	})
}

// krVoIP makes a Korean internet phone number (070), a favourite of
// call centres abroad.
func (g *gen) krVoIP() *sel {
	return g.fresh(func() *sel {
		a, b := g.digits(4), g.digits(4)
		return phoneSel("KR", "82", "70"+a+b,
			[]string{"+82 70-" + a + "-" + b},
			[]string{"070-" + a + "-" + b, "070" + a + b})
	})
}

func phoneSel(country, cc, nsn string, intl, natl []string) *sel {
	return &sel{key: "phone:+" + cc + nsn, kind: "phone", class: "phone", country: country, intl: intl, natl: natl}
}

func (g *gen) hash20() [20]byte {
	var h [20]byte
	for i := range h {
		h[i] = byte(g.rng.IntN(256))
	}
	return h
}

// wallet makes a crypto address: chain tron, evm or btc.
func (g *gen) wallet(chain string) *sel {
	return g.fresh(func() *sel {
		var v string
		switch chain {
		case "tron":
			v = tronAddress(g.hash20())
		case "evm":
			v = evmAddress(g.hash20())
		case "btc":
			if g.rng.IntN(2) == 0 {
				v = btcBech32(g.hash20())
			} else {
				v = btcP2PKH(g.hash20())
			}
		default:
			panic("demo: unknown chain " + chain)
		}
		return &sel{key: "crypto:" + v, kind: "crypto", class: "wallet", intl: []string{v}}
	})
}

// bank is a bank and how its account numbers are grouped.
type bank struct {
	names   []string // ways people write its name
	country string
	groups  []int  // digits per group
	lead    string // fixed leading digits, if any
	sep     string
}

var (
	krBanks = []bank{
		{[]string{"KB국민은행", "국민은행", "KB"}, "KR", []int{6, 2, 6}, "", "-"},
		{[]string{"신한은행", "신한"}, "KR", []int{3, 3, 6}, "110", "-"},
		{[]string{"우리은행", "우리"}, "KR", []int{4, 3, 6}, "1002", "-"},
		{[]string{"하나은행", "하나"}, "KR", []int{3, 6, 5}, "", "-"},
		{[]string{"NH농협은행", "농협"}, "KR", []int{3, 4, 4, 2}, "302", "-"},
		{[]string{"IBK기업은행", "기업은행"}, "KR", []int{3, 6, 2, 3}, "", "-"},
		{[]string{"카카오뱅크"}, "KR", []int{4, 2, 7}, "3333", "-"},
		{[]string{"토스뱅크"}, "KR", []int{4, 4, 4}, "1000", "-"},
	}
	khBanks = []bank{{[]string{"ABA", "ABA Bank"}, "KH", []int{3, 3, 3}, "0", " "}}
	thBanks = []bank{
		{[]string{"Kasikornbank", "กสิกรไทย"}, "TH", []int{3, 1, 5, 1}, "", "-"},
		{[]string{"SCB"}, "TH", []int{3, 1, 5, 1}, "", "-"},
		{[]string{"Bangkok Bank"}, "TH", []int{3, 1, 5, 1}, "", "-"},
	}
	vnBanks = []bank{
		{[]string{"Vietcombank"}, "VN", []int{10}, "10", ""},
		{[]string{"Techcombank"}, "VN", []int{14}, "1903", ""},
		{[]string{"MB Bank"}, "VN", []int{13}, "0", ""},
	}
)

// account makes a bank account of one of banks. A report names it by the
// same bank name and grouping every time.
func (g *gen) account(banks []bank) *sel {
	return g.fresh(func() *sel {
		b := banks[g.rng.IntN(len(banks))]
		total := 0
		for _, n := range b.groups {
			total += n
		}
		digits := b.lead + g.digits(total-len(b.lead))
		var parts []string
		at := 0
		for _, n := range b.groups {
			parts = append(parts, digits[at:at+n])
			at += n
		}
		v := b.names[g.rng.IntN(len(b.names))] + " " + strings.Join(parts, b.sep)
		// Keyed by digits alone, so no two banks' accounts look alike.
		return &sel{key: "account:" + digits, kind: "bank_account", class: "account", intl: []string{v}}
	})
}

// cnCard makes a Chinese UnionPay debit card number (19 digits, Luhn).
func (g *gen) cnCard() *sel {
	return g.fresh(func() *sel {
		issuers := []struct{ name, bin string }{
			{"中国工商银行", "622202"}, {"中国建设银行", "621700"}, {"中国农业银行", "622848"}, {"中国银行", "621661"},
		}
		is := issuers[g.rng.IntN(len(issuers))]
		n := luhnComplete(is.bin + g.digits(12))
		_ = is.name // the issuer shows in the BIN; a card value is its digits
		v := n[:4] + " " + n[4:8] + " " + n[8:12] + " " + n[12:16] + " " + n[16:]
		return &sel{key: "account:" + n, kind: "card", class: "card", intl: []string{v}}
	})
}

var handleWords = []string{
	"golden", "lucky", "vip", "royal", "jade", "lotus", "tiger", "dragon", "star", "ocean",
	"pearl", "sunrise", "crown", "phoenix", "silver", "angkor", "mekong", "orchid", "empire", "harmony",
}

var handleRoles = []string{
	"hr", "manager", "support", "service", "team", "agent", "mentor", "coach", "desk", "recruit",
	"trader", "helper", "official", "admin", "job", "invest", "kim", "lee", "park", "chen",
}

// handle makes a Telegram username: 5-32 letters, digits and underscores,
// starting with a letter.
func (g *gen) handle() *sel {
	return g.fresh(func() *sel {
		v := g.pick(handleWords) + "_" + g.pick(handleRoles)
		if g.rng.IntN(3) > 0 {
			v += fmt.Sprint(g.rng.IntN(999) + 1)
		}
		return &sel{key: "handle:" + v, kind: "handle", class: "handle", intl: []string{"@" + v}}
	})
}

var siteSuffixes = []string{"vip", "pro", "global", "asia", "club", "hub", "plus", "one"}
var siteTLDs = []string{".com", ".vip", ".top", ".cc", ".net", ".xyz", ".app"}

// site makes a scam web site, always written the same way. flavour names
// its business (trade, bet, job, ...).
func (g *gen) site(flavour string) *sel {
	return g.fresh(func() *sel {
		var d string
		switch g.rng.IntN(3) {
		case 0:
			d = g.pick(handleWords) + "-" + flavour + g.pick(siteTLDs)
		case 1:
			d = g.pick(handleWords) + flavour + fmt.Sprint(g.rng.IntN(90)+10) + g.pick(siteTLDs)
		default:
			d = flavour + "-" + g.pick(handleWords) + "-" + g.pick(siteSuffixes) + g.pick(siteTLDs)
		}
		v := "https://" + d
		if g.rng.IntN(3) == 0 {
			v = d
		}
		if g.rng.IntN(4) == 0 {
			v = "https://www." + d
		}
		return &sel{key: "site:" + d, kind: siteKind(v), class: "site", intl: []string{v}}
	})
}

func siteKind(v string) string {
	if strings.Contains(v, "://") {
		return "url"
	}
	return "domain"
}
