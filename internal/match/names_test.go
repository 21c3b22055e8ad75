package match

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestNamesTable runs the labelled cross-script pairs of testdata/names.tsv
// through CompareNames (Class Match = predicted same) and asserts precision
// and recall.
func TestNamesTable(t *testing.T) {
	f, err := os.Open("testdata/names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tp, fp, fn, tn int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("bad line %q", line)
		}
		s := CompareNames(Name{Text: cols[0]}, Name{Text: cols[1]})
		same, want := s.Class == Match, cols[2] == "1"
		switch {
		case same && want:
			tp++
		case same && !want:
			fp++
			t.Logf("false match: %s ~ %s: %s", cols[0], cols[1], s)
		case !same && want:
			fn++
			t.Logf("missed: %s ~ %s: %s", cols[0], cols[1], s)
		default:
			tn++
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("names.tsv: %d pairs, TP=%d FP=%d FN=%d TN=%d, precision %.3f, recall %.3f", tp+fp+fn+tn, tp, fp, fn, tn, p, r)
	if p < 0.95 || r < 0.9 {
		t.Errorf("precision %.3f (min 0.95), recall %.3f (min 0.90)", p, r)
	}
}
