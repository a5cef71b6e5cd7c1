package storetest

import (
	"context"
	"testing"

	"grip"
)

// testIfUnchanged: a read-modify-write with Batch.IfUnchanged fails with
// EConflict, and changes nothing, when the document was replaced or deleted
// after it was read; when nothing happened in between it is written.
func testIfUnchanged(t *testing.T, s grip.Store) {
	ctx := context.Background()
	setup(t, s, Document("GM1700", grip.KindKadernota, 2020, 1))
	read := func() *grip.Document {
		t.Helper()
		d, err := s.DocumentByKindYear(ctx, "GM1700", grip.KindKadernota, 2020)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}

	// Nothing in between: written.
	mine := read()
	mine.Title = "Kadernota 2020 (eigen wijziging)"
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{mine}, IfUnchanged: true}); err != nil {
		t.Fatalf("Apply IfUnchanged without a change in between: %v", err)
	}
	if got := read(); got.Title != mine.Title {
		t.Fatalf("title %q, want %q", got.Title, mine.Title)
	}

	// Replaced in between: refused, the other's replace stays.
	mine = read()
	mine.Title = "Kadernota 2020 (te laat)"
	theirs := Document("GM1700", grip.KindKadernota, 2020, 2)
	theirs.Title = "Kadernota 2020 (opnieuw ingelezen)"
	if err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{theirs}}); err != nil {
		t.Fatal(err)
	}
	err := s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{mine}, IfUnchanged: true})
	wantCode(t, "Apply IfUnchanged after a replace", err, grip.EConflict)
	Equal(t, "document after the refused write", read(), theirs)

	// Deleted in between: refused, nothing comes back.
	mine = read()
	if err := s.DeleteDocument(ctx, "test", "GM1700", mine.ID); err != nil {
		t.Fatal(err)
	}
	err = s.Apply(ctx, "test", grip.Batch{Documents: []*grip.Document{mine}, IfUnchanged: true})
	wantCode(t, "Apply IfUnchanged after a delete", err, grip.EConflict)
	_, err = s.DocumentByKindYear(ctx, "GM1700", grip.KindKadernota, 2020)
	wantCode(t, "deleted document", err, grip.ENotFound)
}
