package graph

import (
	"slices"
	"testing"
)

func TestComponents(t *testing.T) {
	tests := []struct {
		name       string
		nR, nS     int
		edges      []Edge
		wantLabels []int32
		wantCount  int
	}{
		{name: "empty", wantLabels: []int32{}},
		{name: "lone reports", nR: 3, wantLabels: []int32{0, 1, 2}, wantCount: 3},
		{
			name: "unshared selectors link nothing", nR: 2, nS: 3,
			edges:      []Edge{{0, 0}, {0, 1}, {1, 2}},
			wantLabels: []int32{0, 1}, wantCount: 2,
		},
		{
			name: "chain joined from the young end", nR: 4, nS: 3,
			edges:      []Edge{{3, 2}, {2, 2}, {2, 1}, {1, 1}, {1, 0}, {0, 0}},
			wantLabels: []int32{0, 0, 0, 0}, wantCount: 1,
		},
		{
			name: "star around one selector", nR: 5, nS: 1,
			edges:      []Edge{{4, 0}, {1, 0}, {3, 0}},
			wantLabels: []int32{0, 1, 2, 1, 1}, wantCount: 3,
		},
		{
			name: "two networks and a loner", nR: 6, nS: 4,
			edges:      []Edge{{5, 0}, {2, 0}, {1, 1}, {4, 1}, {4, 3}, {5, 2}},
			wantLabels: []int32{0, 1, 2, 3, 1, 2}, wantCount: 4,
		},
		{
			name: "repeated edges", nR: 2, nS: 1,
			edges:      []Edge{{1, 0}, {1, 0}, {0, 0}, {0, 0}},
			wantLabels: []int32{0, 0}, wantCount: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels, count, err := Components(tt.nR, tt.nS, tt.edges)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(labels, tt.wantLabels) || count != tt.wantCount {
				t.Errorf("got labels %v count %d, want %v count %d", labels, count, tt.wantLabels, tt.wantCount)
			}
		})
	}
}

func TestComponentsRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		nR, nS int
		edges  []Edge
	}{
		{"negative reports", -1, 0, nil},
		{"report out of range", 2, 2, []Edge{{0, 0}, {2, 1}}},
		{"negative report", 2, 2, []Edge{{-1, 0}}},
		{"selector out of range", 2, 2, []Edge{{0, 2}}},
		{"negative selector", 2, 2, []Edge{{0, -3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if labels, _, err := Components(tt.nR, tt.nS, tt.edges); err == nil {
				t.Errorf("got labels %v and no error", labels)
			}
		})
	}
}
