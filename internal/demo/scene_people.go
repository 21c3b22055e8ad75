package demo

import (
	"fmt"

	"counterscam/internal/store"
)

// Name parts for synthetic reporters, combined at random: common family
// names and given-name syllables, never anyone in the news.
var namePlans = map[string]struct {
	family, given []string
	join          func(f, g1, g2 string) string
}{
	"ko": {
		[]string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"},
		[]string{"민", "서", "지", "현", "우", "준", "영", "수", "하", "은", "도", "연"},
		func(f, a, b string) string { return f + a + b },
	},
	"km": {
		[]string{"Sok", "Chan", "Heng", "Lim", "Meas", "Phan", "Sim", "Keo"},
		[]string{"Dara", "Sophea", "Vanna", "Rith", "Piseth", "Bopha", "Chenda", "Sovann"},
		func(f, a, _ string) string { return f + " " + a },
	},
	"th": {
		[]string{"Srisuk", "Wongsa", "Boonmee", "Chaiyo", "Thongdee", "Saelim"},
		[]string{"Nok", "Ploy", "Anan", "Kanya", "Niran", "Malee", "Somsak", "Pim"},
		func(f, a, _ string) string { return a + " " + f },
	},
	"vi": {
		[]string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"},
		[]string{"An", "Bình", "Hà", "Lan", "Nam", "Tuấn", "Minh", "Thu"},
		func(f, a, b string) string { return f + " " + a + " " + b },
	},
	"zh": {
		[]string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵"},
		[]string{"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军"},
		func(f, a, b string) string { return f + a + b },
	},
}

// contact makes a reporter's contact details. They are personal data in a
// real report; here they are invented, with e-mail under example.org.
func (g *gen) contact(victim, _ string) *store.Contact {
	plan := namePlans[languageOf[victim]]
	c := &store.Contact{
		Name:    plan.join(g.pick(plan.family), g.pick(plan.given), g.pick(plan.given)),
		Consent: g.rng.IntN(10) < 7,
	}
	if g.rng.IntN(2) == 0 {
		c.Email = fmt.Sprintf("reporter.%06x@example.org", g.rng.IntN(1<<24))
	}
	if g.rng.IntN(10) < 6 || c.Email == "" {
		p := g.phone(victim)
		c.Phone = p.natl[0]
	}
	return c
}
