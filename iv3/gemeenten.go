package iv3

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
)

//go:embed gemeenten.csv
var gemeentenCSV string

// Gemeente is one gemeente of the CBS list of 2023-2025: its code and names.
type Gemeente struct {
	// Code is the CBS gemeentecode ("GM0164").
	Code string `json:"code"`
	// Name is the name as CBS StatLine and the national Iv3 files write it ("Hengelo").
	Name string `json:"name"`
	// CBSName is the name with the province suffix CBS uses to tell
	// gemeenten apart ("Hengelo (O.)"); empty when it equals Name.
	CBSName string `json:"cbs_name,omitempty"`
}

// Gemeenten is the table of gemeentecodes and names (iv3/gemeenten.csv, see
// iv3/README.md for its sources). It is read-only after NewGemeenten.
type Gemeenten struct {
	list   []Gemeente
	byCode map[string]int
	byName map[string]int
}

// NewGemeenten reads the embedded table.
func NewGemeenten() (*Gemeenten, error) {
	r := csv.NewReader(strings.NewReader(gemeentenCSV))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("iv3: read gemeenten.csv: %w", err)
	}
	g := &Gemeenten{byCode: map[string]int{}, byName: map[string]int{}}
	for i, rec := range recs {
		if i == 0 {
			continue
		}
		if len(rec) != 3 {
			return nil, fmt.Errorf("iv3: gemeenten.csv line %d: want 3 fields, got %d", i+1, len(rec))
		}
		gm := Gemeente{Code: rec[0], Name: rec[1], CBSName: rec[2]}
		if _, dup := g.byCode[gm.Code]; dup {
			return nil, fmt.Errorf("iv3: gemeenten.csv line %d: code %s twice", i+1, gm.Code)
		}
		idx := len(g.list)
		g.list = append(g.list, gm)
		g.byCode[gm.Code] = idx
		for _, n := range []string{gm.Name, gm.CBSName} {
			if n == "" {
				continue
			}
			k := nameKey(n)
			if other, dup := g.byName[k]; dup && other != idx {
				return nil, fmt.Errorf("iv3: gemeenten.csv line %d: name %q twice", i+1, n)
			}
			g.byName[k] = idx
		}
	}
	sort.Slice(g.list, func(i, j int) bool { return g.list[i].Code < g.list[j].Code })
	for i, gm := range g.list {
		g.byCode[gm.Code] = i
		g.byName[nameKey(gm.Name)] = i
		if gm.CBSName != "" {
			g.byName[nameKey(gm.CBSName)] = i
		}
	}
	return g, nil
}

// nameKey normalises a gemeente name for lookup: case and spacing do not
// matter, and CBS's " (gemeente)" suffix (used where a province has the same
// name: "Utrecht (gemeente)") is dropped.
func nameKey(name string) string {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	k = strings.TrimSuffix(k, " (gemeente)")
	return k
}

// Lookup finds a gemeente by name as written in national files ("Hengelo",
// "Hengelo (O.)", "Utrecht (gemeente)"). A name shared by two gemeenten
// ("Bergen") matches neither: only "Bergen (L.)" and "Bergen (NH.)" do.
func (g *Gemeenten) Lookup(name string) (Gemeente, bool) {
	i, ok := g.byName[nameKey(name)]
	if !ok {
		return Gemeente{}, false
	}
	return g.list[i], true
}

// ByCode finds a gemeente by its CBS code ("GM0164").
func (g *Gemeenten) ByCode(code string) (Gemeente, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Gemeente{}, false
	}
	return g.list[i], true
}

// All returns every gemeente, ordered by code.
func (g *Gemeenten) All() []Gemeente { return append([]Gemeente(nil), g.list...) }
