package trust_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

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
	answers := func(email string) []string {
		var out []string
		for range 24 {
			_, err := ts.Login(ctx, email, "wrong password!!", "", "10.0.0.2")
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
	known := answers("analyst@knpa.test")
	unknown := answers("nobody@knpa.test")
	if !slices.Contains(known, fmt.Sprintf("throttled %s", 15*time.Minute)) {
		t.Fatalf("the account's answers %q hold no lock-out", known)
	}
	if !slices.Equal(known, unknown) {
		t.Errorf("answers for an account:\n%q\nfor nobody's address:\n%q", known, unknown)
	}
}
