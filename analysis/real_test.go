package analysis_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip/analysis"
	"grip/importer"
	"grip/iv3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// realDocuments are the three published documents, as the importer's
// testdata carries them (see importer/testdata/README.md).
var realDocuments = []string{
	"twenterand-kadernota-2020-sociaal-domein.txt",
	"hengelo-begroting-2019-programma-6-sociaal-domein.txt",
	"hulst-jaarverslag-2021-programma-06-sociaal-domein.txt",
}

func readReal(t testing.TB, name string) *importer.Result {
	t.Helper()
	gms, err := iv3.NewGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(n string) (string, string, bool) {
		g, ok := gms.Lookup(n)
		return g.Code, g.Name, ok
	}
	res, err := importer.ReadFile(filepath.Join("..", "importer", "testdata", name), importer.Options{Taakvelden: cat(t), Gemeenten: lookup})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestCheckRealDocuments pins the findings `grip check` gives on the three
// real documents: testdata/check-*.golden lists code, severity, place and
// message of each. Run with -update after a deliberate change and review the diff.
func TestCheckRealDocuments(t *testing.T) {
	for _, name := range realDocuments {
		t.Run(name, func(t *testing.T) {
			res := readReal(t, name)
			fs := analysis.Check(res.Document, res.Organisation, cat(t))
			var b strings.Builder
			for _, f := range fs {
				fmt.Fprintf(&b, "%s\t%s\t%s\n\t%s\n", f.Severity, f.Code, f.Place, f.Message)
			}
			golden := filepath.Join("testdata", "check-"+strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./analysis -run TestCheckRealDocuments -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("findings changed; got:\n%s", b.String())
			}
			if _, err := json.Marshal(fs); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestCheckReportsARepeatedRowOnce: Hengelo prints the row "aantal afgeronde
// schuldhulpverleningstrajecten" twice (lines 72 and 73). The importer notes
// it and the check for repeated indicator rows reports it: one finding, the
// check's, that names the note's line.
func TestCheckReportsARepeatedRowOnce(t *testing.T) {
	res := readReal(t, "hengelo-begroting-2019-programma-6-sociaal-domein.txt")
	var about []analysis.Finding
	for _, f := range analysis.Check(res.Document, res.Organisation, cat(t)) {
		if strings.Contains(f.Message, "aantal afgeronde schuldhulpverleningstrajecten") {
			about = append(about, f)
		}
	}
	if len(about) != 1 || about[0].Code != analysis.CodeIndicatorRepeated || about[0].Place.Line != 72 ||
		!strings.Contains(about[0].Message, "Ook gemeld bij het inlezen (regel 73).") {
		t.Errorf("findings about the repeated row: %+v", about)
	}
}
