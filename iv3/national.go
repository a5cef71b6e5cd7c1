package iv3

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"grip"
)

// ReadOptions tell ReadDataset what it reads.
type ReadOptions struct {
	// Year and Basis identify the dataset ("2023", begroting).
	Year  int
	Basis grip.Iv3Basis
	// Source names the file in messages and in the dataset.
	Source string
	// Gemeenten maps the file's names to CBS codes. Required.
	Gemeenten *Gemeenten
	// Progress, when set, is called every ProgressEvery rows and at the end
	// with the number of data rows read so far.
	Progress      func(rows int)
	ProgressEvery int
}

var datasetFileName = regexp.MustCompile(`^(\d{4})_(begroting|jaarrekening)\.csv$`)

// ParseFileName reads year and basis from a national file's name
// ("2023_jaarrekening.csv"); ok is false for other names.
func ParseFileName(path string) (year int, basis grip.Iv3Basis, ok bool) {
	m := datasetFileName.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return 0, "", false
	}
	year, _ = strconv.Atoi(m[1])
	return year, grip.Iv3Basis(m[2]), true
}

// National file columns, as in the header of every file.
var nationalHeader = []string{"Gemeenten", "Taakveld", "L1.1 Salarissen en sociale lasten", "Baten", "Lasten",
	"Provincie", "Gemeentegrootte", "Stedelijkheid", "Inwonertal"}

const (
	colName = iota
	colTaakveld
	colSalaries
	colBaten
	colLasten
	colProvince
	colSize
	colUrbanity
	colInhabitants
)

// ReadDataset reads one national Iv3 file: semicolon-separated, one row per
// gemeente and taakveld, amounts in thousands of euros ("9869.0"), gemeenten
// by name with their inwonertal. The row "Nederland" (the national total) is
// skipped. Every name must be a known gemeente; every amount a number. Errors
// are *grip.Error with code EInvalid naming file, line and field.
func ReadDataset(r io.Reader, opt ReadOptions) (*grip.Iv3Dataset, error) {
	if opt.Gemeenten == nil {
		return nil, fmt.Errorf("iv3: ReadDataset without a gemeenten table")
	}
	src := opt.Source
	if src == "" {
		src = "invoer"
	}
	every := opt.ProgressEvery
	if every <= 0 {
		every = 5000
	}
	ds := &grip.Iv3Dataset{Year: opt.Year, Basis: opt.Basis, Source: opt.Source}
	seenMun := map[string]int{}
	seenFig := map[[2]string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	rows := 0
	var fields [][]byte
	for sc.Scan() {
		line++
		raw := bytes.TrimRight(sc.Bytes(), "\r")
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
			if err := checkHeader(string(raw)); err != nil {
				return nil, grip.Errorf(grip.EInvalid, "%s, regel 1: %s", src, err)
			}
			continue
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		fields = splitFields(fields[:0], raw)
		if len(fields) < len(nationalHeader) {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: %d velden, verwacht er minstens %d (gescheiden door ;)",
				src, line, len(fields), len(nationalHeader))
		}
		name := strings.TrimSpace(string(fields[colName]))
		if name == "Nederland" {
			continue
		}
		gm, ok := opt.Gemeenten.Lookup(name)
		if !ok {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Gemeenten: onbekende gemeente %q: verwacht een naam uit de CBS-lijst van gemeenten 2023-2025",
				src, line, name)
		}
		code, err := taakveldCode(string(fields[colTaakveld]))
		if err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Taakveld: %s", src, line, err)
		}
		lasten, err := parseThousands(fields[colLasten])
		if err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Lasten: %s", src, line, err)
		}
		baten, err := parseThousands(fields[colBaten])
		if err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Baten: %s", src, line, err)
		}
		if _, ok := seenMun[gm.Code]; !ok {
			inh, err := strconv.ParseInt(strings.TrimSpace(string(fields[colInhabitants])), 10, 64)
			if err != nil || inh < 0 {
				return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Inwonertal: %q is geen aantal inwoners",
					src, line, fields[colInhabitants])
			}
			seenMun[gm.Code] = len(ds.Municipalities)
			ds.Municipalities = append(ds.Municipalities, grip.Iv3Municipality{
				Code:        gm.Code,
				Name:        gm.Name,
				Province:    Province(string(fields[colProvince])),
				SizeClass:   SizeClass(string(fields[colSize])),
				Urbanity:    Urbanity(string(fields[colUrbanity])),
				Inhabitants: inh,
			})
		}
		key := [2]string{gm.Code, code}
		if prev, dup := seenFig[key]; dup {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: gemeente %s en taakveld %s staan er al op regel %d",
				src, line, name, code, prev)
		}
		seenFig[key] = line
		ds.Figures = append(ds.Figures, grip.Iv3Figure{Organisation: gm.Code, Taakveld: code, Lasten: lasten, Baten: baten})
		rows++
		if opt.Progress != nil && rows%every == 0 {
			opt.Progress(rows)
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: regel te lang", src, line+1)
		}
		return nil, fmt.Errorf("iv3: read %s: %w", src, err)
	}
	if line == 0 {
		return nil, grip.Errorf(grip.EInvalid, "%s is leeg: verwacht een kopregel %q", src, strings.Join(nationalHeader, ";"))
	}
	if opt.Progress != nil {
		opt.Progress(rows)
	}
	return ds, nil
}

