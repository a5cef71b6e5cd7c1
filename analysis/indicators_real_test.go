package analysis_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip/analysis"
)

// TestIndicatorsRealDocuments pins what `grip indicators` judges on the three
// real documents: testdata/indicators-*.golden lists per indicator its key,
// the direction it is judged by ("(verplicht)" when it is the default of a
// verplichte beleidsindicator), the status, the deviation and what the
// status compares. Run with -update after a deliberate change and review the diff.
func TestIndicatorsRealDocuments(t *testing.T) {
	for _, name := range realDocuments {
		t.Run(name, func(t *testing.T) {
			res := readReal(t, name)
			var b strings.Builder
			for pi := range res.Document.Programmes {
				for _, r := range analysis.Indicators(&res.Document.Programmes[pi]) {
					dir := string(r.Direction)
					if dir == "" {
						dir = "richting-onbekend"
					}
					if r.DirectionDefault {
						dir += " (verplicht)"
					}
					fmt.Fprintf(&b, "%s\t%s\t%s\n\t%s\n", r.Key, dir, r.Status, r.StatusText())
				}
			}
			golden := filepath.Join("testdata", "indicators-"+strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./analysis -run TestIndicatorsRealDocuments -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("indicator statuses changed; got:\n%s", b.String())
			}
		})
	}
}
