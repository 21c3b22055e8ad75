package screen

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Period says how often an amount is paid.
type Period string

// Periods an amount can have; "" is none given.
const (
	PeriodNone  Period = ""
	PeriodHour  Period = "hour"
	PeriodDay   Period = "day"
	PeriodWeek  Period = "week"
	PeriodMonth Period = "month"
	PeriodYear  Period = "year"
)

// perMonth converts one period's pay to a month's: 22 working days, 176
// working hours, 52/12 weeks.
var perMonth = map[Period]float64{
	PeriodNone: 1, PeriodHour: 176, PeriodDay: 22, PeriodWeek: 52.0 / 12, PeriodMonth: 1, PeriodYear: 1.0 / 12,
}

// Amount is a sum of money found in a text: text[Start:End].
type Amount struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is the amount in the currency's major unit; for a range, its low end.
	Value float64 `json:"value"`
	// High is a range's high end (equal to Value for a single amount).
	High float64 `json:"high"`
	// Currency is an ISO 4217 code, "" when the text names none (USDT counts as USD).
	Currency string `json:"currency,omitempty"`
	Period   Period `json:"period,omitempty"`
	// Pay is set when a word for salary, income or earning stands next to it.
	Pay bool `json:"pay,omitempty"`
	// Scaled is set when a multiplier was written (3k, 1000만, 15 triệu).
	Scaled bool `json:"scaled,omitempty"`
	// PrefixStart is where the pay word or currency before the number begins.
	PrefixStart int `json:"-"`
	// hint is the currency a multiplier implies when none is named:
	// "15 triệu" is dong, "300만" won.
	hint string
}

// MaxAmounts bounds how many amounts ParseAmounts returns for one text.
const MaxAmounts = 256

func init() {
	for _, l := range [][]tok{currencySuffix, currencyPrefix, wordMultipliers, periodSuffix, payPrefix} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].s) > len(l[j].s) })
	}
	sort.SliceStable(fillers, func(i, j int) bool { return len(fillers[i]) > len(fillers[j]) })
	sort.SliceStable(rangeJoin, func(i, j int) bool { return len(rangeJoin[i]) > len(rangeJoin[j]) })
}

// digitValue returns the value of a decimal digit in any script counterscam
// reads (ASCII, full-width, Khmer, Thai, Lao, Myanmar), or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	case r >= 0x17E0 && r <= 0x17E9: // Khmer
		return int(r - 0x17E0)
	case r >= 0x0E50 && r <= 0x0E59: // Thai
		return int(r - 0x0E50)
	case r >= 0x0ED0 && r <= 0x0ED9: // Lao
		return int(r - 0x0ED0)
	case r >= 0x1040 && r <= 0x1049: // Myanmar
		return int(r - 0x1040)
	}
	return -1
}

func isCJKNumeral(r rune) bool {
	if _, ok := digitCJK[r]; ok {
		return true
	}
	_, ok1 := smallCJK[r]
	_, ok2 := bigCJK[r]
	return ok1 || ok2
}

// ParseAmounts finds sums of money in text: numbers in any of the scripts
// above with thousands separators and decimals, multipliers (k, 만, 万,
// triệu, ล้าน, លាន...), currency signs and words before or after, ranges,
// and the period they are paid for. A bare number with none of currency,
// period, multiplier or pay word is not an amount and is left out.
func ParseAmounts(text string) []Amount {
	if hasCombiningMark(text) {
		return parseAmountsComposed(text)
	}
	return parseAmounts(text)
}

