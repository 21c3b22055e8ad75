package match

import "testing"

func TestParseDate(t *testing.T) {
	ok := map[string]Date{
		"1990-03-05":    {1990, 3, 5},
		"19900305":      {1990, 3, 5},
		"1990.3.5":      {1990, 3, 5},
		"05/03/1990":    {1990, 3, 5},
		"25/12/1990":    {1990, 12, 25},
		"12/25/1990":    {1990, 12, 25}, // month first only when day-first is impossible
		"5 Mar 1990":    {1990, 3, 5},
		"05-MAR-1990":   {1990, 3, 5},
		"March 5, 1990": {1990, 3, 5},
		"1990-03":       {1990, 3, 0},
		"03/1990":       {1990, 3, 0},
		"1990":          {1990, 0, 0},
		"1990-00-00":    {1990, 0, 0},
		"1990-XX-XX":    {1990, 0, 0},
		"1990년 3월 5일":   {1990, 3, 5},
		"2000-02-29":    {2000, 2, 29},
	}
	for in, want := range ok {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "05/03/90", "1990-13-01", "1899-01-01", "1990-02-30", "1900-02-29", "1990 1991", "32/01/1990", "1990-1-2-3"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, d)
		}
	}
}

func TestCompareDates(t *testing.T) {
	cases := []struct {
		a, b Date
		want dateAgreement
	}{
		{Date{1990, 3, 5}, Date{1990, 3, 5}, dateExact},
		{Date{1990, 3, 5}, Date{1990, 3, 0}, datePartialSame},
		{Date{1990, 3, 5}, Date{1990, 0, 0}, datePartialSame},
		{Date{1990, 3, 5}, Date{1990, 5, 3}, dateSwapped},
		{Date{1990, 3, 5}, Date{1990, 3, 6}, dateTypo},
		{Date{1990, 3, 5}, Date{1980, 3, 5}, dateTypo},
		{Date{1990, 3, 5}, Date{1990, 8, 20}, dateYearOnly},
		{Date{1990, 3, 5}, Date{1991, 3, 5}, dateTypo},
		{Date{1989, 3, 5}, Date{1990, 3, 5}, dateYearNear},
		{Date{1990, 3, 5}, Date{1975, 7, 21}, dateDiffer},
		{Date{}, Date{1990, 3, 5}, dateMissing},
	}
	for _, c := range cases {
		got, detail := compareDates(c.a, c.b)
		if got != c.want || classifyDates(c.a, c.b) != c.want {
			t.Errorf("compareDates(%v, %v) = %v (%s), classify %v; want %v", c.a, c.b, got, detail, classifyDates(c.a, c.b), c.want)
		}
	}
}
