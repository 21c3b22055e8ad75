package match

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Date is a possibly partial date of birth: a zero Month or Day is unknown.
// A zero Date is unknown altogether.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether nothing is known.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// String writes YYYY-MM-DD, YYYY-MM or YYYY, with "??" for an unknown month
// before a known day.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0 && d.Day == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case d.Month == 0:
		return fmt.Sprintf("%04d-??-%02d", d.Year, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ErrDate is returned (wrapped) for text that is not a date of birth.
var ErrDate = errors.New("not a date of birth")

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ParseDate reads a date of birth as partner lists write them:
//
//	1990-03-05  1990.03.05  1990/3/5  19900305   (year first)
//	05/03/1990  5-3-1990  05.03.1990             (day first, as in Cambodia)
//	5 Mar 1990  05-MAR-1990  March 5, 1990
//	1990-03  03/1990  1990                      (partial)
//	1990-00-00  1990-XX-XX  00/00/1990          (unknown parts)
//	1990년 3월 5일                                (Korean)
//
// Years must lie in 1900..2099. A day-first date whose first number is over
// 12 and second at most 12 is read day-first; when both are at most 12 the
// day-first reading is kept (the swap is scored in Compare).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return Date{}, fmt.Errorf("%w: empty", ErrDate)
	}
	s = strings.NewReplacer("년", " ", "월", " ", "일", " ", ",", " ").Replace(s)
	if len(s) == 8 && allDigits(s) {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ' ' || r == '\t'
	})
	if len(fields) == 0 || len(fields) > 3 {
		return Date{}, fmt.Errorf("%w: %q", ErrDate, s)
	}
	nums := make([]int, len(fields))
	month := 0 // position+1 of a month name
	for i, f := range fields {
		if len(f) >= 3 && f[0] >= 'a' && f[0] <= 'z' {
			m, ok := monthNames[f[:3]]
			if !ok || month != 0 {
				return Date{}, fmt.Errorf("%w: %q", ErrDate, s)
			}
			nums[i], month = m, i+1
			continue
		}
		if f == "xx" || f == "??" || f == "x" || f == "xxxx" {
			nums[i] = 0
			continue
		}
		if len(f) > 4 || !allDigits(f) {
			return Date{}, fmt.Errorf("%w: %q", ErrDate, s)
		}
		nums[i], _ = strconv.Atoi(f)
		if len(f) == 4 && nums[i] == 0 {
			return Date{}, fmt.Errorf("%w: year unknown in %q", ErrDate, s)
		}
		if len(f) == 4 {
			nums[i] += 10000 // mark a four-digit field as the year
		}
	}
	var d Date
	yearAt := -1
	for i, n := range nums {
		if n >= 10000 {
			if yearAt >= 0 {
				return Date{}, fmt.Errorf("%w: two years in %q", ErrDate, s)
			}
			yearAt, d.Year, nums[i] = i, n-10000, 0
		}
	}
	if yearAt < 0 {
		return Date{}, fmt.Errorf("%w: no four-digit year in %q", ErrDate, s)
	}
	rest := append(append([]int{}, nums[:yearAt]...), nums[yearAt+1:]...)
	switch {
	case len(rest) == 0:
	case month != 0:
		d.Month = nums[month-1]
		for i, n := range nums {
			if i != month-1 && i != yearAt {
				d.Day = n
			}
		}
	case len(rest) == 1:
		d.Month = rest[0]
	case yearAt == 0: // Y M D
		d.Month, d.Day = rest[0], rest[1]
	default: // D M Y, unless the first cannot be a day-first month
		d.Day, d.Month = rest[0], rest[1]
		if d.Month > 12 && d.Day <= 12 {
			d.Day, d.Month = d.Month, d.Day
		}
	}
	if d.Year < 1900 || d.Year > 2099 || d.Month > 12 || d.Day > 31 || d.Month < 0 || d.Day < 0 {
		return Date{}, fmt.Errorf("%w: out of range in %q", ErrDate, s)
	}
	if d.Day > daysIn(d.Year, d.Month) {
		return Date{}, fmt.Errorf("%w: no such day in %q", ErrDate, s)
	}
	return d, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func daysIn(y, m int) int {
	switch m {
	case 0:
		return 31
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dateAgreement is how two dates of birth relate, from best to worst.
type dateAgreement int

const (
	dateMissing     dateAgreement = iota // one side unknown
	dateExact                            // all three parts equal
	datePartialSame                      // equal on every part both know (one is partial)
	dateSwapped                          // day and month swapped
	dateTypo                             // one digit differs, or two adjacent digits swapped
	dateYearOnly                         // same year, month or day differ
	dateYearNear                         // month and day equal, year off by one
	dateDiffer
)

// compareDates classifies two dates and says why in words.
func compareDates(a, b Date) (dateAgreement, string) {
	if a.Year == 0 || b.Year == 0 {
		return dateMissing, "date of birth: missing on one side"
	}
	if a == b {
		if a.Month != 0 && a.Day != 0 {
			return dateExact, "date of birth: equal (" + a.String() + ")"
		}
		return datePartialSame, "date of birth: equal as far as known (" + a.String() + ")"
	}
	full := a.Month != 0 && a.Day != 0 && b.Month != 0 && b.Day != 0
	if a.Year == b.Year && (a.Month == 0 || b.Month == 0 || a.Month == b.Month) && (a.Day == 0 || b.Day == 0 || a.Day == b.Day) {
		var what string
		switch {
		case a.Month == 0 || b.Month == 0:
			what = "same year, month unknown on one side"
		default:
			what = "same year and month, day missing"
		}
		return datePartialSame, "date of birth: " + what + " (" + a.String() + " / " + b.String() + ")"
	}
	if full && a.Year == b.Year && a.Month == b.Day && a.Day == b.Month {
		return dateSwapped, "date of birth: day and month swapped (" + a.String() + " / " + b.String() + ")"
	}
	if full && digitTypo(dateDigits(a), dateDigits(b)) {
		return dateTypo, "date of birth: one digit differs (" + a.String() + " / " + b.String() + ")"
	}
	if a.Year == b.Year {
		return dateYearOnly, "date of birth: same year only (" + a.String() + " / " + b.String() + ")"
	}
	if full && a.Month == b.Month && a.Day == b.Day && (a.Year-b.Year == 1 || b.Year-a.Year == 1) {
		return dateYearNear, "date of birth: same day, year off by one (" + a.String() + " / " + b.String() + ")"
	}
	return dateDiffer, "date of birth: differs (" + a.String() + " / " + b.String() + ")"
}

// digitTypo reports whether two equal-length strings differ in one place or
// by one swap of neighbours.
func digitTypo(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if diff >= 0 {
				return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && strings.EqualFold(a[i+1:], b[i+1:])
			}
			diff = i
		}
	}
	return true
}

