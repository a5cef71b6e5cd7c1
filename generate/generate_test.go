package generate

import (
	"encoding/json"
	"testing"

	"grip"
	"grip/iv3"
)

func TestLargeHasAmsterdamSize(t *testing.T) {
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	org, doc, err := Gemeente(Options{Size: Large, Seed: 1}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if err := org.Validate(); err != nil {
		t.Fatal(err)
	}
	c := doc.Counts()
	if len(doc.Programmes) != 12 || c.Themes != 60 || c.Goals+c.Subgoals != 400 || c.Activities != 2000 || c.Indicators != 600 || c.Measurements != 6000 {
		t.Errorf("counts %+v, programmes %d", c, len(doc.Programmes))
	}
	tvs := cat.Taakvelden(doc.Year)
	if c.FinanceLines != len(tvs)*10*2 {
		t.Errorf("%d finance lines, want every taakveld (%d) x 10 years x lasten/baten", c.FinanceLines, len(tvs))
	}
	for i := range doc.Programmes {
		for _, p := range doc.Programmes[i].Proposals {
			if err := p.Validate(); err != nil {
				t.Error(err)
			}
		}
		for _, l := range doc.Programmes[i].FinanceLines {
			if _, ok := cat.Taakveld(doc.TaakveldYear(), l.Taakveld); !ok {
				t.Errorf("unknown taakveld %s", l.Taakveld)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	enc := func(seed uint64) string {
		_, d, err := Gemeente(Options{Size: Small, Seed: seed}, cat)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(d)
		return string(b)
	}
	if enc(3) != enc(3) {
		t.Error("same seed, different gemeente")
	}
	if enc(3) == enc(4) {
		t.Error("different seeds, same gemeente")
	}
	if _, _, err := Gemeente(Options{Size: "huge"}, cat); grip.ErrorCode(err) != grip.EInvalid {
		t.Errorf("unknown size: %v", err)
	}
}
