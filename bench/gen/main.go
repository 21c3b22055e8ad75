// Command gen writes a synthetic file of scam reports in counterscam's
// default CSV import layout, for benchmarks:
//
//	go run ./bench/gen -n 1000000 -o /tmp/reports.csv
//
// The same -seed gives the same file. It streams, whatever -n is.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"counterscam/internal/demo"
)

func main() {
	n := flag.Int("n", 1_000_000, "reports to write")
	out := flag.String("o", "-", "output file (- for standard output)")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*n, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed int64) error {
	if n < 0 {
		return fmt.Errorf("-n must not be negative")
	}
	var w io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriterSize(f, 1<<20)
		if err := demo.Synthetic(seed, n, bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		return f.Close()
	}
	return demo.Synthetic(seed, n, w)
}
