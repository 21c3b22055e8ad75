package match

import (
	"sync"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. The machines here are
// shared, so benchmarks report CPU seconds per operation beside wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

var synth100k = sync.OnceValues(func() ([]Person, []int) { return synthPersons(100_000, 0.1, 42) })

// synthQuality is pair-level precision and recall of Match clusters against
// the known origins.
func synthQuality(res Result, origin []int) (p, r float64) {
	truth := map[int]int{}
	for _, o := range origin {
		truth[o]++
	}
	total := 0
	for _, c := range truth {
		total += c * (c - 1) / 2
	}
	var tp, pred int
	for _, c := range res.Clusters {
		for i := range c {
			for j := i + 1; j < len(c); j++ {
				pred++
				if origin[c[i]] == origin[c[j]] {
					tp++
				}
			}
		}
	}
	return float64(tp) / float64(max(pred, 1)), float64(tp) / float64(max(total, 1))
}

// BenchmarkDedupe100k de-duplicates 100,000 synthetic persons of which about
// 10% are duplicates with spelling variants; reports pair precision/recall.
func BenchmarkDedupe100k(b *testing.B) {
	persons, origin := synth100k()
	var res Result
	start := cpuTime()
	for b.Loop() {
		res = Dedupe(persons)
	}
	reportCPU(b, start)
	p, r := synthQuality(res, origin)
	b.ReportMetric(p, "precision")
	b.ReportMetric(r, "recall")
	b.ReportMetric(float64(len(res.Pairs)), "pairs")
}

// BenchmarkIndex100k builds the index over 100,000 persons.
func BenchmarkIndex100k(b *testing.B) {
	persons, _ := synth100k()
	start := cpuTime()
	for b.Loop() {
		NewIndex(persons)
	}
	reportCPU(b, start)
}

// BenchmarkReconcile1kAgainst100k looks up 1,000 list rows (Latin spellings
// as a partner country writes them) in an index of 100,000 persons, top 3
// each with explanations. The index is built once, outside the timing
// (BenchmarkIndex100k measures that).
func BenchmarkReconcile1kAgainst100k(b *testing.B) {
	persons, origin := synth100k()
	var base, queries []Person
	var want []int
	for i, p := range persons {
		if p.ID[0] == 'P' {
			base = append(base, p)
		} else if len(queries) < 1000 {
			queries = append(queries, p)
			want = append(want, origin[i])
		}
	}
	baseOrigin := make(map[string]int, len(base))
	for i, p := range persons {
		if p.ID[0] == 'P' {
			baseOrigin[p.ID] = origin[i]
		}
	}
	ix := NewIndex(base)
	var found int
	start := cpuTime()
	for b.Loop() {
		found = 0
		for qi, q := range queries {
			best := ix.Best(q, 3)
			if len(best) > 0 && baseOrigin[base[best[0].Index].ID] == want[qi] {
				found++
			}
		}
	}
	reportCPU(b, start)
	b.ReportMetric(float64(found)/float64(len(queries)), "top1-recall")
}
