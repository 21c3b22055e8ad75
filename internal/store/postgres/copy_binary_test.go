package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestCopyEncoderStoresWhatPgxStores: rows written by copyIn (the binary
// COPY the bulk load and the links use) read back the same as the same
// values written through pgx's own encoding, for every kind of column the
// store copies: text and its NULL for "", bytea, booleans, integers at their
// limits, times before 1970, before 2000 and after, cut to the
// microsecond, and their NULL for the zero time. Enough rows for several
// chunks of the stream.
func TestCopyEncoderStoresWhatPgxStores(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, freshSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	const table = `(n integer, s text, os text, b bytea, i integer, l bigint, at timestamptz, oat timestamptz, ok boolean)`
	for _, name := range []string{"by_copy", "by_insert"} {
		if _, err := conn.Exec(ctx, `CREATE TABLE `+name+` `+table); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		s, os string
		b     []byte
		i     int32
		l     int64
		at    time.Time
		oat   time.Time
		ok    bool
	}
	times := []time.Time{
		time.Date(1969, 12, 31, 23, 59, 59, 999_999_500, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 123_456_789, time.FixedZone("KST", 9*3600)),
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 6, 1, 12, 30, 45, 999_999_999, time.FixedZone("ICT", 7*3600)),
		{},
	}
	var rows []row
	for k := range 3000 {
		rows = append(rows, row{
			s:   strings.Repeat("캄보디아 ", k%40),
			os:  []string{"", "x", "ស្រី"}[k%3],
			b:   []byte{byte(k), 0, 0xff},
			i:   []int32{0, -1, 1 << 31 >> 1, -1 << 31, 1<<31 - 1}[k%5],
			l:   []int64{-1 << 63, 1<<63 - 1, 0, -42}[k%4],
			at:  times[k%4],
			oat: times[k%5],
			ok:  k%2 == 0,
		})
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	w := &writer{tx: tx}
	n := 0
	err = w.copyIn(ctx, "by_copy", []string{"n", "s", "os", "b", "i", "l", "at", "oat", "ok"}, copyEach(rows, func(e *copyEncoder, r row) {
		e.row(9)
		e.int4(int32(n))
		e.text(r.s)
		e.optText(r.os)
		e.bytea(r.b)
		e.int4(r.i)
		e.int8(r.l)
		e.time(r.at)
		e.optTime(r.oat)
		e.boolean(r.ok)
		n++
	}))
	if err != nil {
		t.Fatal(err)
	}
	for k, r := range rows {
		if _, err := tx.Exec(ctx, `INSERT INTO by_insert VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			k, r.s, pgText(r.os), r.b, r.i, r.l, pgTime(r.at), pgOptTime(r.oat), r.ok); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) []string {
		rs, err := tx.Query(ctx, `SELECT n, s, os IS NULL, coalesce(os, ''), encode(b, 'hex'), i, l, extract(epoch FROM at)::text,
			coalesce(extract(epoch FROM oat)::text, 'null'), ok FROM `+name+` ORDER BY n`)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for rs.Next() {
			v, err := rs.Values()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.TrimSuffix(fmt.Sprintln(v...), "\n"))
		}
		if err := rs.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	got, want := read("by_copy"), read("by_insert")
	if len(got) != len(rows) || len(want) != len(rows) {
		t.Fatalf("%d rows copied, %d inserted, want %d", len(got), len(want), len(rows))
	}
	for k := range got {
		if got[k] != want[k] {
			t.Fatalf("row %d: copied %q, inserted %q", k, got[k], want[k])
		}
	}
	// The first of the times, cut to the microsecond: one before the epoch.
	if !strings.HasSuffix(got[0], " -0.000001 -0.000001 true") {
		t.Errorf("row 0: %q, want its time -0.000001 s from the Unix epoch", got[0])
	}
}
