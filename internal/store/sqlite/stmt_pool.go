package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxPooledStmts bounds how many statement texts the read pool keeps
// prepared. Reads have few texts (a scope's predicate varies only with
// the number of partners); a text beyond the bound is compiled each time,
// as without the cache.
const maxPooledStmts = 256

// stmtPool is the read pool with its statements compiled once: SQLite
// spends about as long parsing and planning a short query as running it,
// and the public check runs the same few queries all day. database/sql
// prepares a Stmt on each connection the first time it runs there.
type stmtPool struct {
	*sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newStmtPool(db *sql.DB) *stmtPool {
	return &stmtPool{DB: db, stmts: map[string]*sql.Stmt{}}
}

// stmt returns q prepared, or nil when the pool is full or q does not
// compile (running it unprepared then reports the error).
func (p *stmtPool) stmt(ctx context.Context, q string) *sql.Stmt {
	p.mu.RLock()
	st, ok := p.stmts[q]
	p.mu.RUnlock()
	if ok {
		return st
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st, ok := p.stmts[q]; ok {
		return st
	}
	if len(p.stmts) >= maxPooledStmts {
		return nil
	}
	st, err := p.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	p.stmts[q] = st
	return st
}

func (p *stmtPool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.DB.QueryContext(ctx, q, args...)
}

func (p *stmtPool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := p.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.DB.QueryRowContext(ctx, q, args...)
}

// Close closes the statements, then the pool.
func (p *stmtPool) Close() error {
	p.mu.Lock()
	for q, st := range p.stmts {
		st.Close()
		delete(p.stmts, q)
	}
	p.mu.Unlock()
	return p.DB.Close()
}
