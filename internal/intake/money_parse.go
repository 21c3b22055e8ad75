package intake

import (
	"fmt"
	"math"
	"strings"
)

// parseAmount turns a decimal string in a currency's major unit into an
// integer number of minor units, exactly: "1234.5" with exponent 2 is
// 123450. It never goes through floating point. thousands, when not empty,
// is a separator to drop ("1,234,567"). The reason (and its code) is
// empty on success.
func parseAmount(s, cur string, exp int, thousands string) (int64, RowCode, string) {
	intPart, frac, code, reason := splitAmount(s, thousands)
	if reason != "" {
		return 0, code, reason
	}
	// Trailing zeros past the exponent are harmless: 12.50 USD, 100.000 KRW.
	frac = strings.TrimRight(frac, "0")
	if len(frac) > exp {
		if exp == 0 {
			return 0, RowTooManyDecimals, fmt.Sprintf("%s has decimals, but %s has no minor unit", quote(s), cur)
		}
		return 0, RowTooManyDecimals, fmt.Sprintf("%s has more than %d decimals, the most %s has", quote(s), exp, cur)
	}
	var n int64
	add := func(d byte) bool {
		if n > (math.MaxInt64-int64(d-'0'))/10 {
			return false
		}
		n = n*10 + int64(d-'0')
		return true
	}
	for i := 0; i < len(intPart); i++ {
		if !add(intPart[i]) {
			return 0, RowAmountTooLarge, fmt.Sprintf("%s is too large", quote(s))
		}
	}
	for i := 0; i < exp; i++ {
		d := byte('0')
		if i < len(frac) {
			d = frac[i]
		}
		if !add(d) {
			return 0, RowAmountTooLarge, fmt.Sprintf("%s is too large", quote(s))
		}
	}
	return n, "", ""
}

// splitAmount checks a decimal amount's syntax and splits it at the point;
// a bad amount has a reason and its code.
func splitAmount(s, thousands string) (intPart, frac string, code RowCode, reason string) {
	v := s
	if thousands != "" {
		v = strings.ReplaceAll(v, thousands, "")
	}
	if v == "" {
		return "", "", RowBadAmount, "is empty"
	}
	if v[0] == '-' {
		return "", "", RowNegative, fmt.Sprintf("%s is negative", quote(s))
	}
	if v[0] == '+' {
		v = v[1:]
	}
	if strings.ContainsAny(v, "eE") {
		return "", "", RowBadAmount, fmt.Sprintf("%s: write the amount without an exponent", quote(s))
	}
	intPart, frac, hasDot := strings.Cut(v, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		return "", "", RowBadAmount, fmt.Sprintf("%s is not a decimal amount (digits with at most one '.', such as 1500000 or 1234.56)", quote(s))
	}
	return intPart, frac, "", ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
