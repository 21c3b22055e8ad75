package trust_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/trust"
)

// TestSignInSaysNothingOfWhoHasAnAccount: the same wrong passwords sent
// for an account and for an address nobody here has get the same
// answers, one after the other: refused, then throttled for as long, then
// locked. Were only accounts throttled, the fourth try would tell which
// addresses of a police unit are users here.
func TestSignInSaysNothingOfWhoHasAnAccount(t *testing.T) {
	ts, _, c, _ := setUp(t)
	ctx := context.Background()
	// Each from its own source address, which has its own throttle
	// (TestSignInThrottledBySource).
	answers := func(email, addr string) []string {
		var out []string
		for range 24 {
			_, err := ts.Login(ctx, email, "wrong password!!", "", addr)
			var th *trust.ThrottledError
			switch {
			case errors.As(err, &th):
				out = append(out, fmt.Sprintf("throttled %s", th.RetryAfter))
				c.Advance(th.RetryAfter)
			case errors.Is(err, trust.ErrUnauthorized):
				out = append(out, "refused")
			default:
				t.Fatalf("%s: %v", email, err)
			}
		}
		return out
	}
	known := answers("analyst@knpa.test", "10.0.0.2")
	unknown := answers("nobody@knpa.test", "10.0.0.3")
	if !slices.Contains(known, fmt.Sprintf("throttled %s", 15*time.Minute)) {
		t.Fatalf("the account's answers %q hold no lock-out", known)
	}
	if !slices.Equal(known, unknown) {
		t.Errorf("answers for an account:\n%q\nfor nobody's address:\n%q", known, unknown)
	}
}

// TestSignInThrottledBySource: one address trying a wrong password on
// many accounts (each below its own throttle) is throttled after
// auth.SourceThrottle's free failures, whoever it tries next, the right
// password included; another address is not; once the wait is over, a
// sign-in that succeeds starts the address's count again.
func TestSignInThrottledBySource(t *testing.T) {
	ts, _, c, _ := setUp(t)
	ctx := context.Background()
	free := auth.SourceThrottle.FreeFailures
	for i := range free {
		_, err := ts.Login(ctx, fmt.Sprintf("person%d@knpa.test", i), "wrong password!!", "", "203.0.113.9")
		if !errors.Is(err, trust.ErrUnauthorized) {
			t.Fatalf("failure %d from the address: %v, want refused", i+1, err)
		}
	}
	var th *trust.ThrottledError
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "203.0.113.9"); !errors.As(err, &th) || th.RetryAfter != time.Second {
		t.Fatalf("after %d failures from the address, the right password: %v, want throttled for 1s", free, err)
	}
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "198.51.100.7"); err != nil {
		t.Fatalf("the same account from another address: %v", err)
	}
	c.Advance(time.Second)
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "203.0.113.9"); err != nil {
		t.Fatalf("after the wait, the right password: %v", err)
	}
	for i := range free {
		if _, err := ts.Login(ctx, fmt.Sprintf("person%d@knpa.test", i), "wrong password!!", "", "203.0.113.9"); !errors.Is(err, trust.ErrUnauthorized) {
			t.Fatalf("failure %d after a success from the address: %v, want refused (the count starts again)", i+1, err)
		}
	}
}
