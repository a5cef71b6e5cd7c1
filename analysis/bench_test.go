package analysis

import (
	"encoding/json"
	"testing"

	"grip/generate"
)

// BenchmarkCheckLarge runs every check on the large generated gemeente
// (12 programmes, 2.000 activities, 600 indicators); the target is < 1 s.
// Reference: json.Marshal of the same document.
func BenchmarkCheckLarge(b *testing.B) {
	c := catalog(b)
	org, doc, err := generate.Gemeente(generate.Options{Size: generate.Large, Seed: 1}, c)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			Check(doc, org, c)
		}
	})
	b.Run("reference-json-marshal", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestCheckLargeGenerated(t *testing.T) {
	c := catalog(t)
	org, doc, err := generate.Gemeente(generate.Options{Size: generate.Large, Seed: 1}, c)
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(doc, org, c)
	for _, f := range fs {
		if f.Code == CodeTaakveldInvalid {
			t.Errorf("generated document uses an invalid taakveld: %s", f.Message)
		}
	}
	byCode := map[string]int{}
	for _, f := range fs {
		byCode[f.Code]++
	}
	t.Logf("%d findings on the large generated gemeente: %v", len(fs), byCode)
}
