package auth

import (
	"net/netip"
	"time"
)

// Throttle is the log-in back-off and lock-out policy. It is pure: the
// store keeps, per account, the number of consecutive failed attempts and
// the time of the last one (the trust service keeps them in memory for
// addresses that are no account and, separately, per source address),
// resets them on success, and asks Decide before checking a password.
//
// With DefaultThrottle:
//
//	failures 0-2   no delay
//	failures 3-9   wait 1 s, 2 s, 4 s ... 64 s after the last failure
//	failures 10+   locked for 15 min after the last failure
//
// After a lock-out expires one attempt is allowed; if it fails too, the
// count stays at or above MaxFailures and the lock starts again, so a
// guesser gets one try per LockFor. The lock is deliberately short: an
// attacker can also lock a victim out, and 15 minutes limits that harm
// while keeping guessing to about 100 tries a day.
type Throttle struct {
	FreeFailures int           // failures allowed before any delay
	BaseDelay    time.Duration // delay after FreeFailures failures; doubles with each further failure, up to LockFor (or an hour without a lock)
	MaxFailures  int           // failures that lock the account; 0: never lock
	LockFor      time.Duration // length of a lock-out, from the last failure
}

// DefaultThrottle is the policy for human log-ins.
var DefaultThrottle = Throttle{FreeFailures: 3, BaseDelay: time.Second, MaxFailures: 10, LockFor: 15 * time.Minute}

// SourceThrottle is the policy per source address, against one address
// trying a few passwords on each of many accounts (which the per-account
// policy lets through): 20 failures in a row from an address are free
// (an office's colleagues behind one address mistype too), then it waits
// 1 s, 2 s, 4 s ... up to an hour, never locked; a sign-in that succeeds
// from it starts the count again. About 50 tries a day from one address
// for someone who holds no account here (one who does can restart the
// count by signing in).
var SourceThrottle = Throttle{FreeFailures: 20, BaseDelay: time.Second}

// Decide reports whether an attempt may be made at now, given the number
// of consecutive failures and the time of the last one; when not, how long
// to wait (for a Retry-After header). A lastFailure later than now (clock
// skew between nodes) counts as now.
func (th Throttle) Decide(failures int, lastFailure, now time.Time) (allowed bool, retryAfter time.Duration) {
	wait := th.delay(failures)
	if wait <= 0 {
		return true, 0
	}
	elapsed := max(now.Sub(lastFailure), 0)
	if elapsed >= wait {
		return true, 0
	}
	return false, wait - elapsed
}

// delay is how long after the last failure the next attempt must wait.
func (th Throttle) delay(failures int) time.Duration {
	if th.MaxFailures > 0 && failures >= th.MaxFailures {
		return th.LockFor
	}
	if failures < th.FreeFailures || th.BaseDelay <= 0 {
		return 0
	}
	d := th.BaseDelay
	for range failures - th.FreeFailures {
		d *= 2
		if th.LockFor > 0 && d >= th.LockFor {
			// Back-off never exceeds a lock-out (and cannot overflow).
			return th.LockFor
		}
		if d > time.Hour {
			return time.Hour
		}
	}
	return d
}

// SourceKey is the key a client address is counted under by the
// per-address limits (sign-in, public checks and reports): the address
// itself for IPv4, its /64 network for IPv6 (one subscriber or site gets
// a /64 or more, so single addresses would give one client millions of
// budgets). What is no address is its own key.
func SourceKey(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, _ := a.WithZone("").Prefix(64)
	return p.String()
}
