package screen

import "strings"

// nearSep joins the two parts of a "near" phrase: "항공권 .. 지원" matches
// 항공권 followed, within nearGap bytes, by 지원 ("항공권과 숙소까지
// 지원"), so a rule need not list every way a sentence can run between two
// words. Both parts obey the usual matching (whole Latin words, '*').
const nearSep = " .. "

// nearGap is the most text, in bytes, between the end of the first part
// and the start of the second: sixteen Hangul, Han or Thai characters, or
// forty-eight Latin letters; a clause, not a paragraph.
const nearGap = 48

// splitNear splits a near phrase into its parts.
func splitNear(p string) (a, b string, ok bool) {
	a, b, ok = strings.Cut(p, nearSep)
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a, b, ok && a != "" && b != "" && !strings.Contains(b, nearSep)
}

// nearSpans pairs each first part with the nearest second part that starts
// after it ends and within nearGap, giving the span from one to the other.
func nearSpans(firsts, seconds []Span) []Span {
	var out []Span
	for _, f := range firsts {
		best := -1
		for j, s := range seconds {
			if s.Start >= f.End && s.Start-f.End <= nearGap && (best < 0 || s.Start < seconds[best].Start) {
				best = j
			}
		}
		if best >= 0 {
			out = append(out, Span{f.Start, seconds[best].End})
		}
	}
	return out
}
