package demo

import (
	"compress/gzip"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"grip"
	"grip/iv3"
)

// The social-domain part (taakvelden 6.x) of the four national Iv3 files, in
// their own format, gzipped. See iv3/README.md.
//
//go:embed iv3/*.csv.gz iv3/README.md iv3/LICENSE
var iv3Files embed.FS

// Iv3Datasets returns the bundled national figures: lasten and baten on the
// social-domain taakvelden (6.x) of all 342 gemeenten, begroting 2023, 2024
// and 2025 and jaarrekening 2023, ordered by year then basis.
func Iv3Datasets() ([]*grip.Iv3Dataset, error) {
	gms, err := iv3.NewGemeenten()
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(iv3Files, "iv3/*.csv.gz")
	if err != nil {
		return nil, fmt.Errorf("demo: list iv3 files: %w", err)
	}
	sort.Strings(names)
	var out []*grip.Iv3Dataset
	for _, name := range names {
		ds, err := readBundled(name, gms)
		if err != nil {
			return nil, err
		}
		out = append(out, ds)
	}
	return out, nil
}

func readBundled(name string, gms *iv3.Gemeenten) (*grip.Iv3Dataset, error) {
	base := strings.TrimSuffix(path.Base(name), ".gz")
	year, basis, ok := iv3.ParseFileName(base)
	if !ok {
		return nil, fmt.Errorf("demo: bundled file %s has no year_basis name", name)
	}
	f, err := iv3Files.Open(name)
	if err != nil {
		return nil, fmt.Errorf("demo: open %s: %w", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("demo: %s: %w", name, err)
	}
	defer zr.Close()
	ds, err := iv3.ReadDataset(zr, iv3.ReadOptions{Year: year, Basis: basis,
		Source: "demo: " + base + " (taakvelden 6.x)", Gemeenten: gms})
	if err != nil {
		return nil, fmt.Errorf("demo: %s: %w", name, err)
	}
	return ds, nil
}
