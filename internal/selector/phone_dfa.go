package selector

import (
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"slices"
)

// digitRE is a regular expression of the phone metadata that is only
// ever asked whether it matches (MatchString), with a deterministic
// automaton over the ten ASCII digits built from the same compiled
// program: the engine's inputs are digit strings, and for those the
// automaton answers in one table step a digit where the regexp package
// runs its backtracker. The answer is the regexp's (the tests compare the
// two on every pattern of the metadata); input with any other byte, and
// patterns the automaton cannot take (see compileDigitDFA), go to the
// regexp.
type digitRE struct {
	re  *regexp.Regexp
	dfa *digitDFA // nil: the regexp answers
}

// mustDigitRE compiles pattern, which must start with ^.
func mustDigitRE(pattern string) *digitRE {
	return &digitRE{re: regexp.MustCompile(pattern), dfa: compileDigitDFA(pattern)}
}

// MatchString reports whether s contains a match, as regexp's does.
func (d *digitRE) MatchString(s string) bool {
	if d.dfa != nil {
		if m, ok := d.dfa.match(s); ok {
			return m
		}
	}
	return d.re.MatchString(s)
}

// digitDFA is a deterministic automaton that reads ASCII digits from the
// start of a string. State 0 is dead (no match can follow), state 1 the
// start. A match ends after a prefix of the input when that prefix leads
// to a state with accept[state]&acceptInside (the match needs no end of
// text after it), or when the whole input leads to one with acceptAtEnd.
type digitDFA struct {
	next   [][10]uint16
	accept []uint8
}

const (
	acceptInside = 1 << iota
	acceptAtEnd
)

// maxDFAStates bounds an automaton; a pattern that needs more keeps its
// regexp alone. The metadata's largest needs a few hundred.
const maxDFAStates = 1 << 13

// match reports whether s has a match, and ok false when it cannot say:
// s holds a byte that is not an ASCII digit before the answer is known.
func (a *digitDFA) match(s string) (matched, ok bool) {
	st := uint16(1)
	for i := 0; i < len(s); i++ {
		if a.accept[st]&acceptInside != 0 {
			return true, true // s[:i] matches, whatever follows
		}
		c := s[i] - '0'
		if c > 9 {
			return false, false
		}
		if st = a.next[st][c]; st == 0 {
			return false, true // no match starts at 0 nor anywhere else
		}
	}
	return a.accept[st] != 0, true
}

// compileDigitDFA builds the automaton of pattern by subset construction
// over the program the regexp package compiles it to, or returns nil when
// the pattern does not start with ^ (a match could start anywhere), uses
// an assertion other than ^ and $ outside multi-line mode (line and word
// boundaries), or needs more than maxDFAStates states.
func compileDigitDFA(pattern string) *digitDFA {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return nil
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth &&
			syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
			return nil
		}
	}
	b := dfaBuilder{prog: prog, index: map[string]uint16{}, seen: make([]uint32, len(prog.Inst))}
	a := &digitDFA{}
	// State 0: dead; state 1: the start, the only one at the beginning of
	// the text. Each state is the set of program counters the threads are
	// at before following empty-width steps.
	sets := [][]uint32{nil, {uint32(prog.Start)}}
	for i := 0; i < len(sets); i++ {
		begin := i == 1
		var row [10]uint16
		var acc uint8
		if i > 0 {
			inside := b.closure(sets[i], begin, false)
			if b.matched {
				acc |= acceptInside
			}
			for c := range 10 {
				next := b.step(inside, rune('0'+c))
				b.setKey(next)
				n, ok := b.index[string(b.key)]
				if !ok {
					if len(next) == 0 {
						n = 0
					} else {
						if len(sets) >= maxDFAStates {
							return nil
						}
						n = uint16(len(sets))
						sets = append(sets, next)
					}
					b.index[string(b.key)] = n
				}
				row[c] = n
			}
			b.closure(sets[i], begin, true)
			if b.matched {
				acc |= acceptAtEnd
			}
		}
		a.next = append(a.next, row)
		a.accept = append(a.accept, acc)
	}
	return a
}

// dfaBuilder holds the scratch space of compileDigitDFA.
type dfaBuilder struct {
	prog    *syntax.Prog
	index   map[string]uint16
	seen    []uint32 // == visit: seen in this closure
	visit   uint32
	stack   []uint32
	key     []byte
	out     []uint32
	matched bool // the last closure reached a match
}

// closure follows the empty-width steps from the threads at pcs, at the
// beginning of the text or not and at its end or not, and returns the
// instructions that read a character (b.out, reused); b.matched says
// whether a match was reached.
func (b *dfaBuilder) closure(pcs []uint32, begin, end bool) []uint32 {
	b.visit++
	b.out, b.matched = b.out[:0], false
	b.stack = append(b.stack[:0], pcs...)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.seen[pc] == b.visit {
			continue
		}
		b.seen[pc] = b.visit
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			b.stack = append(b.stack, in.Arg, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			b.stack = append(b.stack, in.Out)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			if op&syntax.EmptyBeginText != 0 && !begin || op&syntax.EmptyEndText != 0 && !end {
				continue
			}
			b.stack = append(b.stack, in.Out)
		case syntax.InstMatch:
			b.matched = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			b.out = append(b.out, pc)
		}
	}
	return b.out
}

// step returns the sorted set of threads after the instructions at pcs
// read c.
func (b *dfaBuilder) step(pcs []uint32, c rune) []uint32 {
	var next []uint32
	for _, pc := range pcs {
		if in := &b.prog.Inst[pc]; in.MatchRune(c) {
			next = append(next, in.Out)
		}
	}
	slices.Sort(next)
	return slices.Compact(next)
}

// setKey names a set of threads after the beginning of the text, in
// b.key.
func (b *dfaBuilder) setKey(pcs []uint32) {
	b.key = b.key[:0]
	for _, pc := range pcs {
		b.key = binary.LittleEndian.AppendUint32(b.key, pc)
	}
}
