package intake

import (
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// scanAll runs the scanner over in and describes each outcome as
// "line:field|field|..." or "line!reason".
func scanAll(t *testing.T, in string, max int) []string {
	t.Helper()
	s := &csvScanner{lr: newLineReader(strings.NewReader(in)), comma: ',', max: max}
	var out []string
	for i := 0; i < 100; i++ {
		fields, line, err := s.read()
		if err == io.EOF {
			return out
		}
		if se, ok := err.(*scanError); ok {
			out = append(out, strconv.Itoa(se.line)+"!"+se.reason)
			continue
		}
		if err != nil {
			t.Fatalf("fatal: %v", err)
		}
		out = append(out, strconv.Itoa(line)+":"+strings.Join(fields, "|"))
	}
	t.Fatal("no end")
	return nil
}

func TestCSVScanner(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []string
	}{
		{"plain", "a,b,c\n1,2,3\n", 100, []string{"1:a|b|c", "2:1|2|3"}},
		{"no final newline", "a,b\n1,2", 100, []string{"1:a|b", "2:1|2"}},
		{"crlf", "a,b\r\n1,2\r\n", 100, []string{"1:a|b", "2:1|2"}},
		{"empty fields", ",a,,\n", 100, []string{"1:|a||"}},
		{"blank lines skipped", "\n\na\n\r\nb\n", 100, []string{"3:a", "5:b"}},
		{"quoted comma", `"a,b",c` + "\n", 100, []string{"1:a,b|c"}},
		{"doubled quote", `"say ""hi""",x` + "\n", 100, []string{`1:say "hi"|x`}},
		{"quote inside unquoted kept", `ab"c,d` + "\n", 100, []string{`1:ab"c|d`}},
		{"quoted empty and last", `"",""` + "\n", 100, []string{"1:|"}},
		{"multi-line quoted", "\"line one\r\nline two\",x\nnext\n", 100, []string{"1:line one\nline two|x", "3:next"}},
		{"blank line inside quotes", "\"a\n\nb\"\nc\n", 100, []string{"1:a\n\nb", "4:c"}},
		{"text after closing quote", `"a"b,c` + "\nok\n", 100, []string{"1!column 1: text after a closing quote (a quote inside a quoted field is written twice: \"\")", "2:ok"}},
		{"unclosed at end", "ok\n\"never closed\nmore\n", 100, []string{"1:ok", "2!the quoted field in column 1 is not closed before the end of the file"}},
		{"line too long", "short\n" + strings.Repeat("x", 50) + "\nafter\n", 20, []string{"1:short", "2!record longer than 20 bytes", "3:after"}},
		{"record too long across lines", "\"" + strings.Repeat("y\n", 30) + "\"\nafter\n", 20,
			nil}, // checked below: an error at line 1, then resync
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanAll(t, tt.in, tt.max)
			if tt.want == nil {
				if len(got) == 0 || !strings.HasPrefix(got[0], "1!record longer than 20 bytes (is a closing quote missing in column 1?)") {
					t.Fatalf("got %q", got)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLineReaderLongLinesAndOffsets(t *testing.T) {
	// Lines longer than bufio's 64 KiB buffer are assembled when under the
	// limit and skipped when over it.
	big := strings.Repeat("a", 100<<10)
	in := big + "\n" + big + "b\nend"
	lr := newLineReader(strings.NewReader(in))
	ln, err := lr.next(len(big))
	if err != nil || string(ln) != big {
		t.Fatalf("first line: len %d err %v", len(ln), err)
	}
	if _, err := lr.next(len(big)); err != errLong {
		t.Fatalf("second line: err %v, want errLong", err)
	}
	ln, err = lr.next(len(big))
	if err != nil || string(ln) != "end" || lr.line != 3 {
		t.Fatalf("third line: %q %v line %d", ln, err, lr.line)
	}
	if lr.off != int64(len(in)) {
		t.Errorf("offset %d, want %d", lr.off, len(in))
	}
	if _, err := lr.next(10); err != io.EOF {
		t.Errorf("after the end: %v", err)
	}
}
