package selector

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// phoneEngine answers what phonenumbers.IsValidNumber, GetNumberType,
// GetRegionCodeForNumber and Format(E164, INTERNATIONAL) answer, from the
// same metadata, but with its regular expressions compiled once per
// country calling code (the library builds each pattern's string and looks
// it up in a locked cache on every call). Results are identical; the
// tests compare the two paths. An engine is built by NewNormalizer and
// owned by it, so the package keeps no global state of its own.
type phoneEngine struct {
	// byCC is filled at construction and only read afterwards; each
	// slot compiles its metadata on first use.
	byCC map[int32]*ccSlot
	// regionCC maps each supported region to its calling code.
	regionCC map[string]int32
}

type ccSlot struct {
	once sync.Once
	code int32
	meta *ccMeta
}

// ccMeta is the compiled metadata of one country calling code.
type ccMeta struct {
	code    string // "855"
	regions []*regionMeta
	// formats are the main region's international formats (or national
	// ones where it has none), as formatNsn picks them.
	formats []numFormat
}

type regionMeta struct {
	id                                     string // "KH", or "001" for non-geographic entities
	leading                                *digitRE
	general, premium, tollFree, sharedCost desc
	voip, personal, pager, uan, voicemail  desc
	fixed, mobile                          desc
	sameMobileAndFixed                     bool
	parse                                  *parseMeta
}

// desc is a compiled PhoneNumberDesc.
type desc struct {
	re      *digitRE // nil: matches nothing
	lengths []int32
}

type numFormat struct {
	full    *digitRE       // ^(?:pattern)$
	leading *digitRE       // ^(?:last leading digits pattern), or nil
	replace *regexp.Regexp // pattern, as the library applies it
	format  string
	groups  []int      // replace's submatches on a match, when fixed (phone_format.go)
	runs    *digitRuns // else its runs of digits, when it is made of them alone
}

// newPhoneEngine indexes the library's metadata; nothing is compiled yet.
func newPhoneEngine() *phoneEngine {
	e := &phoneEngine{byCC: make(map[int32]*ccSlot), regionCC: make(map[string]int32)}
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		e.byCC[int32(cc)] = &ccSlot{code: int32(cc)}
	}
	for r := range phonenumbers.GetSupportedRegions() {
		e.regionCC[r] = int32(phonenumbers.GetCountryCodeForRegion(r))
	}
	return e
}

// regionMeta returns the compiled metadata of a supported region, or nil.
func (e *phoneEngine) regionMeta(region string) *regionMeta {
	code, ok := e.regionCC[region]
	if !ok {
		return nil
	}
	c := e.cc(code)
	if c == nil {
		return nil
	}
	for _, r := range c.regions {
		if r != nil && r.id == region {
			return r
		}
	}
	return nil
}

// cc returns the compiled metadata of a country calling code, or nil.
func (e *phoneEngine) cc(code int32) *ccMeta {
	s := e.byCC[code]
	if s == nil {
		return nil
	}
	s.once.Do(func() { s.meta = compileCC(s.code) })
	return s.meta
}

// metadataFor finds the library's metadata for a region of a calling code.
func metadataFor(code int32, region string) *phonenumbers.PhoneMetadata {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil
	}
	for _, m := range coll.GetMetadata() {
		if m.GetId() == region && (region != phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY || m.GetCountryCode() == code) {
			return m
		}
	}
	return nil
}

func compileCC(code int32) *ccMeta {
	c := &ccMeta{code: strconv.Itoa(int(code))}
	for _, id := range phonenumbers.GetRegionCodesForCountryCode(int(code)) {
		md := metadataFor(code, id)
		if md == nil {
			c.regions = append(c.regions, nil)
			continue
		}
		r := &regionMeta{
			id:                 id,
			general:            compileDesc(md.GetGeneralDesc()),
			premium:            compileDesc(md.GetPremiumRate()),
			tollFree:           compileDesc(md.GetTollFree()),
			sharedCost:         compileDesc(md.GetSharedCost()),
			voip:               compileDesc(md.GetVoip()),
			personal:           compileDesc(md.GetPersonalNumber()),
			pager:              compileDesc(md.GetPager()),
			uan:                compileDesc(md.GetUan()),
			voicemail:          compileDesc(md.GetVoicemail()),
			fixed:              compileDesc(md.GetFixedLine()),
			mobile:             compileDesc(md.GetMobile()),
			sameMobileAndFixed: md.GetSameMobileAndFixedLinePattern(),
			parse:              compileParseMeta(md),
		}
		if ld := md.GetLeadingDigits(); ld != "" {
			r.leading = mustDigitRE("^(?:" + ld + ")")
		}
		if len(c.regions) == 0 {
			formats := md.GetIntlNumberFormat()
			if len(formats) == 0 {
				formats = md.GetNumberFormat()
			}
			for _, f := range formats {
				nf := numFormat{
					full:    mustDigitRE("^(?:" + f.GetPattern() + ")$"),
					replace: regexp.MustCompile(f.GetPattern()),
					format:  f.GetFormat(),
				}
				if nf.groups = fixedGroups(f.GetPattern(), nf.replace.NumSubexp()); nf.groups == nil {
					nf.runs = compileDigitRuns(f.GetPattern(), nf.replace.NumSubexp())
				}
				if ld := f.GetLeadingDigitsPattern(); len(ld) > 0 {
					nf.leading = mustDigitRE("^(?:" + ld[len(ld)-1] + ")")
				}
				c.formats = append(c.formats, nf)
			}
		}
		c.regions = append(c.regions, r)
	}
	return c
}

