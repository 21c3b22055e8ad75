package postgres

import (
	"context"
	"encoding/binary"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// copyEncoder appends rows in PostgreSQL's binary COPY format: per row, the
// number of fields, then each field's length (-1 for NULL) and bytes, as
// the server's receive function of its column's type reads them.
//
// The import writes millions of rows by COPY; pgx's CopyFrom takes each
// row as a []any and looks up an encoding plan per value, which cost about
// as much as the rest of the load's writing (boxing every string and time,
// a reflect.Type and two map probes a value: 14% of a 200,000-report
// load's CPU, pprof). The columns here are few and their types known, so
// each is appended directly.
type copyEncoder struct{ b []byte }

// copyHeader opens a binary COPY: the signature, no flags, no extension.
const copyHeader = "PGCOPY\n\xff\r\n\x00" + "\x00\x00\x00\x00" + "\x00\x00\x00\x00"

// row begins a row of n fields.
func (e *copyEncoder) row(n int) { e.b = binary.BigEndian.AppendUint16(e.b, uint16(n)) }

func (e *copyEncoder) null() { e.b = append(e.b, 0xff, 0xff, 0xff, 0xff) }

// text is a text column's value (its bytes: the server checks the encoding).
func (e *copyEncoder) text(s string) {
	e.b = binary.BigEndian.AppendUint32(e.b, uint32(len(s)))
	e.b = append(e.b, s...)
}

// optText stores "" as NULL, as pgText does.
func (e *copyEncoder) optText(s string) {
	if s == "" {
		e.null()
		return
	}
	e.text(s)
}

// boolean is a boolean column's value.
func (e *copyEncoder) boolean(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.b = append(e.b, 0, 0, 0, 1, b)
}

// bytea is a bytea column's value.
func (e *copyEncoder) bytea(v []byte) {
	e.b = binary.BigEndian.AppendUint32(e.b, uint32(len(v)))
	e.b = append(e.b, v...)
}

// int4 is an integer column's value.
func (e *copyEncoder) int4(v int32) {
	e.b = binary.BigEndian.AppendUint32(e.b, 4)
	e.b = binary.BigEndian.AppendUint32(e.b, uint32(v))
}

// int8 is a bigint column's value.
func (e *copyEncoder) int8(v int64) {
	e.b = binary.BigEndian.AppendUint32(e.b, 8)
	e.b = binary.BigEndian.AppendUint64(e.b, uint64(v))
}

// pgEpoch is PostgreSQL's epoch, 2000-01-01 UTC, in microseconds after
// Unix's.
const pgEpoch = 946_684_800 * 1_000_000

// time is a timestamptz column's value: microseconds since 2000-01-01
// UTC, cut rather than rounded, as pgTime keeps it.
func (e *copyEncoder) time(t time.Time) {
	e.b = binary.BigEndian.AppendUint32(e.b, 8)
	e.b = binary.BigEndian.AppendUint64(e.b, uint64(t.Unix()*1_000_000+int64(t.Nanosecond()/1000)-pgEpoch))
}

// optTime stores the zero time as NULL, as pgOptTime does.
func (e *copyEncoder) optTime(t time.Time) {
	if t.IsZero() {
		e.null()
		return
	}
	e.time(t)
}

// copyChunk is about how much a copyReader encodes at a time: a little
// less than pgconn reads at once (64 KiB less its header), so that a chunk
// usually goes as one message.
const copyChunk = 48 << 10

// copyReader is the binary COPY stream of the rows next appends, one call
// a row, until it reports false; encoded a chunk at a time as the
// connection reads it.
type copyReader struct {
	enc  copyEncoder
	next func(e *copyEncoder) bool
	pos  int
	done bool
}

func (r *copyReader) Read(p []byte) (int, error) {
	if r.pos == len(r.enc.b) {
		r.enc.b, r.pos = r.enc.b[:0], 0
	}
	if r.pos == 0 {
		for !r.done && len(r.enc.b) < copyChunk {
			if !r.next(&r.enc) {
				r.done = true
				r.enc.b = append(r.enc.b, 0xff, 0xff) // the trailer
			}
		}
	}
	if r.pos == len(r.enc.b) {
		return 0, io.EOF
	}
	n := copy(p, r.enc.b[r.pos:])
	r.pos += n
	return n, nil
}

// copyIn copies into table's columns cols the rows next appends (see
// copyReader), in the binary format.
func (w *writer) copyIn(ctx context.Context, table string, cols []string, next func(e *copyEncoder) bool) error {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = pgx.Identifier{c}.Sanitize()
	}
	sql := `COPY ` + pgx.Identifier{table}.Sanitize() + ` (` + strings.Join(quoted, ", ") + `) FROM STDIN (FORMAT binary)`
	r := &copyReader{enc: copyEncoder{b: append(make([]byte, 0, 2*copyChunk), copyHeader...)}, next: next}
	_, err := w.tx.Conn().PgConn().CopyFrom(ctx, r, sql)
	return translate(err)
}

// copyEach is next for copyIn over a slice: put appends one item's row.
func copyEach[T any](items []T, put func(e *copyEncoder, item T)) func(e *copyEncoder) bool {
	i := 0
	return func(e *copyEncoder) bool {
		if i == len(items) {
			return false
		}
		put(e, items[i])
		i++
		return true
	}
}
