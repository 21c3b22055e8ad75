package graph

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// step adds one report and says which redirects that must give.
type step struct {
	report    string
	selectors []string
	want      []Redirect
}

func TestPartitionAddReport(t *testing.T) {
	tests := []struct {
		name     string
		steps    []step
		networks []Network         // Networks(1)
		of       map[string]string // report -> network
	}{
		{
			name: "lone reports",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: nil},
				{report: "r3", selectors: []string{"b", "c"}},
			},
			networks: []Network{{"r1", 1, 1}, {"r2", 1, 0}, {"r3", 1, 2}},
			of:       map[string]string{"r1": "r1", "r2": "r2", "r3": "r3"},
		},
		{
			name: "growing network keeps its ID",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: []string{"a", "b"}},
				{report: "r3", selectors: []string{"b"}},
				{report: "r4", selectors: []string{"c", "a"}},
			},
			networks: []Network{{"r1", 4, 3}},
			of:       map[string]string{"r1": "r1", "r2": "r1", "r3": "r1", "r4": "r1"},
		},
		{
			name: "bridge report merges into the older network",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: []string{"b"}},
				{report: "r3", selectors: []string{"b"}},
				{report: "r4", selectors: []string{"a"}},
				{report: "r5", selectors: []string{"b", "a"}, want: []Redirect{{"r2", "r1"}}},
			},
			networks: []Network{{"r1", 5, 2}},
			of:       map[string]string{"r2": "r1", "r3": "r1", "r5": "r1"},
		},
		{
			name: "the merge survivor does not depend on sizes",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: []string{"b"}},
				{report: "r3", selectors: []string{"b"}},
				{report: "r4", selectors: []string{"b"}},
				{report: "r5", selectors: []string{"a", "b"}, want: []Redirect{{"r2", "r1"}}},
			},
			networks: []Network{{"r1", 5, 2}},
		},
		{
			name: "one report merges three networks",
			steps: []step{
				{report: "r2", selectors: []string{"b"}},
				{report: "r3", selectors: []string{"c"}},
				{report: "r1", selectors: []string{"a"}},
				{report: "r4", selectors: []string{"c", "b", "a"}, want: []Redirect{{"r2", "r1"}, {"r3", "r1"}}},
			},
			networks: []Network{{"r1", 4, 3}},
		},
		{
			name: "an older report renames the network it joins",
			steps: []step{
				{report: "r5", selectors: []string{"a"}},
				{report: "r6", selectors: []string{"a"}},
				{report: "r3", selectors: []string{"a"}, want: []Redirect{{"r5", "r3"}}},
			},
			networks: []Network{{"r3", 3, 1}},
			of:       map[string]string{"r5": "r3", "r6": "r3"},
		},
		{
			name: "an old report bridging two networks redirects both",
			steps: []step{
				{report: "r5", selectors: []string{"a"}},
				{report: "r6", selectors: []string{"b"}},
				{report: "r1", selectors: []string{"a", "b"}, want: []Redirect{{"r5", "r1"}, {"r6", "r1"}}},
			},
			networks: []Network{{"r1", 3, 2}},
		},
		{
			name: "adding selectors to a known report",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: []string{"b"}},
				{report: "r2", selectors: []string{"b", "a"}, want: []Redirect{{"r2", "r1"}}},
				{report: "r2", selectors: []string{"a", "b"}},
			},
			networks: []Network{{"r1", 2, 2}},
		},
		{
			name: "duplicate selectors in one call count once",
			steps: []step{
				{report: "r1", selectors: []string{"a", "a", "a"}},
				{report: "r2", selectors: []string{"a", "a"}},
			},
			networks: []Network{{"r1", 2, 1}},
		},
		{
			name: "a report already in the network adds nothing",
			steps: []step{
				{report: "r1", selectors: []string{"a"}},
				{report: "r2", selectors: []string{"a", "b"}},
				{report: "r1", selectors: []string{"b"}},
			},
			networks: []Network{{"r1", 2, 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New()
			for i, s := range tt.steps {
				got := p.AddReport(s.report, s.selectors)
				if !slices.Equal(got, s.want) {
					t.Errorf("step %d (%s): redirects %v, want %v", i, s.report, got, s.want)
				}
			}
			if got := p.Networks(1); !slices.Equal(got, tt.networks) {
				t.Errorf("Networks(1) = %v, want %v", got, tt.networks)
			}
			if got := p.NumNetworks(); got != len(tt.networks) {
				t.Errorf("NumNetworks() = %d, want %d", got, len(tt.networks))
			}
			for r, want := range tt.of {
				if got, ok := p.NetworkOf(r); !ok || got != want {
					t.Errorf("NetworkOf(%s) = %q, %v; want %q", r, got, ok, want)
				}
			}
		})
	}
}

// star is r1..r5 around selector "hub", r6 and r7 linked by "x", and r8
// alone with "y".
func star() *Partition {
	p := New()
	for i := 1; i <= 5; i++ {
		p.AddReport(fmt.Sprintf("r%d", i), []string{"hub", fmt.Sprintf("own%d", i)})
	}
	p.AddReport("r6", []string{"x"})
	p.AddReport("r7", []string{"x", "z"})
	p.AddReport("r8", []string{"y"})
	return p
}

