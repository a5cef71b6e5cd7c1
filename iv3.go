package grip

import (
	"strconv"
	"strings"
)

// Taakveld is one entry of the official Iv3 list of a boekjaar.
type Taakveld struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// TaakveldCatalog knows the official taakveld lists per boekjaar.
type TaakveldCatalog interface {
	// Taakveld returns the taakveld with code in the list of year, and false
	// when the code is not valid for that year (or the year is unknown).
	Taakveld(year int, code string) (Taakveld, bool)
	// Taakvelden returns the list of year, ordered by code.
	Taakvelden(year int) []Taakveld
}

// Iv3Basis is whether national figures are a begroting or a jaarrekening.
type Iv3Basis string

// Iv3 bases.
const (
	Iv3Begroting    Iv3Basis = "begroting"
	Iv3Jaarrekening Iv3Basis = "jaarrekening"
)

// Iv3Dataset is the national figures of one year and basis: lasten and baten
// per taakveld for every gemeente.
type Iv3Dataset struct {
	Year           int               `json:"year"`
	Basis          Iv3Basis          `json:"basis"`
	Source         string            `json:"source,omitempty"`
	Municipalities []Iv3Municipality `json:"municipalities"`
	Figures        []Iv3Figure       `json:"figures"`
}

// Iv3Municipality is a gemeente as the national dataset describes it that year.
type Iv3Municipality struct {
	Code        string `json:"code"` // CBS code
	Name        string `json:"name"`
	Province    string `json:"province,omitempty"`
	SizeClass   string `json:"size_class,omitempty"`
	Urbanity    string `json:"urbanity,omitempty"`
	Inhabitants int64  `json:"inhabitants"`
}

// Iv3Figure is lasten and baten of one gemeente on one taakveld.
type Iv3Figure struct {
	Organisation string `json:"organisation"`
	Taakveld     string `json:"taakveld"`
	Lasten       Cents  `json:"lasten"`
	Baten        Cents  `json:"baten"`
}

// Iv3DatasetInfo describes a stored national dataset.
type Iv3DatasetInfo struct {
	Year           int      `json:"year"`
	Basis          Iv3Basis `json:"basis"`
	Source         string   `json:"source,omitempty"`
	Municipalities int      `json:"municipalities"`
	Figures        int      `json:"figures"`
}

// Iv3Query selects national figures. Empty fields select all; set fields
// must all hold.
type Iv3Query struct {
	Year     int
	Basis    Iv3Basis
	Taakveld string
	// Taakvelden selects the figures on any of these codes, in one query
	// (a comparison reads a taakveld and its lettered sub-taakvelden).
	Taakvelden    []string
	Organisations []string
}

// Iv3Row is a figure with the gemeente's description of that dataset.
type Iv3Row struct {
	Year  int      `json:"year"`
	Basis Iv3Basis `json:"basis"`
	Iv3Municipality
	Taakveld string `json:"taakveld"`
	Lasten   Cents  `json:"lasten"`
	Baten    Cents  `json:"baten"`
}

// CompareTaakveldCodes orders taakveld codes as CBS lists them: by chapter, then by
// the digits after the dot as a decimal fraction (6.1 < 6.2 < 6.71 < 6.72 <
// 6.81), then by letter suffix (6.71a < 6.71b).
func CompareTaakveldCodes(a, b string) int {
	ka, kb := codeKey(a), codeKey(b)
	if ka.chapter != kb.chapter {
		return ka.chapter - kb.chapter
	}
	if c := strings.Compare(ka.digits, kb.digits); c != 0 {
		return c
	}
	return strings.Compare(ka.suffix, kb.suffix)
}

type codeParts struct {
	chapter int
	digits  string
	suffix  string
}

func codeKey(code string) codeParts {
	chap, rest, _ := strings.Cut(code, ".")
	n, err := strconv.Atoi(chap)
	if err != nil {
		n = 1 << 20
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	return codeParts{chapter: n, digits: rest[:i], suffix: rest[i:]}
}
