package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"grip"
	"grip/store"
)

// deadlineStore is the real store, noting the deadline of the context its
// SchemaVersion is called with.
type deadlineStore struct {
	grip.Store
	deadline time.Time
	has      bool
}

func (s *deadlineStore) SchemaVersion(ctx context.Context) (int, error) {
	s.deadline, s.has = ctx.Deadline()
	return s.Store.SchemaVersion(ctx)
}

// TestServedRequestsHaveADeadline: the store sees a request context that
// ends before the server's write timeout cuts the connection, so a slow
// query stops and its error can still be answered.
func TestServedRequestsHaveADeadline(t *testing.T) {
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		log: slog.New(slog.DiscardHandler)}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "grip.db"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	spy := &deadlineStore{Store: db}
	h, err := a.httpHandler(spy)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/healthz: %d", rec.Code)
	}
	if !spy.has {
		t.Fatal("the store was called without a deadline")
	}
	if left := spy.deadline.Sub(start); left <= 0 || left >= writeTimeout {
		t.Fatalf("deadline %v after the start, want within the write timeout %v", left, writeTimeout)
	}
}
