package trust_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// disablingStore is a store on which an operator's "user disable" commits
// just after a sign-in has read the user, while it checks the password.
type disablingStore struct {
	store.Store
	ts *trust.Service // the operator's
}

func (d *disablingStore) GetUserByEmail(ctx context.Context, email string) (*store.User, error) {
	u, err := d.Store.GetUserByEmail(ctx, email)
	if err == nil && !u.Disabled {
		if _, _, err := d.ts.SetUserDisabled(ctx, trust.Operator(), email, true); err != nil {
			return nil, err
		}
	}
	return u, err
}

// TestDisableDuringSignIn: a user disabled while a sign-in of theirs is
// under way stays disabled, whether that sign-in fails or succeeds, and
// the sign-in opens no session.
func TestDisableDuringSignIn(t *testing.T) {
	const pw = "a long enough password"
	for _, c := range []struct {
		name     string
		password string
	}{{"wrong password", "wrong password!!"}, {"right password after a failure", pw}} {
		t.Run(c.name, func(t *testing.T) {
			ts, st, clk, _ := setUp(t)
			ctx := context.Background()
			// One failure first, so that a success has a count to reset.
			if _, err := ts.Login(ctx, "analyst@knpa.test", "wrong password!!", "", "10.0.0.1"); !errors.Is(err, trust.ErrUnauthorized) {
				t.Fatal(err)
			}
			racing, err := trust.New(&disablingStore{Store: st, ts: ts}, trust.Options{Now: clk.Now, Params: auth.TestParams})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := racing.Login(ctx, "analyst@knpa.test", c.password, "", "10.0.0.1"); !errors.Is(err, trust.ErrUnauthorized) {
				t.Errorf("the sign-in during the disable: %v, want refused", err)
			}
			u, err := st.GetUserByEmail(ctx, "analyst@knpa.test")
			if err != nil {
				t.Fatal(err)
			}
			if !u.Disabled {
				t.Errorf("the user disabled during a sign-in is enabled again after it")
			}
		})
	}
}

// TestDisableDuringTOTPEnrolment: a user disabled while a second factor is
// enrolled for them stays disabled, and gets the second factor.
func TestDisableDuringTOTPEnrolment(t *testing.T) {
	ts, st, clk, _ := setUp(t)
	ctx := context.Background()
	racing, err := trust.New(&disablingStore{Store: st, ts: ts}, trust.Options{Now: clk.Now, Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := racing.EnrolTOTP(ctx, trust.Operator(), "analyst@knpa.test")
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.GetUserByEmail(ctx, "analyst@knpa.test")
	if err != nil {
		t.Fatal(err)
	}
	if !u.Disabled || u.TOTPSecret != secret {
		t.Errorf("after enrolling during a disable: disabled %v, second factor kept %v", u.Disabled, u.TOTPSecret == secret)
	}
}

// barrierStore holds every sign-in's read of its user until n have read
// it: n sign-ins under way at once.
type barrierStore struct {
	store.Store
	wg sync.WaitGroup
}

func (b *barrierStore) GetUserByEmail(ctx context.Context, email string) (*store.User, error) {
	u, err := b.Store.GetUserByEmail(ctx, email)
	b.wg.Done()
	b.wg.Wait()
	return u, err
}

// TestConcurrentFailuresAllCount: wrong passwords sent at once for one
// account are counted one after the other before each check, so only the
// free ones are checked and the rest are throttled, as for an address that
// has no account; read first and counted after, they all passed the
// lock-out and were all checked.
func TestConcurrentFailuresAllCount(t *testing.T) {
	_, st, clk, _ := setUp(t)
	ctx := context.Background()
	const n = 12
	free := auth.DefaultThrottle.FreeFailures
	answers := func(email string) (refused, throttled int) {
		b := &barrierStore{Store: st}
		b.wg.Add(n)
		ts, err := trust.New(b, trust.Options{Now: clk.Now, Params: auth.TestParams})
		if err != nil {
			t.Fatal(err)
		}
		var (
			done sync.WaitGroup
			mu   sync.Mutex
		)
		for i := range n {
			done.Add(1)
			go func() {
				defer done.Done()
				_, err := ts.Login(ctx, email, "wrong password!!", "", fmt.Sprintf("198.51.100.%d", i))
				var th *trust.ThrottledError
				mu.Lock()
				defer mu.Unlock()
				switch {
				case errors.Is(err, trust.ErrUnauthorized):
					refused++
				case errors.As(err, &th):
					throttled++
				default:
					t.Errorf("%s, sign-in %d: %v", email, i, err)
				}
			}()
		}
		done.Wait()
		return refused, throttled
	}
	refused, throttled := answers("analyst@knpa.test")
	if refused != free || throttled != n-free {
		t.Errorf("%d wrong passwords at once: %d checked and refused, %d throttled; want %d and %d", n, refused, throttled, free, n-free)
	}
	u, err := st.GetUserByEmail(ctx, "analyst@knpa.test")
	if err != nil {
		t.Fatal(err)
	}
	if u.Failures != free {
		t.Errorf("stored failures %d, want %d", u.Failures, free)
	}
	if r, th := answers("nobody@knpa.test"); r != refused || th != throttled {
		t.Errorf("for an address with no account: %d refused, %d throttled; for the account %d and %d", r, th, refused, throttled)
	}
}

// TestSourceThrottleHoldsAtOnce: sign-ins sent at once from one address
// get no more password checks than auth.SourceThrottle's free failures
// (decided before any of them failed, they all went through).
func TestSourceThrottleHoldsAtOnce(t *testing.T) {
	_, st, clk, _ := setUp(t)
	ctx := context.Background()
	free := auth.SourceThrottle.FreeFailures
	n := 3 * free
	b := &barrierStore{Store: st}
	b.wg.Add(n)
	// A password check of some milliseconds, as real ones take longer.
	slow := auth.Params{Memory: 1024, Time: 8, Threads: 1, SaltLen: 16, KeyLen: 32}
	ts, err := trust.New(b, trust.Options{Now: clk.Now, Params: slow})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu               sync.Mutex
		done             sync.WaitGroup
		checked, delayed int
	)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			_, err := ts.Login(ctx, fmt.Sprintf("person%d@knpa.test", i), "wrong password!!", "", "203.0.113.9")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, trust.ErrThrottled):
				delayed++
			case errors.Is(err, trust.ErrUnauthorized):
				checked++
			default:
				t.Errorf("sign-in %d: %v", i, err)
			}
		}()
	}
	done.Wait()
	if checked != free || delayed != n-free {
		t.Errorf("%d sign-ins at once from one address: %d checked, %d throttled; want %d checked", n, checked, delayed, free)
	}
}
