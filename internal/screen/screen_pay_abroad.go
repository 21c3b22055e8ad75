package screen

// homeCurrencies are the currencies pay at home is quoted in, by the
// language of the text. A Korean, Vietnamese, Thai, Chinese or Indonesian ad that pays
// in another currency (dollars, baht in a Vietnamese ad) offers work
// abroad. English and Khmer have none: English is written everywhere, and
// Cambodia pays in dollars as well as riel.
var homeCurrencies = map[string][]string{
	"ko": {"KRW"},
	"vi": {"VND"},
	"th": {"THB"},
	"zh": {"CNY"},
	"id": {"IDR"},
}

// foreignCurrency reports pay that shows a job abroad recruited from home:
// pay in a currency foreign to the text's language ("1.000 USD/tháng" or
// "20.000 Baht/tháng" in a Vietnamese post), or, where a destination is
// named, in the currency of a third country (ringgit for a job in Thailand).
// Where a destination is named, dollars do not count (genuine offers there
// pay in dollars, and the place already says the job is abroad), nor does
// the language's home currency (a Korean ad in won that names Cambodia may
// be for Cambodian workers in Korea).
func (a *assessment) foreignCurrency(cur, placeCountry string) bool {
	home, hasHome := homeCurrencies[a.lang]
	for _, h := range home {
		if cur == h {
			return false
		}
	}
	if placeCountry == "" {
		return hasHome
	}
	if cur == "USD" {
		return false
	}
	if hasHome {
		return true
	}
	c, ok := currencyCountry[cur]
	return ok && c != placeCountry
}

// addForeignPay adds the sign for pay found at a.pays[i] in a foreign
// currency (i < 0: none).
func (a *assessment) addForeignPay(i int) {
	if i < 0 {
		return
	}
	pf := a.pays[i]
	sig := a.s.rs.Signals["pay.foreign_currency"]
	a.add(&finding{code: sig.Code, rule: "signal:pay.foreign_currency", category: sig.Category, weight: sig.Weight,
		tmpl: pickMessage(sig.Messages, a.msgLang), vars: map[string]string{"amount": pf.Currency + " " + formatMoney(pf.Value)},
		spans: []Span{{pf.PrefixStart, pf.End}}})
}
