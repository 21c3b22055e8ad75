package intake

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// result is one outcome of Next.
type result struct {
	rec *Record
	err *RowError
}

// readAll reads everything, returning records and row errors in order and
// the fatal error, if any.
func readAll(t testing.TB, name, input string, f Format, m *Mapping) ([]result, error) {
	t.Helper()
	rd, err := NewReader(name, strings.NewReader(input), f, m)
	if err != nil {
		return nil, err
	}
	return drain(rd)
}

func drain(rd *Reader) ([]result, error) {
	var out []result
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		var re *RowError
		switch {
		case err == nil:
			out = append(out, result{rec: rec})
		case errors.As(err, &re):
			out = append(out, result{err: re})
		default:
			return out, err
		}
	}
}

const header = "external_ref,origin,received_at,scam_type,narrative,victim_country,loss_amount,loss_currency,selectors\n"

// one reads a CSV with the default header and one row; it returns the
// record or the row error.
func one(t *testing.T, row string) (*Record, *RowError) {
	t.Helper()
	res, err := readAll(t, "r.csv", header+row+"\n", CSV, nil)
	if err != nil {
		t.Fatalf("fatal: %v", err)
	}
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	return res[0].rec, res[0].err
}
