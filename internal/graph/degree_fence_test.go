package graph

import (
	"fmt"
	"slices"
	"testing"
)

// degrees builds a degree list from (degree, how many) pairs.
func degrees(pairs ...int) []int32 {
	var out []int32
	for i := 0; i < len(pairs); i += 2 {
		for range pairs[i+1] {
			out = append(out, int32(pairs[i]))
		}
	}
	return out
}

func TestFenceThreshold(t *testing.T) {
	// typical: half the shared selectors link 2 reports, Q1 = 2, Q3 = 3.
	typical := degrees(1, 5000, 2, 50, 3, 30, 4, 10, 6, 6, 10, 4)
	tests := []struct {
		name    string
		fence   Fence
		degrees []int32
		want    int
	}{
		{"nothing at all", DefaultFence, nil, 20},
		{"nothing shared", DefaultFence, degrees(1, 1000), 20},
		{"no floor, nothing shared", Fence{K: 3}, degrees(1, 1000), 2},
		// Q1 = Q3 = ln 2, spread floored at ln 2: ln d > 4 ln 2, d > 16.
		{"all pairs, no floor", Fence{K: 3}, degrees(1, 100, 2, 100), 17},
		{"all pairs, floor wins", DefaultFence, degrees(2, 100), 20},
		// Q3 = ln 3, spread ln 2: d > 3 * 2^3 = 24.
		{"typical", DefaultFence, typical, 25},
		{"typical with hubs", DefaultFence, append(degrees(30, 1, 500, 1), typical...), 25},
		// K = 1.5: d > 3 * 2^1.5 = 8.49.
		{"typical, mild fence", Fence{K: 1.5}, typical, 9},
		// Q1 = ln 2, Q3 = ln 100: IQR = ln 50, d > 100 * 50^3.
		{"big networks are not outliers", DefaultFence, degrees(2, 10, 100, 10), 12500001},
		{"enormous spread saturates", DefaultFence, degrees(2, 10, 1<<30, 10), 1<<31 - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fence.Threshold(tt.degrees); got != tt.want {
				t.Errorf("Threshold = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFenceThresholdDoesNotReorderInput(t *testing.T) {
	in := []int32{9, 2, 1, 5, 2}
	DefaultFence.Threshold(in)
	if !slices.Equal(in, []int32{9, 2, 1, 5, 2}) {
		t.Errorf("input changed to %v", in)
	}
}

func TestPartitionHighDegree(t *testing.T) {
	p := New()
	// 300 reports in pairs over selectors of their own, plus threes; one
	// help-line number found in 60 reports and one mule account in 30.
	for i := range 300 {
		sels := []string{fmt.Sprintf("pair%d", i/2), fmt.Sprintf("own%d", i)}
		if i%3 == 0 {
			sels = append(sels, fmt.Sprintf("three%d", i/9))
		}
		if i%5 == 0 {
			sels = append(sels, "helpline")
		}
		if i%10 == 1 {
			sels = append(sels, "mule")
		}
		p.AddReport(fmt.Sprintf("r%03d", i), sels)
	}
	want := []SelectorDegree{{"helpline", 60}, {"mule", 30}}
	if got := p.HighDegree(DefaultFence); !slices.Equal(got, want) {
		t.Errorf("HighDegree = %v, want %v", got, want)
	}
	if got := p.HighDegree(Fence{Floor: 40, K: 3}); !slices.Equal(got, want[:1]) {
		t.Errorf("HighDegree with floor 40 = %v, want %v", got, want[:1])
	}
	if d := p.Degrees(); len(d) != p.NumSelectors() {
		t.Errorf("Degrees() has %d entries, want %d", len(d), p.NumSelectors())
	}
}
