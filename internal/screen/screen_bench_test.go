package screen

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTexts returns real SMS texts (UCI) and the ads in testdata, so the
// benchmark measures the mix the screener sees.
func benchTexts(b *testing.B) []string {
	var texts []string
	paths := []string{filepath.Join("testdata", "real-dev.tsv"), filepath.Join("testdata", "real-test.tsv"), filepath.Join("testdata", "written.tsv")}
	if dir, err := os.Getwd(); err == nil {
		for d := dir; ; d = filepath.Dir(d) {
			p := filepath.Join(d, "shared", "data", "text", "uci-sms-spam-collection.tsv")
			if _, err := os.Stat(p); err == nil {
				paths = append(paths, p)
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if parts := strings.SplitN(sc.Text(), "\t", 3); len(parts) >= 2 && !strings.HasPrefix(parts[0], "#") && parts[0] != "label" {
				texts = append(texts, parts[1])
			}
		}
		f.Close()
	}
	return texts
}

// BenchmarkAssess screens message-sized texts one at a time.
func BenchmarkAssess(b *testing.B) {
	texts := benchTexts(b)
	s := defaultTestScreener(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if strings.TrimSpace(t) == "" {
				continue
			}
			if _, err := s.Assess(ctx, t, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAssessLarge screens one 64 KiB text of concatenated ads and SMS.
func BenchmarkAssessLarge(b *testing.B) {
	texts := benchTexts(b)
	var sb strings.Builder
	for sb.Len() < DefaultMaxBytes-2000 {
		for _, t := range texts {
			if sb.Len()+len(t)+1 > DefaultMaxBytes {
				break
			}
			sb.WriteString(t)
			sb.WriteByte('\n')
		}
	}
	text := sb.String()
	s := defaultTestScreener(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Assess(context.Background(), text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatcherScan(b *testing.B) {
	texts := benchTexts(b)
	text := strings.Join(texts, "\n")
	s := defaultTestScreener(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		s.m.scan(text, func(mhit) { n++ })
	}
}

func BenchmarkParseAmounts(b *testing.B) {
	texts := benchTexts(b)
	text := strings.Join(texts, "\n")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseAmounts(text)
	}
}

func BenchmarkNew(b *testing.B) {
	rs, err := DefaultRuleset()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{Rules: rs}); err != nil {
			b.Fatal(err)
		}
	}
}
