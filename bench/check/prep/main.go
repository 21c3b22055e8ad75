// Command prep rewrites bench/gen's CSV (every report AMBER, one origin
// per community) so that a good share of selectors is publicly listed
// under the publication rule: it marks a share of the reports CLEAR and
// files about half of those with the partner country's police instead, so
// that selectors named by several CLEAR reports often have two independent
// sources.
//
//	go run ./bench/gen -n 350000 | go run ./bench/check/prep -clear 0.6 > reports.csv
//
// The choice is a hash of the row number: the same input gives the same output.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
)

// partner is the other origin a CLEAR report may come from.
var partner = map[string]string{"KNPA": "CNP", "CNP": "KNPA", "RTP": "KNPA", "MPS-VN": "CNP", "MPS-CN": "KNPA"}

func main() {
	clear := flag.Float64("clear", 0.6, "share of reports marked TLP:CLEAR")
	flag.Parse()
	if err := run(os.Stdin, os.Stdout, *clear); err != nil {
		fmt.Fprintln(os.Stderr, "prep:", err)
		os.Exit(1)
	}
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

func run(in io.Reader, out io.Writer, share float64) error {
	r := csv.NewReader(bufio.NewReaderSize(in, 1<<20))
	r.ReuseRecord = true
	bw := bufio.NewWriterSize(out, 1<<20)
	w := csv.NewWriter(bw)
	head, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	tlp, origin := col["tlp"], col["origin"]
	if _, ok := col["tlp"]; !ok {
		return fmt.Errorf("no tlp column")
	}
	if err := w.Write(head); err != nil {
		return err
	}
	for n := uint64(0); ; n++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		h := mix(n + 0x1234)
		if float64(h%1_000_000) < share*1_000_000 {
			row[tlp] = "CLEAR"
			if p, ok := partner[row[origin]]; ok && h>>32&1 == 1 {
				row[origin] = p
			}
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