// parseAmounts is ParseAmounts on text as it is.
func parseAmounts(text string) []Amount {
	var out []Amount
	for i := 0; i < len(text) && len(out) < MaxAmounts; {
		c := text[i]
		if c < utf8.RuneSelf && (c < '0' || c > '9') {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if digitValue(r) < 0 && !isCJKNumeral(r) {
			i += w
			continue
		}
		a, next, ok := parseAmountAt(text, i)
		if ok {
			out = append(out, a)
		}
		if next <= i {
			next = i + w
		}
		i = next
	}
	return out
}

// parseAmountAt tries an amount whose number starts at i. It returns where
// scanning should go on.
func parseAmountAt(text string, i int) (Amount, int, bool) {
	a := Amount{Start: i, PrefixStart: i}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	first, _ := utf8.DecodeRuneInString(text[i:])
	cjkOnly := digitValue(first) < 0
	// Inside a word or identifier: "A320", "+855 12...", "#42".
	if i > 0 && !cjkOnly && (isWordRune(prev) || prev == '+' || prev == '#' || prev == '@' || prev == '_' || digitValue(prev) >= 0) {
		// "USD3000" and "RM15,000" are amounts; "A320" is not.
		if _, s := currencyBefore(text[:i], i); s < 0 || !isWordRune(prev) {
			return a, skipWord(text, i), false
		}
	}
	var v float64
	var end int
	if cjkOnly {
		if i > 0 && (unicode.Is(unicode.Hangul, prev) || unicode.Is(unicode.Han, prev)) {
			// Mid-word: only a pay word right before lets it count ("月薪三万").
			if _, _, ok := payWordBefore(text, i); !ok {
				return a, i + utf8.RuneLen(first), false
			}
		}
		var ok bool
		v, end, ok = parseCJKNumeral(text, i)
		if !ok {
			return a, i + utf8.RuneLen(first), false
		}
		a.Scaled = true
	} else {
		var ok bool
		v, end, ok = parseNumber(text, i)
		if !ok {
			return a, end, false
		}
	}
	var scaled bool
	numEnd := end
	v, end, scaled = applyMultipliers(text, end, v)
	a.hint = multiplierCurrency(text[numEnd:end])
	a.Scaled = a.Scaled || scaled
	a.Value, a.High = v, v
	// Range.
	if j, ok := skipRangeJoin(text, end); ok {
		if _, n := matchPrefixTok(text, j, currencyPrefix); n > 0 {
			j = skipSpaces(text, j+n)
		}
		if r2, _ := utf8.DecodeRuneInString(text[j:]); digitValue(r2) >= 0 {
			if v2, e2, ok2 := parseNumber(text, j); ok2 {
				v2s, e2s, sc2 := applyMultipliers(text, e2, v2)
				if a.hint == "" {
					a.hint = multiplierCurrency(text[e2:e2s])
				}
				lo := a.Value
				if sc2 && !a.Scaled && v2 > 0 && a.Value*(v2s/v2) <= v2s {
					lo = a.Value * (v2s / v2) // "500~1000만": both ends in 만
				}
				if lo <= v2s {
					a.Value, a.High, end = lo, v2s, e2s
					a.Scaled = a.Scaled || sc2
				}
			}
		}
	}
	// Currency after.
	if cur, n := matchSuffixTok(text, end, currencySuffix); n > 0 {
		a.Currency, end = cur, n
	}
	// Period after.
	if p, n := matchSuffixTok(text, end, periodSuffix); n > 0 {
		a.Period, end = Period(p), n
	}
	// Currency before.
	start := i
	if a.Currency == "" {
		if cur, n := currencyBefore(text, i); n >= 0 {
			a.Currency, start = cur, n
		}
	}
	// Pay word before.
	if p, s, ok := payWordBefore(text, start); ok {
		a.Pay = true
		a.PrefixStart = s
		if a.Period == PeriodNone && p != "" {
			a.Period = Period(p)
		}
	} else {
		a.PrefixStart = start
		// Pay word after: "30萬台幣的薪資", "$800 salary".
		if n := payWordAfter(text, end); n > 0 {
			a.Pay, end = true, n
		}
	}
	a.Start = start
	a.End = end
	a.Text = text[a.Start:a.End]
	if cjkOnly && a.Currency == "" && !a.Pay {
		return a, end, false
	}
	if a.Currency == "" && !a.Pay && !a.Scaled && (a.Period == PeriodNone || a.High < 100) {
		// A bare number, or a duration ("3 tháng", "12 เดือน", "3월" is March).
		return a, end, false
	}
	return a, end, true
}

// skipWord returns the end of the run of letters and digits at i.
func skipWord(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) && digitValue(r) < 0 && r != '.' && r != ',' && r != '-' {
			break
		}
		i += w
	}
	return i
}

func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\t' {
			break
		}
		i += w
	}
	return i
}

