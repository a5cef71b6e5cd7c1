package grip

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoPackageLevelMaps enforces the house rule "no package-level mutable
// state" for maps, the kind of global that code is most tempted to write
// to: no package of the module declares a package-level map outside the
// judged word lists below.
func TestNoPackageLevelMaps(t *testing.T) {
	// The package-level maps judged acceptable: word lists of the importer
	// and the analyses, only ever read. Anything else that needs a lookup
	// is a function with a switch, which nothing can write to.
	readOnlyWordMaps := map[string]bool{
		"analysis.stopwords":        true,
		"importer.gridHeadWords":    true,
		"importer.stopWords":        true,
		"importer.sectionWords":     true,
		"importer.goalWords":        true,
		"importer.builtinGemeenten": true,
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "scripts") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				_, declaredMap := vs.Type.(*ast.MapType)
				for i, name := range vs.Names {
					isMap := declaredMap
					if i < len(vs.Values) {
						if cl, ok := vs.Values[i].(*ast.CompositeLit); ok {
							_, isMap = cl.Type.(*ast.MapType)
						}
					}
					if isMap && !readOnlyWordMaps[f.Name.Name+"."+name.Name] {
						t.Errorf("%s: package-level map %s: make it a function (switch) or a field of the value that owns it", fset.Position(name.Pos()), name.Name)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
