package auth

import (
	"testing"
	"time"
)

func TestThrottleDefault(t *testing.T) {
	t0 := time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
	s := time.Second
	for _, c := range []struct {
		failures int
		since    time.Duration // now - lastFailure
		allowed  bool
		retry    time.Duration
	}{
		{0, 0, true, 0},
		{1, 0, true, 0},
		{2, 0, true, 0},
		{3, 0, false, 1 * s},
		{3, 500 * time.Millisecond, false, 500 * time.Millisecond},
		{3, 1 * s, true, 0},
		{4, 0, false, 2 * s},
		{4, 1 * s, false, 1 * s},
		{4, 2 * s, true, 0},
		{5, 0, false, 4 * s},
		{6, 0, false, 8 * s},
		{7, 0, false, 16 * s},
		{8, 0, false, 32 * s},
		{9, 0, false, 64 * s},
		{9, 64 * s, true, 0},
		{10, 0, false, 15 * time.Minute},
		{10, 14 * time.Minute, false, time.Minute},
		{10, 15 * time.Minute, true, 0},
		{11, 0, false, 15 * time.Minute},
		{1000000, 0, false, 15 * time.Minute},
		{4, -10 * s, false, 2 * s}, // last failure in the future: clock skew
		{-1, 0, true, 0},
	} {
		allowed, retry := DefaultThrottle.Decide(c.failures, t0, t0.Add(c.since))
		if allowed != c.allowed || retry != c.retry {
			t.Errorf("Decide(%d failures, %v later) = %v, %v; want %v, %v", c.failures, c.since, allowed, retry, c.allowed, c.retry)
		}
	}
}

func TestThrottleOtherPolicies(t *testing.T) {
	t0 := time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name     string
		th       Throttle
		failures int
		allowed  bool
		retry    time.Duration
	}{
		{"zero policy never delays", Throttle{}, 1000, true, 0},
		{"no lock: back-off capped at an hour", Throttle{BaseDelay: time.Second}, 62, false, time.Hour},
		{"no lock: back-off from the first failure", Throttle{BaseDelay: time.Second}, 1, false, 2 * time.Second},
		{"back-off capped at the lock length", Throttle{BaseDelay: time.Minute, MaxFailures: 100, LockFor: 5 * time.Minute}, 50, false, 5 * time.Minute},
		{"lock only", Throttle{MaxFailures: 5, LockFor: time.Hour}, 4, true, 0},
		{"lock only, locked", Throttle{MaxFailures: 5, LockFor: time.Hour}, 5, false, time.Hour},
	} {
		allowed, retry := c.th.Decide(c.failures, t0, t0)
		if allowed != c.allowed || retry != c.retry {
			t.Errorf("%s: Decide(%d) = %v, %v; want %v, %v", c.name, c.failures, allowed, retry, c.allowed, c.retry)
		}
	}
}

func TestSourceKey(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.9":          "203.0.113.9",
		"::ffff:203.0.113.9":   "203.0.113.9",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"2001:db8:1:2::ffff":   "2001:db8:1:2::/64",
		"fe80::1%eth0":         "fe80::/64",
		"console":              "console",
		"":                     "",
	} {
		if got := SourceKey(in); got != want {
			t.Errorf("SourceKey(%q) = %q, want %q", in, got, want)
		}
	}
}
