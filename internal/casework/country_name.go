package casework

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// nameLanguages are the languages whose country names a partner's list may
// use: those counterscam ships its pages in.
var nameLanguages = []language.Tag{language.English, language.Korean, language.Khmer}

// countryAliases are names the CLDR data (golang.org/x/text) does not give
// in the form partner lists write them, keyed as countryKey folds them.
//
// "Korea" alone (코리아, កូរ៉េ) is ambiguous; in the bilateral work
// counterscam serves (the Republic of Korea with Cambodia) it means the
// Republic of Korea, KR. The North is always named as such (North Korea,
// DPRK, 북한, 조선): KP.
var countryAliases = map[string]string{
	"korea": "KR", "republicofkorea": "KR", "korearepublicof": "KR", "rok": "KR",
	"southkorea": "KR", "koreasouth": "KR", "korearep": "KR",
	"한국": "KR", "대한민국": "KR", "남한": "KR", "코리아": "KR", "កូរ៉េ": "KR",
	"northkorea": "KP", "koreanorth": "KP", "dprk": "KP", "dprkorea": "KP",
	"democraticpeoplesrepublicofkorea": "KP", "koreademocraticpeoplesrepublicof": "KP",
	"북한": "KP", "조선": "KP", "북조선": "KP", "조선민주주의인민공화국": "KP",
	"kingdomofcambodia": "KH", "kampuchea": "KH", "캄보디아왕국": "KH", "ព្រះរាជាណាចក្រកម្ពុជា": "KH",
}

// countryKey folds a country name for lookup: letters, marks and digits
// only (no spaces, punctuation or zero-width spaces, which Khmer text
// carries between words), in lower case, without a leading "the".
func countryKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	if low := strings.ToLower(strings.TrimSpace(s)); strings.HasPrefix(low, "the ") {
		k = strings.TrimPrefix(k, "the")
	}
	return k
}

// countryNames maps every folded country name, in English, Korean and
// Khmer as CLDR writes them, and the aliases above, to its alpha-2 code.
var countryNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	namers := make([]display.Namer, len(nameLanguages))
	for i, t := range nameLanguages {
		namers[i] = display.Regions(t)
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.Canonicalize().String() != code {
				continue
			}
			for _, n := range namers {
				name := n.Name(r)
				// "Myanmar (Burma)": the whole, and each part.
				for _, part := range append([]string{name}, strings.FieldsFunc(name, func(r rune) bool { return r == '(' || r == ')' })...) {
					if k := countryKey(part); k != "" {
						m[k] = code
					}
				}
			}
		}
	}
	for k, v := range countryAliases {
		m[k] = v
	}
	return m
})

// readCountry reads a nationality or country as partner lists write it:
// an ISO 3166-1 alpha-2 or alpha-3 code (KR, KOR), or the country's name
// in English, Korean or Khmer ("South Korea", "Republic of Korea",
// 대한민국, កម្ពុជា); see countryAliases for "Korea" alone.
func readCountry(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if cc, err := normCountry(field, v); err == nil {
		return cc, nil
	}
	if len(v) == 3 && strings.Trim(strings.ToUpper(v), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		if r, err := language.ParseRegion(v); err == nil && r.IsCountry() {
			if cc := r.Canonicalize().String(); len(cc) == 2 {
				return cc, nil
			}
		}
	}
	if cc, ok := countryNames()[countryKey(v)]; ok {
		return cc, nil
	}
	if r := []rune(v); len(r) > 40 {
		v = string(r[:40]) + "…"
	}
	return "", fieldErr(field, "%q is not a country: write an ISO 3166-1 code (KR, KOR) or the country's name in English, Korean or Khmer", v)
}