func compileDesc(d *phonenumbers.PhoneNumberDesc) desc {
	if d == nil || d.GetNationalNumberPattern() == "" {
		return desc{}
	}
	return desc{
		re:      mustDigitRE("^(?:" + d.GetNationalNumberPattern() + ")$"),
		lengths: d.GetPossibleLength(),
	}
}

func (d *desc) matches(nsn string) bool {
	if d.re == nil {
		return false
	}
	if len(d.lengths) > 0 {
		n := int32(len(nsn))
		found := false
		for _, l := range d.lengths {
			if l == n {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return d.re.MatchString(nsn)
}

// numberType mirrors the library's getNumberTypeHelper.
func (r *regionMeta) numberType(nsn string) phonenumbers.PhoneNumberType {
	switch {
	case !r.general.matches(nsn):
		return phonenumbers.UNKNOWN
	case r.premium.matches(nsn):
		return phonenumbers.PREMIUM_RATE
	case r.tollFree.matches(nsn):
		return phonenumbers.TOLL_FREE
	case r.sharedCost.matches(nsn):
		return phonenumbers.SHARED_COST
	case r.voip.matches(nsn):
		return phonenumbers.VOIP
	case r.personal.matches(nsn):
		return phonenumbers.PERSONAL_NUMBER
	case r.pager.matches(nsn):
		return phonenumbers.PAGER
	case r.uan.matches(nsn):
		return phonenumbers.UAN
	case r.voicemail.matches(nsn):
		return phonenumbers.VOICEMAIL
	}
	if r.fixed.matches(nsn) {
		if r.sameMobileAndFixed || r.mobile.matches(nsn) {
			return phonenumbers.FIXED_LINE_OR_MOBILE
		}
		return phonenumbers.FIXED_LINE
	}
	if !r.sameMobileAndFixed && r.mobile.matches(nsn) {
		return phonenumbers.MOBILE
	}
	return phonenumbers.UNKNOWN
}

// region mirrors GetRegionCodeForNumber: the region of the calling code
// that the national significant number belongs to, or nil.
func (c *ccMeta) region(nsn string) *regionMeta {
	if len(c.regions) == 1 {
		return c.regions[0]
	}
	for _, r := range c.regions {
		if r == nil {
			continue
		}
		if r.leading != nil {
			if r.leading.MatchString(nsn) {
				return r
			}
		} else if r.numberType(nsn) != phonenumbers.UNKNOWN {
			return r
		}
	}
	return nil
}

// formatInternational mirrors Format(n, INTERNATIONAL) for a number
// without extension.
func (c *ccMeta) formatInternational(nsn string) string {
	for i := range c.formats {
		f := &c.formats[i]
		if (f.leading == nil || f.leading.MatchString(nsn)) && f.full.MatchString(nsn) {
			if s, ok := c.formatFast(f, nsn); ok {
				return s
			}
			return "+" + c.code + " " + f.replace.ReplaceAllString(nsn, f.format)
		}
	}
	return "+" + c.code + " " + nsn
}

// formatFast is formatInternational's replacement of f's pattern in nsn
// (which ^(?:pattern)$ matches) without the regexp's matcher, where the
// groups are known from the pattern (phone_format.go); ok false
// otherwise.
func (c *ccMeta) formatFast(f *numFormat, nsn string) (string, bool) {
	if !allDigits(nsn) {
		return "", false
	}
	idx := f.groups
	if idx == nil || idx[1] != len(nsn) {
		var buf [2 * 12]int
		if f.runs == nil || 2*(f.runs.numGroups+1) > len(buf) {
			return "", false
		}
		idx = buf[:2*(f.runs.numGroups+1)]
		if !f.runs.match(len(nsn), idx) {
			return "", false
		}
	}
	b := make([]byte, 0, len(c.code)+2+len(f.format)+len(nsn))
	b = append(append(append(b, '+'), c.code...), ' ')
	return string(f.replace.ExpandString(b, f.format, nsn, idx)), true
}

// read is readPhone with the engine.
func (e *phoneEngine) read(digits []byte, intl bool, region string) (Selector, bool) {
	code, nsn, ok := e.parseDigits(string(digits), intl, region)
	if !ok {
		return Selector{}, false
	}
	return e.finish(code, nsn)
}

// finish validates a parsed number and builds its selector.
func (e *phoneEngine) finish(code int32, nsn string) (Selector, bool) {
	c := e.cc(code)
	if c == nil {
		return Selector{}, false
	}
	r := c.region(nsn)
	if r == nil {
		return Selector{}, false
	}
	typ := r.numberType(nsn)
	if typ == phonenumbers.UNKNOWN {
		return Selector{}, false
	}
	reg := r.id
	if reg == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
		reg = ""
	}
	return Selector{
		Kind:    Phone,
		Value:   "+" + c.code + nsn,
		Display: c.formatInternational(nsn),
		Region:  reg,
		Subtype: phoneTypeName(typ),
	}, true
}
