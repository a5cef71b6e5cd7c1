// Package iv3 knows the official Iv3 classification of CBS: the taakveld lists
// per boekjaar (embedded from CBS's published definitions) and the national
// figures per gemeente. It implements grip.TaakveldCatalog.
package iv3

import (
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"grip"
)

//go:embed definities/*.json
var definitions embed.FS

// Catalog holds the taakveld lists of every boekjaar CBS has published.
// It is read-only after NewCatalog and safe for concurrent use.
type Catalog struct {
	years map[int]yearList
	first int
	last  int
}

type yearList struct {
	ordered []grip.Taakveld
	byCode  map[string]grip.Taakveld
}

var _ grip.TaakveldCatalog = (*Catalog)(nil)

var definitionFile = regexp.MustCompile(`^iv3_definities_Gemeente_(\d{4})\.json$`)

// NewCatalog reads the embedded definitions.
func NewCatalog() (*Catalog, error) {
	entries, err := definitions.ReadDir("definities")
	if err != nil {
		return nil, fmt.Errorf("iv3: read embedded definitions: %w", err)
	}
	c := &Catalog{years: map[int]yearList{}}
	for _, e := range entries {
		m := definitionFile.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		year, _ := strconv.Atoi(m[1])
		raw, err := definitions.ReadFile("definities/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("iv3: read %s: %w", e.Name(), err)
		}
		list, err := parseTaakvelden(raw)
		if err != nil {
			return nil, fmt.Errorf("iv3: %s: %w", e.Name(), err)
		}
		c.years[year] = list
		if c.first == 0 || year < c.first {
			c.first = year
		}
		if year > c.last {
			c.last = year
		}
	}
	if len(c.years) == 0 {
		return nil, fmt.Errorf("iv3: no embedded definitions")
	}
	return c, nil
}

type codeNode struct {
	Code         string     `json:"code"`
	Omschrijving string     `json:"omschrijving"`
	Subcodes     []codeNode `json:"subcodes"`
}

func parseTaakvelden(raw []byte) (yearList, error) {
	var doc struct {
		Codelijsten struct {
			Taakveld struct {
				Codelijst []codeNode `json:"codelijst"`
			} `json:"taakveld"`
		} `json:"codelijsten"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return yearList{}, err
	}
	l := yearList{byCode: map[string]grip.Taakveld{}}
	var walk func([]codeNode)
	walk = func(ns []codeNode) {
		for _, n := range ns {
			if len(n.Subcodes) > 0 {
				walk(n.Subcodes)
				continue
			}
			// Leaves are the taakvelden; headings such as "0." and totals such
			// as "Tot_TV" have subcodes.
			if n.Code == "" || strings.HasSuffix(n.Code, ".") {
				continue
			}
			tv := grip.Taakveld{Code: n.Code, Name: strings.TrimSpace(n.Omschrijving)}
			l.byCode[n.Code] = tv
			l.ordered = append(l.ordered, tv)
		}
	}
	walk(doc.Codelijsten.Taakveld.Codelijst)
	if len(l.ordered) == 0 {
		return yearList{}, fmt.Errorf("no taakvelden found")
	}
	sort.Slice(l.ordered, func(i, j int) bool { return CompareCodes(l.ordered[i].Code, l.ordered[j].Code) < 0 })
	return l, nil
}

// Years returns the first and last boekjaar with a list.
func (c *Catalog) Years() (first, last int) { return c.first, c.last }

// list returns the list of year; a year CBS has not published has none.
func (c *Catalog) list(year int) (yearList, bool) {
	if l, ok := c.years[year]; ok {
		return l, true
	}
	return yearList{}, false
}

// Taakveld returns the taakveld with code in the list of year.
func (c *Catalog) Taakveld(year int, code string) (grip.Taakveld, bool) {
	l, ok := c.list(year)
	if !ok {
		return grip.Taakveld{}, false
	}
	tv, ok := l.byCode[code]
	return tv, ok
}

// Taakvelden returns the list of year, ordered by code; nil for an unknown year.
func (c *Catalog) Taakvelden(year int) []grip.Taakveld {
	l, ok := c.list(year)
	if !ok {
		return nil
	}
	return append([]grip.Taakveld(nil), l.ordered...)
}

// CompareCodes orders taakveld codes as CBS lists them; see
// grip.CompareTaakveldCodes.
func CompareCodes(a, b string) int { return grip.CompareTaakveldCodes(a, b) }
