package cli

import (
	"fmt"
	"time"
)

// parseWhen reads a --since or --until value: an RFC 3339 time, or a date
// (UTC), which as an end (--until) takes in the whole day.
func parseWhen(flag, v string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("--%s: %q is neither a date (YYYY-MM-DD) nor an RFC 3339 time", flag, v)}
	}
	if end {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}
