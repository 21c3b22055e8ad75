package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// maxVars is SQLite's limit on parameters in one statement
// (SQLITE_MAX_VARIABLE_NUMBER); multi-row statements are cut to fit.
const maxVars = 32766

// stmtRows bounds the rows of one multi-row statement. Compiling a
// statement costs as much as its text is long, and the statements of a
// transaction are compiled anew, so a batch is better cut into many short
// statements of one or two shapes than into a few long ones: executing one
// costs per row all the same.
const stmtRows = 500

// dbtx is what reads need: the read pool or the write transaction.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reader implements store.Reader on the read pool or inside a transaction.
type reader struct {
	db dbtx
}

// writer implements store.Writer inside one transaction. It keeps the
// statements it prepares for the length of the transaction, so a batch cut
// into equal pieces compiles each statement once.
type writer struct {
	reader
	tx    *sql.Tx
	stmts map[stmtKey]*sql.Stmt
	bulk  *bulkLoad // a bulk load under way (BeginBulk)
}

type stmtKey struct {
	sql  string // the statement's text, or its head for multi-row inserts
	rows int
}

// prepared returns the statement for key, preparing it with build the first
// time in this transaction.
func (w *writer) prepared(ctx context.Context, key stmtKey, build func() string) (*sql.Stmt, error) {
	if st, ok := w.stmts[key]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, build())
	if err != nil {
		return nil, translate(err)
	}
	w.stmts[key] = st
	return st, nil
}

// multiRow is one multi-row statement: head ("INSERT INTO t (a, b) VALUES"),
// the number of columns per row, and tail (ON CONFLICT ... RETURNING ...).
type multiRow struct {
	head string
	cols int
	tail string
}

// rowsPerStmt is how many rows go in one statement: as many as fit, up to
// stmtRows.
func (m multiRow) rowsPerStmt() int { return min(maxVars/m.cols, stmtRows) }

func (m multiRow) sql(rows int) string {
	var b strings.Builder
	row := "(" + strings.Repeat("?,", m.cols-1) + "?)"
	b.Grow(len(m.head) + len(m.tail) + rows*(len(row)+1) + 2)
	b.WriteString(m.head)
	b.WriteByte(' ')
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	b.WriteByte(' ')
	b.WriteString(m.tail)
	return b.String()
}

// stmt returns the prepared statement of m for rows rows.
func (w *writer) stmt(ctx context.Context, m multiRow, rows int) (*sql.Stmt, error) {
	return w.prepared(ctx, stmtKey{m.head + "\x00" + m.tail, rows}, func() string { return m.sql(rows) })
}

// placeholders returns "?,?,?" for n parameters.
func placeholders(n int) string {
	if n == 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}
