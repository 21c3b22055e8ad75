package sqlite

import (
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func BenchmarkInsertReports(b *testing.B) {
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchInsertReports(b, s)
}

func BenchmarkScopedReads(b *testing.B) {
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchScopedReads(b, s, func() error {
		_, err := s.write.Exec(`ANALYZE`)
		return err
	})
}
