package selector

import "regexp/syntax"

// Formatting a number without the backtracker. A format's pattern is
// matched against the whole national number (the format was chosen
// because ^(?:pattern)$ matches it), and the library replaces the first
// match with the format's template. Most patterns are groups of a fixed
// width each ((\d{2})(\d{3})(\d{4})): then every match starting at 0 has
// the same groups, at offsets known in advance, and on a number of ASCII
// digits the replacement is the template expanded with those offsets.
// Patterns with a part of varying width, or a group inside an
// alternation or a repetition, keep the regexp.

// fixedGroups returns the submatch offsets (as FindStringSubmatchIndex
// gives them) that every match of pattern starting at 0 has on ASCII
// input, or nil when they vary. numSubexp is the pattern's number of
// groups.
func fixedGroups(pattern string, numSubexp int) []int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	idx := make([]int, 2*(numSubexp+1))
	for i := range idx {
		idx[i] = -1
	}
	end, ok := fixedWalk(re, 0, idx)
	if !ok || end == 0 {
		return nil
	}
	idx[0], idx[1] = 0, end
	return idx
}

// fixedWalk returns where a match of re that starts at byte at of ASCII
// input ends, and records its groups in idx (nil: re must have none), or
// ok false when that end or a group's place is not fixed.
func fixedWalk(re *syntax.Regexp, at int, idx []int) (end int, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return at, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r >= 0x80 {
				return 0, false
			}
		}
		return at + len(re.Rune), true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return at + 1, true // one character, one byte of ASCII input
	case syntax.OpCapture:
		if idx == nil || 2*re.Cap+1 >= len(idx) {
			return 0, false
		}
		end, ok := fixedWalk(re.Sub[0], at, idx)
		idx[2*re.Cap], idx[2*re.Cap+1] = at, end
		return end, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if at, ok = fixedWalk(sub, at, idx); !ok {
				return 0, false
			}
		}
		return at, true
	case syntax.OpRepeat:
		w, ok := fixedWalk(re.Sub[0], 0, nil)
		if !ok || re.Min != re.Max {
			return 0, false
		}
		return at + re.Min*w, true
	case syntax.OpAlternate:
		w := -1
		for _, sub := range re.Sub {
			sw, ok := fixedWalk(sub, 0, nil)
			if !ok || (w >= 0 && sw != w) {
				return 0, false
			}
			w = sw
		}
		return at + w, true
	}
	return 0, false // optional or repeated parts, assertions, no match
}

// digitRuns is a pattern made of runs of any digits alone
// ((\d{2})(\d{3,4})(\d{4})): runs[i] takes from min[i] to max[i] digits,
// and group g spans runs from[g] to to[g] (exclusive). On a string of
// ASCII digits the regexp's first match at 0 gives each run, in order,
// as many digits as it can while leaving the runs after it their
// minimum: every digit string fits every run, so the first choice that
// leaves enough succeeds.
type digitRuns struct {
	min, max  []int
	restMin   []int // restMin[i]: the minimum of runs i and after
	from, to  []int // by group number; from[0], to[0]: the whole match
	numGroups int
}

// compileDigitRuns returns the runs of pattern, or nil when it is not
// made of runs of any digit alone.
func compileDigitRuns(pattern string, numSubexp int) *digitRuns {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	d := &digitRuns{from: make([]int, numSubexp+1), to: make([]int, numSubexp+1), numGroups: numSubexp}
	for i := range d.from {
		d.from[i], d.to[i] = -1, -1
	}
	if !d.walk(re) || len(d.min) == 0 {
		return nil
	}
	for g := 1; g <= numSubexp; g++ {
		if d.from[g] < 0 {
			return nil
		}
	}
	d.from[0], d.to[0] = 0, len(d.min)
	d.restMin = make([]int, len(d.min)+1)
	for i := len(d.min) - 1; i >= 0; i-- {
		d.restMin[i] = d.restMin[i+1] + d.min[i]
	}
	return d
}

func (d *digitRuns) walk(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !d.walk(sub) {
				return false
			}
		}
		return true
	case syntax.OpCapture:
		if re.Cap >= len(d.from) {
			return false
		}
		d.from[re.Cap] = len(d.min)
		ok := d.walk(re.Sub[0])
		d.to[re.Cap] = len(d.min)
		return ok
	case syntax.OpCharClass:
		if !anyDigit(re) {
			return false
		}
		d.min, d.max = append(d.min, 1), append(d.max, 1)
		return true
	case syntax.OpRepeat:
		if !anyDigit(re.Sub[0]) || re.Max < re.Min || re.Max == 0 {
			return false
		}
		d.min, d.max = append(d.min, re.Min), append(d.max, re.Max)
		return true
	}
	return false
}

// anyDigit reports whether re is the class of the ten ASCII digits.
func anyDigit(re *syntax.Regexp) bool {
	return re.Op == syntax.OpCharClass && len(re.Rune) == 2 && re.Rune[0] == '0' && re.Rune[1] == '9'
}

// match fills idx (2*(numGroups+1) long) with the groups of the
// regexp's first match on a string of n ASCII digits, and reports
// whether it covers all n (else the caller asks the regexp).
func (d *digitRuns) match(n int, idx []int) bool {
	var pos [24]int
	if len(d.min) >= len(pos) {
		return false
	}
	at := 0
	for i := range d.min {
		pos[i] = at
		w := min(d.max[i], n-at-d.restMin[i+1])
		if w < d.min[i] {
			return false
		}
		at += w
	}
	pos[len(d.min)] = at
	if at != n {
		return false
	}
	for g := 0; g <= d.numGroups; g++ {
		idx[2*g], idx[2*g+1] = pos[d.from[g]], pos[d.to[g]]
	}
	return true
}
