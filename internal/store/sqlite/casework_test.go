package sqlite

import (
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/store/storetest"
)

func TestCasework(t *testing.T) {
	storetest.RunCasework(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
