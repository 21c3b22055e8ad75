package screen

import "sort"

// Segment is a piece of a screened text for display: text[Start:End],
// covered by the reasons listed (indexes into Result.Reasons), or by none.
type Segment struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Reasons []int  `json:"reasons,omitempty"`
}

// Segments cuts text into pieces at every reason's spans, so a page can
// highlight each piece with the reasons behind it. The pieces cover the
// whole text in order. text must be the text r was made from.
func Segments(text string, r *Result) []Segment {
	cuts := []int{0, len(text)}
	each := func(fn func(i int, sp Span)) {
		for i, x := range r.Reasons {
			fn(i, Span{x.Start, x.End})
			for _, sp := range x.Spans {
				fn(i, sp)
			}
		}
	}
	each(func(_ int, sp Span) {
		if sp.Start >= 0 && sp.End <= len(text) && sp.Start < sp.End {
			cuts = append(cuts, sp.Start, sp.End)
		}
	})
	sort.Ints(cuts)
	var out []Segment
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		seg := Segment{Start: a, End: b, Text: text[a:b]}
		each(func(i int, sp Span) {
			if sp.Start <= a && b <= sp.End && (len(seg.Reasons) == 0 || seg.Reasons[len(seg.Reasons)-1] != i) {
				seg.Reasons = append(seg.Reasons, i)
			}
		})
		out = append(out, seg)
	}
	return out
}
