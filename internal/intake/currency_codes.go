package intake

import "strings"

// iso4217 lists the active ISO 4217 currency codes with their minor-unit
// exponent, grouped by exponent. Precious metals, testing codes and other
// codes without a minor unit (XAU, XTS, XXX, ...) are left out.
var iso4217 = map[int]string{
	0: `BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF`,
	2: `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV
BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK
DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL
HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL
MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO
NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK
SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS
UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG`,
	3: `BHD IQD JOD KWD LYD OMR TND`,
	4: `CLF UYW`,
}

// cryptoUnits are the crypto-assets counterscam accepts as currencies
// although ISO 4217 does not list them, with the exponent their amounts are
// kept in. USDT and USDC use the 6 decimals of their TRON and Ethereum
// tokens, BTC its 8 (satoshi), TRX 6 (sun). ETH is kept in gwei (9
// decimals), not wei (18): an int64 of wei would overflow above about 9.2
// ETH, while gwei holds up to about 9.2 billion ETH; amounts with more than
// 9 decimals are rejected.
var cryptoUnits = map[string]int{
	"USDT": 6,
	"USDC": 6,
	"BTC":  8,
	"ETH":  9,
	"TRX":  6,
}

var currencies = func() map[string]int {
	m := map[string]int{}
	for exp, codes := range iso4217 {
		for _, c := range strings.Fields(codes) {
			m[c] = exp
		}
	}
	for c, exp := range cryptoUnits {
		m[c] = exp
	}
	return m
}()

// CurrencyExponent returns the number of decimals a currency's minor unit
// has (KRW 0, USD 2, KWD 3, USDT 6, ...), and whether the code (upper case)
// is accepted.
func CurrencyExponent(code string) (int, bool) {
	e, ok := currencies[code]
	return e, ok
}
