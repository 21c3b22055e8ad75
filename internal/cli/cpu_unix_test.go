//go:build unix

package cli

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used so far:
// benchmarks report it per operation, since on a shared machine wall time
// is mostly waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
