package graph

import (
	"math"
	"slices"
)

// Fence decides when a selector joins far more reports than the rest: a
// Tukey fence on the logarithm of degree, over the selectors that link at
// least two reports.
//
// Degrees of shared selectors are heavy-tailed, so the fence works on log
// degree, where "far above" means "many times more", not "many more". The
// selectors found in a single report (most of them) are left out: they link
// nothing and would pin both quartiles at 1. A selector is flagged when
//
//	ln(degree) > Q3 + K * max(IQR, ln 2)   and   degree >= Floor
//
// with Q1, Q3 and IQR taken over ln(degree). Degrees are small integers, so
// when most shared selectors have the same degree the IQR is 0 although the
// data are anything but tight; the spread is therefore never taken below one
// doubling. With K = 3 that means at least eight times the upper quartile.
// Floor keeps small data sets, where every count is small, from raising
// warnings about a selector seen in a handful of reports.
type Fence struct {
	// Floor is the smallest degree ever flagged.
	Floor int
	// K is the number of spreads above the upper quartile (Tukey's "far
	// out" is 3).
	K float64
}

// DefaultFence flags a selector that joins at least 20 reports and more than
// eight times (or K inter-quartile spreads above) the upper quartile of the
// shared selectors' degrees.
var DefaultFence = Fence{Floor: 20, K: 3}

// Threshold returns the smallest degree the fence flags, given the degrees of
// all selectors (in any order). Checking a single selector against a
// threshold computed now and then is cheap: flag it when its degree reaches
// the threshold.
func (f Fence) Threshold(degrees []int32) int {
	floor := max(f.Floor, 2) // a selector in one report links nothing
	var shared []int32
	for _, d := range degrees {
		if d >= 2 {
			shared = append(shared, d)
		}
	}
	if len(shared) == 0 {
		return floor
	}
	slices.Sort(shared)
	q1, q3 := logQuantile(shared, 0.25), logQuantile(shared, 0.75)
	// The small epsilon settles ties the same way whatever the rounding:
	// with integer degrees the fence often falls exactly on ln of an integer
	// (Q3 = 3, K = 3: ln 3 + 3 ln 2 = ln 24), and that integer is not above it.
	fence := q3 + f.K*max(q3-q1, math.Ln2) + 1e-9
	if fence >= math.Log(math.MaxInt32) {
		return math.MaxInt32
	}
	// The smallest integer d with ln(d) > fence, settled in the log domain
	// so that rounding in Exp cannot move it by one.
	t := int(math.Floor(math.Exp(fence))) + 1
	for t > 1 && math.Log(float64(t-1)) > fence {
		t--
	}
	for math.Log(float64(t)) <= fence {
		t++
	}
	return max(t, floor)
}

// logQuantile is the q-quantile of ln(x) over sorted x, interpolating
// linearly between order statistics (Hyndman and Fan's type 7, the default
// of R and NumPy).
func logQuantile(sorted []int32, q float64) float64 {
	h := q * float64(len(sorted)-1)
	lo := int(math.Floor(h))
	hi := min(lo+1, len(sorted)-1)
	a, b := math.Log(float64(sorted[lo])), math.Log(float64(sorted[hi]))
	return a + (h-float64(lo))*(b-a)
}
