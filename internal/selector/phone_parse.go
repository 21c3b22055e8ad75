package selector

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// The engine's reading of a number, for input that phoneDigits has already
// reduced to ASCII digits with an optional leading '+'. It follows the
// library's parseHelper step by step (international prefix, country code,
// the default region's own country code, national prefix and carrier code,
// length checks) with the steps that cannot apply to such input left out:
// extensions, letters, punctuation, phone-context. Tests compare it with
// the library on every region.

// parseMeta is what reading needs of a region's metadata.
type parseMeta struct {
	code           int32
	ccStr          string
	idd            *regexp.Regexp // ^(?:international prefix), or nil
	natPrefix      *regexp.Regexp // ^(?:national prefix for parsing), or nil
	transform      string
	general        *digitRE // ^(?:general pattern)$
	lengths, local []int32  // general possible lengths, local-only lengths
}

func compileParseMeta(md *phonenumbers.PhoneMetadata) *parseMeta {
	p := &parseMeta{
		code:      md.GetCountryCode(),
		ccStr:     strconv.Itoa(int(md.GetCountryCode())),
		transform: md.GetNationalPrefixTransformRule(),
		general:   mustDigitRE("^(?:" + md.GetGeneralDesc().GetNationalNumberPattern() + ")$"),
		lengths:   md.GetGeneralDesc().GetPossibleLength(),
		local:     md.GetGeneralDesc().GetPossibleLengthLocalOnly(),
	}
	if idd := md.GetInternationalPrefix(); idd != "" {
		p.idd = regexp.MustCompile("^(?:" + idd + ")")
	}
	if np := md.GetNationalPrefixForParsing(); np != "" {
		p.natPrefix = regexp.MustCompile("^(?:" + np + ")")
	}
	return p
}

// Length verdicts, as the library's testNumberLength gives them.
const (
	lenPossible = iota
	lenLocalOnly
	lenTooShort
	lenTooLong
	lenInvalid
)

func (p *parseMeta) testLength(n string) int {
	if len(p.lengths) == 0 || p.lengths[0] == -1 {
		return lenInvalid
	}
	l := int32(len(n))
	for _, x := range p.local {
		if x == l {
			return lenLocalOnly
		}
	}
	switch {
	case p.lengths[0] == l:
		return lenPossible
	case p.lengths[0] > l:
		return lenTooShort
	case p.lengths[len(p.lengths)-1] < l:
		return lenTooLong
	}
	for _, x := range p.lengths[1:] {
		if x == l {
			return lenPossible
		}
	}
	return lenInvalid
}

// stripNationalPrefix mirrors maybeStripNationalPrefixAndCarrierCode.
func (p *parseMeta) stripNationalPrefix(n string) string {
	if n == "" || p.natPrefix == nil {
		return n
	}
	groups := p.natPrefix.FindStringSubmatchIndex(n)
	if groups == nil {
		return n
	}
	viable := p.general.MatchString(n)
	last := len(groups)/2 - 1
	if p.transform == "" || groups[last*2] < 0 {
		if viable && !p.general.MatchString(n[groups[1]:]) {
			return n
		}
		return n[groups[1]:]
	}
	t := p.natPrefix.ReplaceAllString(n, p.transform)
	if viable && !p.general.MatchString(t) {
		return n
	}
	return t
}

// parseDigits reads ASCII digits (intl: they follow a '+') with a default
// region, and returns the country calling code and national significant
// number, or ok false where the library's Parse fails.
func (e *phoneEngine) parseDigits(d string, intl bool, region string) (code int32, nsn string, ok bool) {
	var def *parseMeta
	if r := e.regionMeta(region); r != nil {
		def = r.parse
	}
	if def == nil && !intl {
		return 0, "", false
	}
	national := ""
	switch {
	case intl:
		national, code, ok = e.countryCode(d)
		if !ok {
			return 0, "", false
		}
	case def.idd != nil && e.stripIDD(def.idd, &d):
		national, code, ok = e.countryCode(d)
		if !ok {
			return 0, "", false
		}
	default:
		if strings.HasPrefix(d, def.ccStr) {
			pot := def.stripNationalPrefix(d[len(def.ccStr):])
			if (!def.general.MatchString(d) && def.general.MatchString(pot)) || def.testLength(d) == lenTooLong {
				national, code = pot, def.code
			}
		}
	}
	meta := def
	if code == 0 {
		national, code = d, def.code
	} else if c := e.cc(code); c == nil || c.regions[0] == nil {
		return 0, "", false
	} else {
		meta = c.regions[0].parse
	}
	if len(national) < 2 {
		return 0, "", false
	}
	if pot := meta.stripNationalPrefix(national); pot != national {
		switch meta.testLength(pot) {
		case lenTooShort, lenLocalOnly, lenInvalid:
		default:
			national = pot
		}
	}
	if len(national) < 2 || len(national) > 17 {
		return 0, "", false
	}
	return code, national, true
}

// stripIDD mirrors parsePrefixAsIdd: it strips the region's international
// prefix from *d unless a 0 follows it.
func (e *phoneEngine) stripIDD(idd *regexp.Regexp, d *string) bool {
	loc := idd.FindStringIndex(*d)
	if loc == nil {
		return false
	}
	rest := (*d)[loc[1]:]
	if rest != "" && rest[0] == '0' {
		return false
	}
	*d = rest
	return true
}

// countryCode mirrors the library's handling of digits after a '+' or an
// international prefix: more than two digits, starting with a known
// calling code.
func (e *phoneEngine) countryCode(d string) (string, int32, bool) {
	if len(d) <= 2 || d[0] == '0' {
		return "", 0, false
	}
	var v int32
	for i := 0; i < 3 && i < len(d); i++ {
		v = v*10 + int32(d[i]-'0')
		if _, ok := e.byCC[v]; ok {
			return d[i+1:], v, true
		}
	}
	return "", 0, false
}