// classifyDates is compareDates without the words, for scoring many pairs.
func classifyDates(a, b Date) dateAgreement {
	if a.Year == 0 || b.Year == 0 {
		return dateMissing
	}
	if a == b {
		if a.Month != 0 && a.Day != 0 {
			return dateExact
		}
		return datePartialSame
	}
	full := a.Month != 0 && a.Day != 0 && b.Month != 0 && b.Day != 0
	if a.Year == b.Year && (a.Month == 0 || b.Month == 0 || a.Month == b.Month) && (a.Day == 0 || b.Day == 0 || a.Day == b.Day) {
		return datePartialSame
	}
	if full && a.Year == b.Year && a.Month == b.Day && a.Day == b.Month {
		return dateSwapped
	}
	if full && digitTypo(dateDigits(a), dateDigits(b)) {
		return dateTypo
	}
	if a.Year == b.Year {
		return dateYearOnly
	}
	if full && a.Month == b.Month && a.Day == b.Day && (a.Year-b.Year == 1 || b.Year-a.Year == 1) {
		return dateYearNear
	}
	return dateDiffer
}

// dateDigits writes YYYYMMDD into a fixed array, without allocating.
func dateDigits(d Date) string {
	var buf [8]byte
	v := d.Year*10000 + d.Month*100 + d.Day
	for i := 7; i >= 0; i-- {
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[:])
}
