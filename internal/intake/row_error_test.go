package intake

import (
	"strings"
	"testing"
)

func TestRowErrorText(t *testing.T) {
	tests := []struct {
		e    RowError
		want string
	}{
		{RowError{File: "a.csv", Line: 17, Field: "received_at", Reason: "'2025-13-01' is not an RFC 3339 time"}, "a.csv:17: received_at: '2025-13-01' is not an RFC 3339 time"},
		{RowError{Line: 17, Field: "received_at", Reason: "x"}, "line 17: received_at: x"},
		{RowError{File: "a.csv", Line: 3, Reason: "has 2 fields; the header has 9"}, "a.csv:3: has 2 fields; the header has 9"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestWriteReject(t *testing.T) {
	var b strings.Builder
	b.WriteString(RejectHeader)
	for _, e := range []*RowError{
		{File: "a.csv", Line: 17, Field: "received_at", Reason: "'x' is not an RFC 3339 time"},
		{File: "we\tird.csv", Line: 2, Reason: "two\nlines"},
	} {
		if err := WriteReject(&b, e); err != nil {
			t.Fatal(err)
		}
	}
	want := "file\tline\tfield\treason\n" +
		"a.csv\t17\treceived_at\t'x' is not an RFC 3339 time\n" +
		"we ird.csv\t2\t\ttwo lines\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestQuote(t *testing.T) {
	tests := map[string]string{
		"2025-13-01":            "'2025-13-01'",
		"a\x00b":                `'a\x00b'`,
		strings.Repeat("가", 45): "'" + strings.Repeat("가", 40) + "…'",
	}
	for in, want := range tests {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %q, want %q", in, got, want)
		}
	}
}
