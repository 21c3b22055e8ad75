package graph

import (
	"fmt"
	"strings"
	"testing"
)

// reportIDs returns the partition's report IDs in index order.
func reportIDs(p *Partition) []string {
	out := make([]string, p.reports.Len())
	for i := range out {
		out[i] = p.reports.at(int32(i))
	}
	return out
}

// TestIDTable gives indexes to many IDs (the table grows several times on
// the way) and reads each back both ways.
func TestIDTable(t *testing.T) {
	tab := newIDTable(0)
	const n = 5000
	for i := range n {
		id := fmt.Sprintf("id-%d", i)
		if x, isNew := tab.index(id); !isNew || x != int32(i) {
			t.Fatalf("index(%s) = %d, %v; want %d, true", id, x, isNew, i)
		}
	}
	// Again: the same indexes, nothing new; and an empty ID.
	for i := range n {
		id := fmt.Sprintf("id-%d", i)
		if x, isNew := tab.index(id); isNew || x != int32(i) {
			t.Fatalf("index(%s) again = %d, %v; want %d, false", id, x, isNew, i)
		}
		if x, ok := tab.get(id); !ok || x != int32(i) {
			t.Fatalf("get(%s) = %d, %v", id, x, ok)
		}
		if got := tab.at(int32(i)); got != id {
			t.Fatalf("at(%d) = %q, want %q", i, got, id)
		}
	}
	if x, isNew := tab.index(""); !isNew || x != n {
		t.Fatalf(`index("") = %d, %v; want %d, true`, x, isNew, n)
	}
	if got := tab.at(n); got != "" {
		t.Fatalf("at(%d) = %q, want empty", n, got)
	}
	if _, ok := tab.get("id-5000"); ok {
		t.Fatal("get of an unknown ID found it")
	}
	if tab.Len() != n+1 {
		t.Fatalf("Len = %d, want %d", tab.Len(), n+1)
	}
	// id-10 < id-9 as strings; id-1 < id-10.
	if !tab.less(10, 9) || tab.less(9, 10) || !tab.less(1, 10) || tab.less(3, 3) {
		t.Fatal("less does not order as strings do")
	}
}

// TestIDTableAcrossChunks keeps IDs in several chunks of text: IDs that
// fill chunks, one longer than a chunk, and short ones after it, each read
// back whole.
func TestIDTableAcrossChunks(t *testing.T) {
	tab := newIDTable(0)
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("%07d", i)+strings.Repeat("x", textChunk/7))
	}
	ids = append(ids, "long-"+strings.Repeat("y", 3*textChunk), "", "short-1", "short-2")
	for i, id := range ids {
		if x, isNew := tab.index(id); !isNew || x != int32(i) {
			t.Fatalf("index of ID %d = %d, %v", i, x, isNew)
		}
	}
	if len(tab.text) < 8 {
		t.Fatalf("%d chunks of text: the IDs do not cross chunk boundaries", len(tab.text))
	}
	for i, id := range ids {
		if got := tab.at(int32(i)); got != id {
			t.Fatalf("at(%d): %d bytes starting %.12q, want %d bytes starting %.12q", i, len(got), got, len(id), id)
		}
		if x, ok := tab.get(id); !ok || x != int32(i) {
			t.Fatalf("get of ID %d = %d, %v", i, x, ok)
		}
	}
}
