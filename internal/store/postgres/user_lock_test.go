package postgres

import (
	"context"
	"sync"
	"testing"
	"time"

	"counterscam/internal/store"
)

// TestUserReadForUpdate: two transactions that each read a user and add
// one to its failures both count. The second reads while the first has
// read and not yet written; READ COMMITTED alone would let it read the
// old count, and the first's write would be lost.
func TestUserReadForUpdate(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, freshSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{
		`INSERT INTO orgs (id, name, created_at) VALUES ('01JH0000000000000000000001', 'KNPA', now())`,
		`INSERT INTO users (id, org, email, role, created_at) VALUES ('01JH0000000000000000000011', 'KNPA', 'a@knpa.test', 'analyst', now())`,
	} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	const id = "01JH0000000000000000000011"
	add := func(w store.Writer) error {
		u, err := w.GetUser(ctx, id)
		if err != nil {
			return err
		}
		u.Failures++
		return w.UpdateUser(ctx, u)
	}
	read, started := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-read
		close(started)
		if err := s.Update(ctx, add); err != nil {
			t.Error(err)
		}
	}()
	err = s.Update(ctx, func(w store.Writer) error {
		u, err := w.GetUser(ctx, id)
		if err != nil {
			return err
		}
		close(read)
		<-started
		time.Sleep(100 * time.Millisecond) // the other transaction reads meanwhile (or waits, as it should)
		u.Failures++
		return w.UpdateUser(ctx, u)
	})
	if err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	u, err := s.GetUser(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if u.Failures != 2 {
		t.Fatalf("failures after two transactions each added one: %d, want 2", u.Failures)
	}
}
