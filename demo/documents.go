// Package demo holds what grip demo loads, embedded in the binary: real
// published documents of three gemeenten and the national Iv3 figures.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

//go:embed documents/*.txt documents/README.md
var documentFiles embed.FS

// File is a bundled document: its file name and its bytes, as the importer
// reads them (importer.Read(f.Name, f.Data, ...)).
type File struct {
	Name string
	Data []byte
}

// Documents returns the real published documents grip demo imports (see
// demo/documents/README.md), ordered by file name.
func Documents() []File {
	names, err := fs.Glob(documentFiles, "documents/*.txt")
	if err != nil {
		panic(fmt.Sprintf("demo: embedded documents: %v", err)) // the pattern is constant
	}
	sort.Strings(names)
	out := make([]File, 0, len(names))
	for _, n := range names {
		data, err := documentFiles.ReadFile(n)
		if err != nil {
			panic(fmt.Sprintf("demo: embedded document %s: %v", n, err))
		}
		out = append(out, File{Name: path.Base(n), Data: data})
	}
	return out
}
