// Command graph times counterscam's network partition (graph.Components) on
// a synthetic intake of scam reports, for comparison with python3-igraph's
// connected_components on the same edge list (see run.sh).
//
// It generates the graph from a seed, writes it as text ("# reports N
// selectors M edges E", then one "report selector" pair per line), reads the
// file back so that both tools see exactly the same edges, times
// graph.Components (median of -runs) and writes the component-size
// histogram ("components K", then "size count" lines, sizes counted in
// reports) for run.sh to compare.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/graph"
	"counterscam/internal/graph/graphtest"
)

func main() {
	reports := flag.Int("reports", 1_000_000, "number of reports to generate")
	seed := flag.Uint64("seed", 1, "generator seed")
	edgesPath := flag.String("edges", "bench/out/graph/edges.txt", "edge list to write")
	sizesPath := flag.String("sizes", "bench/out/graph/sizes-go.txt", "component-size histogram to write")
	runs := flag.Int("runs", 7, "timed runs (the median is reported)")
	flag.Parse()
	log.SetFlags(0)

	g := graphtest.Synth(*reports, *seed)
	if err := writeEdges(*edgesPath, g); err != nil {
		log.Fatal(err)
	}
	nR, nS, edges, err := readEdges(*edgesPath)
	if err != nil {
		log.Fatal(err)
	}

	var times []time.Duration
	var labels []int32
	var count int
	for range max(*runs, 1) {
		start := time.Now()
		labels, count, err = graph.Components(nR, nS, edges)
		times = append(times, time.Since(start))
		if err != nil {
			log.Fatal(err)
		}
	}
	slices.Sort(times)
	median := times[len(times)/2]

	size := make([]int32, nR)
	for _, l := range labels {
		size[l]++
	}
	hist := map[int32]int{}
	largest := int32(0)
	for _, s := range size {
		if s > 0 {
			hist[s]++
			largest = max(largest, s)
		}
	}
	if err := writeSizes(*sizesPath, count, hist); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("reports %d selectors %d edges %d\n", nR, nS, len(edges))
	fmt.Printf("networks %d (of 2+ reports: %d), largest %d reports\n", count, count-hist[1], largest)
	fmt.Printf("runs %d min_ms %.2f median_ms %.2f\n", len(times), ms(times[0]), ms(median))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func writeEdges(path string, g graphtest.Graph) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "# reports %d selectors %d edges %d\n", g.Reports, g.Selectors, len(g.Edges))
	var buf []byte
	for _, e := range g.Edges {
		buf = strconv.AppendInt(buf[:0], int64(e.Report), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(e.Selector), 10)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readEdges(path string) (nR, nS int, edges []graph.Edge, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	if !sc.Scan() {
		return 0, 0, nil, fmt.Errorf("%s: empty", path)
	}
	var nE int
	if _, err := fmt.Sscanf(sc.Text(), "# reports %d selectors %d edges %d", &nR, &nS, &nE); err != nil {
		return 0, 0, nil, fmt.Errorf("%s: header: %v", path, err)
	}
	edges = make([]graph.Edge, 0, nE)
	for line := 2; sc.Scan(); line++ {
		r, s, ok := strings.Cut(sc.Text(), " ")
		ri, err1 := strconv.ParseInt(r, 10, 32)
		si, err2 := strconv.ParseInt(s, 10, 32)
		if !ok || err1 != nil || err2 != nil {
			return 0, 0, nil, fmt.Errorf("%s:%d: want \"report selector\"", path, line)
		}
		edges = append(edges, graph.Edge{Report: int32(ri), Selector: int32(si)})
	}
	return nR, nS, edges, sc.Err()
}

func writeSizes(path string, count int, hist map[int32]int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "components %d\n", count)
	sizes := make([]int32, 0, len(hist))
	for s := range hist {
		sizes = append(sizes, s)
	}
	slices.Sort(sizes)
	for _, s := range sizes {
		fmt.Fprintf(&b, "%d %d\n", s, hist[s])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
