package match

import (
	"strings"
	"testing"
)

// bruteForceMatches scores every pair of an index, without blocking.
func bruteForceMatches(ix *Index) map[[2]int]bool {
	out := map[[2]int]bool{}
	sc := scorer{freq: ix.freq}
	for i := range ix.recs {
		for j := i + 1; j < len(ix.recs); j++ {
			if sc.score(&ix.recs[i], &ix.recs[j]).Class == Match {
				out[[2]int{i, j}] = true
			}
		}
	}
	return out
}

// TestBlockingRecall checks that blocking loses (almost) none of the Match
// pairs that scoring every pair finds, on synthetic data.
func TestBlockingRecall(t *testing.T) {
	persons, _ := synthPersons(1500, 0.1, 3)
	ix := NewIndex(persons)
	all := bruteForceMatches(ix)
	got := 0
	for _, p := range ix.Dedupe().Pairs {
		if p.Score.Class == Match && all[[2]int{p.A, p.B}] {
			got++
		}
	}
	rate := float64(got) / float64(max(len(all), 1))
	t.Logf("blocking keeps %d of %d brute-force Match pairs (%.4f)", got, len(all), rate)
	if len(all) < 80 || rate < 0.98 {
		t.Errorf("blocking keeps %d of %d Match pairs", got, len(all))
	}
}

// BenchmarkDedupe3kBlockedVsBruteForce measures, in the same run, Dedupe
// and scoring all pairs on the same 3,300 records; the ratio of the two
// sub-benchmarks is what blocking buys.
func BenchmarkDedupe3kBlockedVsBruteForce(b *testing.B) {
	persons, _ := synthPersons(3000, 0.1, 5)
	b.Run("blocked", func(b *testing.B) {
		for b.Loop() {
			Dedupe(persons, WithWorkers(1))
		}
	})
	b.Run("bruteforce", func(b *testing.B) {
		ix := NewIndex(persons)
		for b.Loop() {
			bruteForceMatches(ix)
		}
	})
}

func TestGeneratedTableHeader(t *testing.T) {
	head := hanPinyinData[:min(600, len(hanPinyinData))]
	for _, want := range []string{"CLDR", "Han-Latin.xml", "Unicode-DFS-2016", "go generate"} {
		if !strings.Contains(head, want) {
			t.Errorf("han_pinyin.txt header lacks %q", want)
		}
	}
	if len(hanPinyinData) > 1<<20 {
		t.Errorf("han_pinyin.txt is %d bytes, want < 1 MiB", len(hanPinyinData))
	}
}
