package cli

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"counterscam/internal/trust"
)

func init() {
	register(&command{name: "rebuild", summary: "recompute every network from the stored links", run: runRebuild})
}

// runRebuild recomputes the networks from scratch, as a "does not link"
// mark does, and says how long it took: reading and partitioning the
// links, then storing every report's network and every summary.
func runRebuild(e *env) error {
	fs := newFlags(e, "rebuild", "rebuild [--data DIR | --db DSN]")
	var sf storeFlags
	sf.register(fs)
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the rebuild to this file")
	args, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{"rebuild takes no arguments"}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	svc, st, err := sf.service(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	rs, err := svc.RebuildNetworks(e.ctx, trust.Operator())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rebuild: %d linked reports in %d networks of two or more, in %s (links read and partitioned in %s, networks stored in %s)\n",
		rs.Reports, rs.Networks, time.Since(start).Round(time.Millisecond), rs.Partition.Round(time.Millisecond), rs.Store.Round(time.Millisecond))
	return nil
}
