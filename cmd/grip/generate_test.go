package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"grip"
	"grip/store"
)

func TestGenerateWritesTheGemeente(t *testing.T) {
	db := filepath.Join(t.TempDir(), "grip.db")
	code, out, errOut := runGrip(t, db, "generate", "--size", "small", "--org", "GM9990", "--name", "Proefdorp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Proefdorp (GM9990)") || !strings.Contains(out, "/proefdorp/begroting-2025") {
		t.Errorf("output %q", out)
	}
	// Again with the same seed: the document is replaced, not doubled.
	if code, _, errOut := runGrip(t, db, "generate", "--size", "small", "--org", "GM9990", "--name", "Proefdorp"); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, errOut)
	}
	a := &app{}
	cat, err := a.taakvelden()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), db, cat)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.Documents(context.Background(), "GM9990")
	if err != nil || len(docs) != 1 || docs[0].Kind != grip.KindBegroting || docs[0].Counts.Activities != 20 {
		t.Errorf("documents %+v, %v", docs, err)
	}
}

func TestGenerateRefusesUnknownSize(t *testing.T) {
	code, _, errOut := runGrip(t, filepath.Join(t.TempDir(), "grip.db"), "generate", "--size", "huge")
	if code != 1 || !strings.Contains(errOut, "onbekende grootte") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
