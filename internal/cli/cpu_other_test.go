//go:build !unix

package cli

import "time"

// cpuTime is unknown here: the CPU-time metric is then not reported.
func cpuTime() time.Duration { return 0 }
