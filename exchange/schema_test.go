package exchange_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSchemaDescribesExport checks docs/grip-export.schema.json against what
// Write produces, so that the documented schema cannot drift from the format.
func TestSchemaDescribesExport(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join("..", "docs", "grip-export.schema.json"))
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	f, err := os.Open(filepath.Join("testdata", "export.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("testdata/export.json does not match the schema: %v", err)
	}
	// And the schema rejects what the reader rejects.
	bad := map[string]any{"format": "grip-export", "version": 1, "organisations": []any{}, "documents": []any{}, "extra": true}
	if err := sch.Validate(bad); err == nil {
		t.Error("the schema accepts an unknown field")
	}
}