// parseNumber reads digits with thousands separators and at most one
// decimal part. ok is false for what looks like an identifier (a leading
// zero, or more than 15 digits); end then skips it.
func parseNumber(text string, i int) (v float64, end int, ok bool) {
	var digits []byte
	dec := -1 // index in digits where the decimals start
	group := 0
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if d := digitValue(r); d >= 0 {
			digits = append(digits, byte('0'+d))
			group++
			j += w
			continue
		}
		isSep := r == ',' || r == '.' || r == '，' || r == '．' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\''
		if !isSep || len(digits) == 0 {
			break
		}
		// Count the digits after the separator.
		k, jj := 0, j+w
		for jj < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[jj:])
			if digitValue(r2) < 0 {
				break
			}
			k++
			jj += w2
		}
		space := r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\''
		if k == 3 && dec < 0 && (!space || group <= 3) {
			group = 0
			j += w
			continue
		}
		if !space && r != '\'' && dec < 0 && k > 0 && k != 3 {
			dec = len(digits)
			j += w
			continue
		}
		break
	}
	end = j
	if len(digits) == 0 {
		return 0, end, false
	}
	intDigits := len(digits)
	if dec >= 0 {
		intDigits = dec
	}
	if intDigits > 15 || (digits[0] == '0' && intDigits > 1) {
		return 0, end, false
	}
	s := string(digits)
	if dec >= 0 {
		s = s[:dec] + "." + s[dec:]
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, end, false
	}
	return v, end, true
}

// parseCJKNumeral reads a number written in Chinese or Sino-Korean
// numerals ("三万", "천만", "오백만"). It needs at least one multiplier.
func parseCJKNumeral(text string, i int) (float64, int, bool) {
	total, section, cur := 0.0, 0.0, -1.0
	hasMult := false
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if d, ok := digitCJK[r]; ok {
			if cur >= 0 {
				break // two digits in a row is not a numeral
			}
			cur = d
		} else if m, ok := smallCJK[r]; ok {
			if cur < 0 {
				cur = 1
			}
			section += cur * m
			cur = -1
			hasMult = true
		} else if m, ok := bigCJK[r]; ok {
			if cur > 0 {
				section += cur
			}
			if section == 0 {
				section = 1
			}
			total += section * m
			section, cur = 0, -1
			hasMult = true
		} else {
			break
		}
		j += w
	}
	if cur > 0 {
		section += cur
	}
	total += section
	return total, j, hasMult && total > 0
}

// applyMultipliers reads multipliers after a number at i: composed East
// Asian ones ("1억 2천만", "3万", "1,000만") or one word multiplier ("3k",
// "15 triệu", "5 ล้าน").
func applyMultipliers(text string, i int, v float64) (float64, int, bool) {
	total, section := 0.0, v
	scaled := false
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if m, ok := smallCJK[r]; ok {
			section *= m
			scaled = true
			j += w
			continue
		}
		if m, ok := bigCJK[r]; ok {
			total += section * m
			section = 0
			scaled = true
			j += w
			// "1억 2천만": another number may follow.
			k := skipSpaces(text, j)
			if r2, _ := utf8.DecodeRuneInString(text[k:]); digitValue(r2) >= 0 {
				if v2, e2, ok2 := parseNumber(text, k); ok2 {
					if r3, _ := utf8.DecodeRuneInString(text[e2:]); smallCJK[r3] > 0 || bigCJK[r3] > 0 {
						section, j = v2, e2
						continue
					}
				}
			}
			break
		}
		break
	}
	total += section
	if scaled {
		return total, j, true
	}
	if m, n := matchSuffixTok(text, j, wordMultipliers); n > 0 {
		f, _ := strconv.ParseFloat(m, 64)
		return v * f, n, true
	}
	return v, j, false
}

// multiplierCurrency is the currency a written multiplier implies, or "".
func multiplierCurrency(m string) string {
	m = strings.ToLower(strings.TrimSpace(m))
	switch m {
	case "":
		return ""
	case "tr", "triệu", "trieu", "nghìn", "nghin", "ngàn", "ngan", "tỷ", "tỉ":
		return "VND"
	case "juta", "jt", "jta", "ribu", "rb", "rebu", "miliar", "milyar":
		return "IDR"
	}
	for _, r := range m {
		if unicode.Is(unicode.Hangul, r) {
			return "KRW"
		}
	}
	return ""
}

// firstRune is the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// skipRangeJoin returns where the second number of a range would start.
func skipRangeJoin(text string, i int) (int, bool) {
	j := skipSpaces(text, i)
	for _, s := range rangeJoin {
		if hasPrefixFold(text[j:], s) {
			k := j + len(s)
			if isWordRune(firstRune(s)) && k < len(text) {
				if r, _ := utf8.DecodeRuneInString(text[k:]); isWordRune(r) {
					continue
				}
			}
			return skipSpaces(text, k), true
		}
	}
	return i, false
}

// hasPrefixFold is strings.HasPrefix with ASCII letters compared without case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if a == b {
			continue
		}
		if 'A' <= a && a <= 'Z' && a+'a'-'A' == b {
			continue
		}
		return false
	}
	return true
}

// hasSuffixFold is strings.HasSuffix with ASCII letters compared without case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasPrefixFold(s[len(s)-len(suffix):], suffix)
}

