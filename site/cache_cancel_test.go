package site

import (
	"context"
	"testing"

	"grip/generate"
)

// TestDocumentLoadSurvivesAHangUp: the request that starts loading a
// document may be cancelled (its client went away) while others wait for
// the same load; the load must not fail for them.
func TestDocumentLoadSurvivesAHangUp(t *testing.T) {
	f := newFixture(t, generate.Small)
	s := f.h.(*server)
	org, err := s.org(context.Background(), f.org.Slug)
	if err != nil {
		t.Fatal(err)
	}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	d, err := s.document(gone, org, f.doc.Slug())
	if err != nil {
		t.Fatalf("document loaded for a cancelled request: %v, want the document (others wait for it)", err)
	}
	if d.idx == nil {
		t.Fatal("document has no index")
	}
}