func TestPartitionQueries(t *testing.T) {
	p := star()
	if got, want := p.Members("r1"), []string{"r1", "r2", "r3", "r4", "r5"}; !slices.Equal(got, want) {
		t.Errorf("Members(r1) = %v, want %v", got, want)
	}
	if got := p.Members("r2"); got != nil {
		t.Errorf("Members of a member that is not the network ID = %v, want nil", got)
	}
	if got := p.Members("nope"); got != nil {
		t.Errorf("Members(nope) = %v, want nil", got)
	}
	if got, want := p.Networks(2), []Network{{"r1", 5, 6}, {"r6", 2, 2}}; !slices.Equal(got, want) {
		t.Errorf("Networks(2) = %v, want %v", got, want)
	}
	if n, ok := p.Network("r6"); !ok || n != (Network{"r6", 2, 2}) {
		t.Errorf("Network(r6) = %v, %v", n, ok)
	}
	if _, ok := p.Network("r7"); ok {
		t.Error("Network(r7) found, but r7 is not a network ID")
	}
	want := []SelectorDegree{{"hub", 5}, {"own1", 1}, {"own2", 1}, {"own3", 1}, {"own4", 1}, {"own5", 1}}
	if got := p.Selectors("r1"); !slices.Equal(got, want) {
		t.Errorf("Selectors(r1) = %v, want %v", got, want)
	}
	if got := p.Selectors("r7"); got != nil {
		t.Errorf("Selectors(r7) = %v, want nil", got)
	}
	for sel, want := range map[string]int{"hub": 5, "x": 2, "z": 1, "missing": 0} {
		if got := p.Degree(sel); got != want {
			t.Errorf("Degree(%s) = %d, want %d", sel, got, want)
		}
	}
	if p.Len() != 8 || p.NumSelectors() != 9 || p.NumNetworks() != 3 {
		t.Errorf("Len, NumSelectors, NumNetworks = %d, %d, %d; want 8, 9, 3", p.Len(), p.NumSelectors(), p.NumNetworks())
	}
	if _, ok := p.NetworkOf("nope"); ok {
		t.Error("NetworkOf(nope) found")
	}
}

func TestRedirects(t *testing.T) {
	type links = map[string][]string
	tests := []struct {
		name          string
		before, after links
		want          []Redirect
	}{
		{
			name:   "unchanged",
			before: links{"r1": {"a"}, "r2": {"a"}, "r3": {"b"}},
			after:  links{"r1": {"a"}, "r2": {"a"}, "r3": {"b"}},
		},
		{
			name:   "a split keeps the old ID on the part with the oldest report",
			before: links{"r1": {"a"}, "r2": {"a", "b"}, "r3": {"b"}},
			after:  links{"r1": {"a"}, "r2": {"a"}, "r3": {}}, // "b" marked does not link
		},
		{
			name:   "a relinked selector merges networks",
			before: links{"r1": {"a"}, "r2": {"a"}, "r3": {"c"}, "r4": {"d"}},
			after:  links{"r1": {"a"}, "r2": {"a", "b"}, "r3": {"b", "c"}, "r4": {"d", "b"}},
			want:   []Redirect{{"r3", "r1"}, {"r4", "r1"}},
		},
		{
			name:   "deleted root report hands its ID to the oldest survivor",
			before: links{"r1": {"a"}, "r2": {"a", "b"}, "r3": {"b"}, "r4": {"b"}},
			after:  links{"r3": {"b"}, "r4": {"b"}, "r2": {}},
			want:   []Redirect{{"r1", "r2"}},
		},
		{
			name:   "a network whose reports are all gone gets no redirect",
			before: links{"r1": {"a"}, "r2": {"a"}, "r3": {"b"}},
			after:  links{"r3": {"b"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redirects(buildMap(tt.before), buildMap(tt.after))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Redirects = %v, want %v", got, tt.want)
			}
		})
	}
}

func buildMap(m map[string][]string) *Partition {
	return Build(func(yield func(string, []string) bool) {
		for r, s := range m {
			if !yield(r, s) {
				return
			}
		}
	})
}

// TestPartitionConcurrentReads runs readers side by side; under -race it
// fails if any read method writes to the partition.
func TestPartitionConcurrentReads(t *testing.T) {
	p := star()
	var wg sync.WaitGroup
	results := make([][]string, 4)
	for g := range results {
		wg.Go(func() {
			for i := 1; i <= 8; i++ {
				id, _ := p.NetworkOf(fmt.Sprintf("r%d", i))
				results[g] = append(results[g], id)
				p.Members(id)
				p.Selectors(id)
			}
			p.Networks(1)
			p.HighDegree(DefaultFence)
		})
	}
	wg.Wait()
	want := []string{"r1", "r1", "r1", "r1", "r1", "r6", "r6", "r8"}
	for g, got := range results {
		if !slices.Equal(got, want) {
			t.Errorf("reader %d saw %v, want %v", g, got, want)
		}
	}
}
