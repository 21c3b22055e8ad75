// Command phone measures counterscam's phone normalisation against the
// plain libphonenumber path (Parse, IsValidNumber, Format E.164) in the
// same run, on a repeating stream (10,000 distinct numbers drawn Zipf-like,
// as scam numbers recur in reports) and on a stream of numbers never seen
// before, and prints the ratios. Machines here are shared and noisy: the
// ratios hold better than the absolute numbers.
//
//	go run ./bench/phone [-n 1000000]
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/selector"

	"github.com/nyaruka/phonenumbers"
)

type input struct{ raw, region string }

var regions = []string{"KH", "KR", "TH", "VN", "CN", "PH"}

// library is the path a caller would write with the library alone.
func library(in input) (string, bool) {
	n, err := phonenumbers.Parse(in.raw, in.region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// numbers returns n distinct valid numbers written as reports write them.
func numbers(n int, seed uint64) []input {
	rng := rand.New(rand.NewPCG(seed, 7))
	seen := map[input]bool{}
	var out []input
	for len(out) < n {
		region := regions[rng.IntN(len(regions))]
		typ := phonenumbers.MOBILE
		if rng.IntN(4) == 0 {
			typ = phonenumbers.FIXED_LINE
		}
		ex := phonenumbers.GetExampleNumberForType(region, typ)
		if ex == nil {
			continue
		}
		nsn := []byte(phonenumbers.GetNationalSignificantNumber(ex))
		for i := len(nsn) - 1; i >= len(nsn)-6 && i > 1; i-- {
			nsn[i] = byte('0' + rng.IntN(10))
		}
		cc := strconv.Itoa(int(ex.GetCountryCode()))
		num, err := phonenumbers.Parse("+"+cc+string(nsn), "")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			continue
		}
		national := phonenumbers.Format(num, phonenumbers.NATIONAL)
		var in input
		switch rng.IntN(6) {
		case 0:
			in = input{phonenumbers.Format(num, phonenumbers.E164), ""}
		case 1:
			in = input{phonenumbers.Format(num, phonenumbers.INTERNATIONAL), ""}
		case 2:
			in = input{national, region}
		case 3:
			in = input{strings.ReplaceAll(national, " ", "-"), region}
		case 4:
			in = input{"00" + cc + string(nsn), region}
		case 5:
			in = input{"+" + cc + " " + string(nsn), region}
		}
		if _, ok := library(in); ok && !seen[in] {
			seen[in] = true
			out = append(out, in)
		}
	}
	return out
}

func measure(stream []input, f func(input) string) time.Duration {
	start := time.Now()
	for _, in := range stream {
		if f(in) == "" {
			fmt.Fprintf(os.Stderr, "rejected %+v\n", in)
			os.Exit(1)
		}
	}
	return time.Since(start)
}

func main() {
	total := flag.Int("n", 1_000_000, "numbers per stream")
	flag.Parse()
	distinct := numbers(10_000, 1)
	rng := rand.New(rand.NewPCG(3, 4))
	z := rand.NewZipf(rng, 1.1, 2, uint64(len(distinct)-1))
	repeating := make([]input, *total)
	for i := range repeating {
		repeating[i] = distinct[z.Uint64()]
	}
	unique := numbers(min(*total, 200_000), 2)

	lib := func(in input) string { v, _ := library(in); return v }
	for _, s := range []struct {
		name   string
		stream []input
	}{{"repeating", repeating}, {"unique", unique}} {
		n := selector.NewNormalizer(1 << 14)
		norm := func(in input) string {
			sel, err := n.ParseAs(selector.Phone, in.raw, selector.Options{Region: in.region})
			if err != nil {
				return ""
			}
			return sel.Value
		}
		// Same results first.
		for _, in := range s.stream[:min(len(s.stream), 20_000)] {
			if lib(in) != norm(in) {
				fmt.Fprintf(os.Stderr, "%+v: library %q, normalizer %q\n", in, lib(in), norm(in))
				os.Exit(1)
			}
		}
		n = selector.NewNormalizer(1 << 14)
		tl := measure(s.stream, lib)
		tn := measure(s.stream, norm)
		per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(len(s.stream)) }
		fmt.Printf("%-9s %8d numbers  library %8.0f ns/op  normalizer %8.0f ns/op  ratio %.1fx\n",
			s.name, len(s.stream), per(tl), per(tn), float64(tl)/float64(tn))
	}
}