func checkHeader(h string) error {
	got := strings.Split(h, ";")
	if len(got) < len(nationalHeader) {
		return fmt.Errorf("kopregel heeft %d kolommen, verwacht %q", len(got), strings.Join(nationalHeader, ";"))
	}
	for i, want := range nationalHeader {
		if strings.TrimSpace(got[i]) != want {
			return fmt.Errorf("kolom %d heet %q, verwacht %q", i+1, got[i], want)
		}
	}
	return nil
}

// splitFields splits a line on ';'. The national files quote nothing.
func splitFields(dst [][]byte, line []byte) [][]byte {
	for {
		i := bytes.IndexByte(line, ';')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// taakveldCode takes the code from a label such as "6.71a Huishoudelijke hulp (WMO)".
func taakveldCode(label string) (string, error) {
	label = strings.TrimSpace(label)
	code, _, _ := strings.Cut(label, " ")
	if !validCode(code) {
		return "", fmt.Errorf("%q begint niet met een taakveldcode zoals 6.71a", label)
	}
	return code, nil
}

func validCode(code string) bool {
	chap, rest, ok := strings.Cut(code, ".")
	if !ok || chap == "" || rest == "" || len(code) > 12 {
		return false
	}
	for _, r := range chap {
		if r < '0' || r > '9' {
			return false
		}
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	for _, r := range rest[i:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// parseThousands reads an amount in thousands of euros ("9869.0", "-12.5",
// "" for none) as cents, without floating point.
func parseThousands(b []byte) (grip.Cents, error) {
	s := strings.TrimSpace(string(b))
	if s == "" {
		return 0, nil
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if !allDigits(intPart) || len(intPart) > 12 || len(frac) > 5 || (frac != "" && !allDigits(frac)) {
		return 0, fmt.Errorf("%q is geen bedrag in duizenden euro's zoals 9869.0", string(b))
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is geen bedrag in duizenden euro's zoals 9869.0", string(b))
	}
	// 1 (thousand euro) = 100.000 cents; the fraction has at most 5 digits.
	cents := n * 100000
	if frac != "" {
		f, err := strconv.ParseInt(frac+strings.Repeat("0", 5-len(frac)), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%q is geen bedrag in duizenden euro's zoals 9869.0", string(b))
		}
		cents += f
	}
	if neg {
		cents = -cents
	}
	return grip.Cents(cents), nil
}

// Province normalises a province name: the files write Fryslân in some
// years and Friesland in others.
func Province(s string) string {
	s = strings.TrimSpace(s)
	if s == "Friesland" {
		return "Fryslân"
	}
	return s
}

// SizeClass writes a CBS size class as a reader would: "50000tot100000inwoners"
// becomes "50.000 tot 100.000 inwoners". Unknown forms are returned trimmed.
func SizeClass(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "minderdan") && strings.HasSuffix(s, "inwoners"):
		n := strings.TrimSuffix(strings.TrimPrefix(s, "minderdan"), "inwoners")
		return "minder dan " + groupDigits(n) + " inwoners"
	case strings.HasSuffix(s, "inwonersofmeer"):
		return groupDigits(strings.TrimSuffix(s, "inwonersofmeer")) + " inwoners of meer"
	case strings.Contains(s, "tot") && strings.HasSuffix(s, "inwoners"):
		a, b, _ := strings.Cut(strings.TrimSuffix(s, "inwoners"), "tot")
		return groupDigits(a) + " tot " + groupDigits(b) + " inwoners"
	}
	return s
}

// SizeClasses lists the CBS size classes from small to large, as SizeClass writes them.
func SizeClasses() []string {
	return []string{"minder dan 5.000 inwoners", "5.000 tot 10.000 inwoners", "10.000 tot 20.000 inwoners",
		"20.000 tot 50.000 inwoners", "50.000 tot 100.000 inwoners", "100.000 tot 150.000 inwoners",
		"150.000 tot 250.000 inwoners", "250.000 inwoners of meer"}
}

func groupDigits(n string) string {
	v, err := strconv.ParseInt(n, 10, 64)
	if err != nil || v < 0 {
		return n
	}
	return grip.DutchDigits(v)
}

// Urbanity writes a CBS stedelijkheid class in words: "Zeersterkstedelijk"
// becomes "zeer sterk stedelijk".
func Urbanity(s string) string {
	switch strings.TrimSpace(s) {
	case "Zeersterkstedelijk":
		return "zeer sterk stedelijk"
	case "Sterkstedelijk":
		return "sterk stedelijk"
	case "Matigstedelijk":
		return "matig stedelijk"
	case "Weinigstedelijk":
		return "weinig stedelijk"
	case "Nietstedelijk":
		return "niet stedelijk"
	}
	return strings.TrimSpace(s)
}

// ReadGemeenteklassen reads a gemeenteklassen file (tab-separated: Gemeenten,
// Provincie, Gemeentegrootte, Stedelijkheid, Inwonertal) into the
// municipalities it describes, with CBS codes.
func ReadGemeenteklassen(r io.Reader, source string, gemeenten *Gemeenten) ([]grip.Iv3Municipality, error) {
	if gemeenten == nil {
		return nil, fmt.Errorf("iv3: ReadGemeenteklassen without a gemeenten table")
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var out []grip.Iv3Municipality
	seen := map[string]bool{}
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
			if !strings.HasPrefix(raw, "Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal") {
				return nil, grip.Errorf(grip.EInvalid, "%s, regel 1: verwacht de kopregel Gemeenten, Provincie, Gemeentegrootte, Stedelijkheid, Inwonertal (gescheiden door tabs)", source)
			}
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		f := strings.Split(raw, "\t")
		if len(f) < 5 {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: %d velden, verwacht er 5 (gescheiden door tabs)", source, line, len(f))
		}
		gm, ok := gemeenten.Lookup(f[0])
		if !ok {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Gemeenten: onbekende gemeente %q", source, line, f[0])
		}
		if seen[gm.Code] {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: gemeente %q staat er twee keer in", source, line, f[0])
		}
		seen[gm.Code] = true
		inh, err := strconv.ParseInt(strings.TrimSpace(f[4]), 10, 64)
		if err != nil || inh < 0 {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d, veld Inwonertal: %q is geen aantal inwoners", source, line, f[4])
		}
		out = append(out, grip.Iv3Municipality{Code: gm.Code, Name: gm.Name, Province: Province(f[1]),
			SizeClass: SizeClass(f[2]), Urbanity: Urbanity(f[3]), Inhabitants: inh})
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, grip.Errorf(grip.EInvalid, "%s, regel %d: regel te lang", source, line+1)
		}
		return nil, fmt.Errorf("iv3: read %s: %w", source, err)
	}
	return out, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
