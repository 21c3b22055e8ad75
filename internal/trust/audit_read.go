package trust

import (
	"context"
	"errors"

	"counterscam/internal/audit"
	"counterscam/internal/auth"
	"counterscam/internal/store"
)

// VerifyAudit walks the whole chain and names the first broken entry.
func (s *Service) VerifyAudit(ctx context.Context) (int64, *audit.Broken, error) {
	entries := make(chan *store.AuditEntry, 256)
	errc := make(chan error, 1)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(entries)
		errc <- s.st.AuditEntries(cctx, store.AuditFilter{}, func(e *store.AuditEntry) error {
			select {
			case entries <- e:
				return nil
			case <-cctx.Done():
				return cctx.Err()
			}
		})
	}()
	checked, broken, err := audit.Verify(func() (*audit.Entry, error) {
		e, ok := <-entries
		if !ok {
			return nil, nil
		}
		return audit.FromRecord(e), nil
	})
	cancel()
	for range entries {
	}
	if rerr := <-errc; rerr != nil && !errors.Is(rerr, context.Canceled) && err == nil {
		err = rerr
	}
	return checked, broken, err
}

// Audit lists entries that match f, for those allowed to read the trail.
func (s *Service) Audit(ctx context.Context, p Principal, f store.AuditFilter, fn func(*store.AuditEntry) error) error {
	if !p.Can(auth.ActionReadAudit) {
		return ErrForbidden
	}
	if !p.IsOperator() {
		f.Org = p.Org // an organisation's admin reads its own organisation's entries
	}
	return s.st.AuditEntries(ctx, f, fn)
}
