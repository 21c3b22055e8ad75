package screen

import (
	"context"
	"testing"
)

// TestForeignPay checks when pay in a foreign currency is a sign.
func TestForeignPay(t *testing.T) {
	s := defaultTestScreener(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Tuyển nhân viên văn phòng, lương 1.000 USD/tháng", true},      // dollars in a Vietnamese ad, no place
		{"งานแอดมิน เงินเดือน 1,500 USD ต่อเดือน", true},                // dollars in a Thai ad
		{"Customer care job in Thailand, salary RM8,000 a month", true}, // a third country's currency
		{"Tuyển nhân viên văn phòng, lương 12 triệu đồng/tháng", false}, // home currency
		{"Customer care job in Thailand, salary THB 20,000 a month", false},
		{"Tuyển nhân viên văn phòng tại Thái Lan, lương 20.000 Baht/tháng", true}, // baht in a Vietnamese ad
		{"Office job in Phnom Penh, salary USD 900 a month", false},               // dollars at the destination
		{"캄보디아 근로자를 위한 통역 보조 인력, 월 260만 원", false},                                // won in a Korean ad naming Cambodia
		{"Office assistant, salary USD 900 a month", false},                       // English has no home currency
		{"金边中资公司招聘翻译,月薪1200美元", false},                                            // dollars where a place is named
	} {
		r, err := s.Assess(context.Background(), tc.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, x := range r.Reasons {
			got = got || x.Code == "pay.foreign_currency"
		}
		if got != tc.want {
			t.Errorf("%q: pay.foreign_currency %v, want %v (amounts %+v)", tc.text, got, tc.want, r.Amounts)
		}
	}
}

// TestHomeCountry checks that a country named in its own language is not a
// destination, and that dollar pay in such a text is compared with pay there.
func TestHomeCountry(t *testing.T) {
	s := defaultTestScreener(t)
	for _, tc := range []struct {
		text, country string
		destination   bool
	}{
		{"ការងារនៅកម្ពុជា ប្រាក់ខែ ២០០០ ដុល្លារ មិនត្រូវការបទពិសោធន៍", "KH", false},   // Khmer: home
		{"Work in Cambodia, salary 2,000 dollars a month, no experience", "KH", true}, // English: abroad
	} {
		r, err := s.Assess(context.Background(), tc.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		dest := false
		for _, x := range r.Reasons {
			dest = dest || x.Category == "destination"
		}
		if dest != tc.destination || len(r.Amounts) != 1 || r.Amounts[0].Country != tc.country {
			t.Errorf("%q: destination %v, amounts %+v; want destination %v, pay compared in %s", tc.text, dest, r.Amounts, tc.destination, tc.country)
		}
	}
}