// endsWord reports whether a token ending at k is not glued to the next
// word: Latin tokens need a non-letter after them, Hangul ones a non-Hangul.
func endsWord(text string, k int, t string) bool {
	if k >= len(text) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	next, _ := utf8.DecodeRuneInString(text[k:])
	switch {
	case isWordRune(last):
		return !isWordRune(next)
	case t == "월":
		// "300만원 월세" is rent; Korean particles may follow other words.
		return !unicode.Is(unicode.Hangul, next)
	}
	return true
}

// matchSuffixTok matches the longest token at i (after spaces, unless the
// token must be attached) and returns its value and end.
func matchSuffixTok(text string, i int, toks []tok) (string, int) {
	j := skipSpaces(text, i)
	for _, t := range toks {
		at := j
		if t.attached {
			at = i
		}
		if hasPrefixFold(text[at:], t.s) && endsWord(text, at+len(t.s), t.s) {
			return t.v, at + len(t.s)
		}
	}
	return "", 0
}

// matchPrefixTok matches a token that starts exactly at i.
func matchPrefixTok(text string, i int, toks []tok) (string, int) {
	for _, t := range toks {
		if hasPrefixFold(text[i:], t.s) && endsWord(text, i+len(t.s), t.s) {
			return t.v, len(t.s)
		}
	}
	return "", 0
}

// currencyBefore finds a currency sign or code that ends right before i
// (one space allowed) and returns it with its start, or start -1.
func currencyBefore(text string, i int) (string, int) {
	j := i
	for j > 0 && text[j-1] == ' ' && i-j < 1 {
		j--
	}
	head := text[:j]
	for _, t := range currencyPrefix {
		if hasSuffixFold(head, t.s) {
			s := len(head) - len(t.s)
			if s > 0 && isWordRune(firstRune(t.s)) {
				if r, _ := utf8.DecodeLastRuneInString(head[:s]); isWordRune(r) {
					continue
				}
			}
			return t.v, s
		}
	}
	return "", -1
}

// payWordAfter finds a pay word right after an amount ending at i (spaces
// and a Chinese 的 allowed before it) and returns the word's end, or 0.
// Chinese puts the pay word after the sum as often as before it
// ("提供30萬台幣的薪資"); English sometimes does ("$800 salary").
func payWordAfter(text string, i int) int {
	j := skipSpaces(text, i)
	if strings.HasPrefix(text[j:], "的") {
		j = skipSpaces(text, j+len("的"))
	}
	for _, w := range paySuffix {
		if hasPrefixFold(text[j:], w) && endsWord(text, j+len(w), w) {
			return j + len(w)
		}
	}
	return 0
}

// payWordBefore finds a pay word before i, allowing spaces, a colon and a
// few filler words in between. It returns the period the word implies ("" if
// none) and where the word starts.
func payWordBefore(text string, i int) (string, int, bool) {
	lo := i - 48
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	head := strings.TrimRight(text[lo:i], " \u00a0\t:：=-~")
	if head == "" {
		return "", 0, false
	}
	if c := head[len(head)-1]; c < utf8.RuneSelf && !(c|0x20 >= 'a' && c|0x20 <= 'z') && c != '.' {
		return "", 0, false // no word ends here ("1 1-1", "(3)")
	}
	for step := 0; step < 4; step++ {
		head = strings.TrimRight(head, " \u00a0\t:：=-~")
		stripped := false
		for _, f := range fillers {
			if hasSuffixFold(head, f) {
				s := len(head) - len(f)
				if s > 0 && isWordRune(firstRune(f)) {
					if r, _ := utf8.DecodeLastRuneInString(head[:s]); isWordRune(r) {
						continue
					}
				}
				head = head[:s]
				stripped = true
				break
			}
		}
		if !stripped {
			break
		}
	}
	head = strings.TrimRight(head, " \u00a0\t:：=-~")
	for _, t := range payPrefix {
		if !hasSuffixFold(head, t.s) {
			continue
		}
		s := len(head) - len(t.s)
		if s > 0 {
			r, _ := utf8.DecodeLastRuneInString(head[:s])
			if isWordRune(firstRune(t.s)) && isWordRune(r) {
				continue
			}
			// "3월" is March, not "a month".
			if (t.s == "월" || t.s == "월급") && digitValue(r) >= 0 {
				continue
			}
		}
		p := ""
		if k := strings.IndexByte(t.v, ':'); k >= 0 {
			p = t.v[k+1:]
		}
		return p, lo + s, true
	}
	return "", 0, false
}
