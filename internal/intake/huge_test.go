package intake

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// patternReader streams head, then n bytes of fill, then tail, without
// ever holding the fill in memory.
type patternReader struct {
	head, tail string
	fill       byte
	n          int
	pos        int
}

func (p *patternReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		switch {
		case p.pos < len(p.head):
			c := copy(b[n:], p.head[p.pos:])
			n, p.pos = n+c, p.pos+c
		case p.pos < len(p.head)+p.n:
			c := min(len(b)-n, len(p.head)+p.n-p.pos)
			for i := range c {
				b[n+i] = p.fill
			}
			n, p.pos = n+c, p.pos+c
		case p.pos < len(p.head)+p.n+len(p.tail):
			c := copy(b[n:], p.tail[p.pos-len(p.head)-p.n:])
			n, p.pos = n+c, p.pos+c
		default:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
	}
	return n, nil
}

func TestHugeLines(t *testing.T) {
	const huge = 20 << 20
	good := func(ref string) string {
		return ref + ",O,2025-01-01T00:00:00Z,other,,,,,"
	}
	jgood := func(ref string) string {
		return `{"external_ref":"` + ref + `","origin":"O","received_at":"2025-01-01T00:00:00Z","scam_type":"other"}`
	}
	tests := []struct {
		name   string
		format Format
		r      *patternReader
		want   []string
	}{
		{"csv unquoted", CSV, &patternReader{
			head: header + good("A") + "\nB,O,2025-01-01T00:00:00Z,other,", fill: 'x', n: huge,
			tail: ",,,,\n" + good("C") + "\n"},
			[]string{"2:A", "3!record longer than 1 MiB", "4:C"}},
		{"csv quoted, never closed", CSV, &patternReader{
			head: header + good("A") + "\nB,O,2025-01-01T00:00:00Z,other,\"", fill: 'y', n: huge,
			tail: "\n" + good("C") + "\n"},
			[]string{"2:A", "3!record longer than 1 MiB", "4:C"}},
		{"csv quoted, many short lines", CSV, &patternReader{
			head: header + good("A") + "\nB,O,2025-01-01T00:00:00Z,other,\"", fill: '\n', n: huge,
			tail: "\"\n" + good("C") + "\n"},
			nil}, // checked below
		{"jsonl", JSONL, &patternReader{
			head: jgood("A") + "\n" + `{"narrative":"`, fill: 'z', n: huge,
			tail: "\"}\n" + jgood("C") + "\n"},
			[]string{"1:A", "2!line longer than 1 MiB", "3:C"}},
		{"json array", JSONL, &patternReader{
			head: "[" + jgood("A") + ",\n" + `{"narrative":"`, fill: 'z', n: huge,
			tail: "\"},\n" + jgood("C") + "]"},
			[]string{"1:A", "2!array element longer than 1 MiB", "3:C"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rd, err := NewReader("big", tt.r, tt.format, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := drain(rd)
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
				t.Errorf("allocated %d MiB reading a %d MiB line", alloc>>20, huge>>20)
			}
			got := outline(res)
			if tt.want == nil {
				// The record is rejected, and reading resumes at the next
				// line break: there the closing quote opens a field that
				// swallows the rest, which is reported too.
				if len(got) != 3 || got[0] != "2:A" || got[1] != "3!record longer than 1 MiB (is a closing quote missing in column 5?)" ||
					got[2] != "20971523!the quoted field in column 1 is not closed before the end of the file" {
					t.Fatalf("got %d results: %q ... %q", len(got), got[:min(3, len(got))], got[len(got)-1])
				}
				return
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if n := int64(len(tt.r.head) + tt.r.n + len(tt.r.tail)); rd.Offset() != n {
				t.Errorf("offset %d, want %d", rd.Offset(), n)
			}
		})
	}
}
