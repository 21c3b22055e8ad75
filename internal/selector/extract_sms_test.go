package selector

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// smsCorpus reads the UCI SMS Spam Collection (label TAB text per line)
// from shared/data, found by walking up from the working directory, or
// skips the test.
func smsCorpus(tb testing.TB) []byte {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("no working directory")
	}
	for {
		p := filepath.Join(dir, "shared", "data", "text", "uci-sms-spam-collection.tsv")
		if b, err := os.ReadFile(p); err == nil {
			return b
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared/data/text/uci-sms-spam-collection.tsv not found above the working directory: SMS tests skipped")
		}
		dir = parent
	}
}

// TestExtractSMSGolden pins the extraction over the whole UCI SMS corpus,
// read as British text (Hints.Region "GB"): one line per match, "line
// kind value raw". Regenerate with go test -run TestExtractSMSGolden
// -update, and read the diff.
func TestExtractSMSGolden(t *testing.T) {
	corpus := smsCorpus(t)
	var got bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(corpus))
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		for _, m := range Extract(text, Hints{Region: "GB"}) {
			if text[m.Start:m.End] != m.Raw {
				t.Errorf("line %d: text[%d:%d] = %q, Raw %q", line, m.Start, m.End, text[m.Start:m.End], m.Raw)
			}
			fmt.Fprintf(&got, "%d\t%s\t%s\t%q\n", line, m.Kind, m.Value, m.Raw)
		}
	}
	golden := filepath.Join("testdata", "sms_extract.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("extraction differs from %s at line %d:\n got: %s\nwant: %s\n(run with -update if the change is intended)", golden, i+1, g, w)
			}
		}
	}
}

func BenchmarkExtractSMS(b *testing.B) {
	corpus := string(smsCorpus(b))
	for _, bc := range []struct {
		name string
		h    Hints
	}{
		{"ParseAs", Hints{Region: "GB"}},
		{"Normalizer", Hints{Region: "GB", Normalizer: NewNormalizer(0)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(Extract(corpus, bc.h))
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

func BenchmarkExtractMultilingual(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "extract_multilingual.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	for _, bc := range []struct {
		name string
		h    Hints
	}{
		{"ParseAs", Hints{Region: "KR"}},
		{"Normalizer", Hints{Region: "KR", Normalizer: NewNormalizer(0)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(Extract(text, bc.h))
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}
