package demo

import (
	"testing"

	"grip"
	"grip/importer"
	"grip/iv3"
)

// TestDocumentsImport: the bundled documents import, recognised from their
// own text and name, and pass validation.
func TestDocumentsImport(t *testing.T) {
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	gms, err := iv3.NewGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	files := Documents()
	if len(files) != 3 {
		t.Fatalf("documents = %d, want 3", len(files))
	}
	want := map[string]string{"GM1700": "kadernota", "GM0164": "begroting", "GM0677": "jaarverslag"}
	for _, f := range files {
		res, err := importer.Read(f.Name, f.Data, importer.Options{Taakvelden: cat, Gemeenten: importer.LookupIn(gms)})
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if want[res.Organisation.Code] != string(res.Document.Kind) {
			t.Errorf("%s: %s %s", f.Name, res.Organisation.Code, res.Document.Kind)
		}
		if err := grip.ValidateDocument(res.Document, cat); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}
