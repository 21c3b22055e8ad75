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
	"time"
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

// Messages of the corpus checked by hand: what a reader finds in them,
// read as British text.
func TestExtractSMSByHand(t *testing.T) {
	corpus := string(smsCorpus(t))
	for _, c := range []struct {
		prefix string // the message starts with this (after the label)
		want   []string
	}{
		{"Go until jurong point", nil},
		{"Free entry in 2 a wkly comp", []string{"phone +448452810075 08452810075"}}, // not the short code 87121
		{"WINNER!! As a valued network customer", []string{"phone +449061701461 09061701461"}},
		{"Had your mobile 11 months or more?", []string{"phone +448002986030 08002986030"}},
		{"PRIVATE! Your 2004 Account Statement for 07742676969", []string{
			"phone +447742676969 07742676969", // a mobile number, though "Account" comes before it
			"phone +448719180248 08719180248",
		}},
		{"URGENT! You have won a 1 week FREE membership", []string{"url https://www.dbuk.net/ www.dbuk.net"}},
		{"I only haf msn.", []string{"email yijue@hotmail.com yijue@hotmail.com"}},
		{"You are a winner U have been specially selected 2 receive £1000 or a 4* holiday (flights inc) speak to a live operator 2 claim 0871277810910p/min", []string{
			"phone +448712778109 08712778109", // run into "10p/min"
		}},
	} {
		var text string
		for _, line := range strings.Split(corpus, "\n") {
			if _, msg, ok := strings.Cut(line, "\t"); ok && strings.HasPrefix(msg, c.prefix) {
				text = msg
				break
			}
		}
		if text == "" {
			t.Errorf("no message starts with %q", c.prefix)
			continue
		}
		var got []string
		for _, m := range Extract(text, Hints{Region: "GB"}) {
			checkMatch(t, text, m)
			got = append(got, fmt.Sprintf("%s %s %s", m.Kind, m.Value, m.Raw))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", text, got, c.want)
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
			cpu := cpuTime()
			for b.Loop() {
				n = len(Extract(corpus, bc.h))
			}
			reportCPURate(b, cpu, len(corpus))
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
			cpu := cpuTime()
			for b.Loop() {
				n = len(Extract(text, bc.h))
			}
			reportCPURate(b, cpu, len(text))
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// reportCPURate reports MB per CPU-second (all threads of the process,
// garbage collection included): on a shared machine the wall-clock MB/s
// drops when other work takes the cores, this much less.
func reportCPURate(b *testing.B, start time.Duration, size int) {
	used := cpuTime() - start
	if start == 0 || used <= 0 {
		return
	}
	b.ReportMetric(float64(size)*float64(b.N)/used.Seconds()/1e6, "MB/cpu-s")
}

// BenchmarkExtractScan measures the scanner alone: every candidate it
// would validate is counted and rejected, so the parsers' time (most of
// Extract's on dense text) is left out.
func BenchmarkExtractScan(b *testing.B) {
	ml, err := os.ReadFile(filepath.Join("testdata", "extract_multilingual.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name, text, region string
	}{
		{"SMS", string(smsCorpus(b)), "GB"},
		{"Multilingual", string(ml), "KR"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			candidates := 0
			reject := func(k Kind, raw string, o Options) (Selector, error) {
				candidates++
				return Selector{}, invalid(k, CodeUnrecognised, raw, "rejected by the benchmark")
			}
			cpu := cpuTime()
			for b.Loop() {
				candidates = 0
				sc := scanner{text: c.text, h: Hints{Region: c.region}, ctx: newCtxState(), parseFn: reject}
				sc.scan()
			}
			reportCPURate(b, cpu, len(c.text))
			b.ReportMetric(float64(candidates), "candidates")
		})
	}
}
