// Package importer reads the documents gemeenten publish — text exported
// from a begroting website, an HTML page, a Word (.docx) file — into grip's
// domain values, with a report of everything it could not place or had to
// guess. It is pure: bytes in, a document out; it never touches a database.
//
// One parser reads every format: each format reader reduces its input to
// lines (headings, paragraphs, list items, table rows) and the parser
// recognises the levels of the goal tree, the proposal, indicator, taakveld
// and variance tables and the progress per speerpunt by their Dutch words,
// whatever a gemeente calls them.
package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"grip"
)

// DefaultMaxSize is the largest file Read accepts when Options.MaxSize is 0.
const DefaultMaxSize = 100 << 20

// GemeenteLookup finds a gemeente by name ("Hengelo", "Hengelo (O.)") and
// returns its CBS code and its name as CBS writes it.
type GemeenteLookup func(name string) (code, canonical string, ok bool)

// Options steer a Read. Zero values mean: recognise from the document.
type Options struct {
	// Org is the CBS code of the organisation; it overrides recognition.
	Org string
	// OrgName names the organisation when Org is not a known gemeente.
	OrgName string
	// Kind and Year override what the document says.
	Kind grip.DocumentKind
	Year int
	// Taakvelden is the Iv3 catalog used to read and check taakveld tables.
	Taakvelden grip.TaakveldCatalog
	// Gemeenten finds CBS codes by name; when nil only a small built-in
	// table is known.
	Gemeenten GemeenteLookup
	// MaxSize is the largest input accepted, in bytes (0: DefaultMaxSize).
	MaxSize int64
}

// Result is what Read made of one file.
type Result struct {
	Document *grip.Document
	// Organisation is the organisation the document belongs to, as
	// recognised (code, name, slug) or given, with Settings.LevelNames set
	// to the words the document used for the levels of its goal tree.
	Organisation grip.Organisation
	Report       Report
}

// Report is the import report of one file: what was found per level and
// every passage the reader could not place or had to guess.
type Report struct {
	File     string `json:"file"`
	Format   Format `json:"format"`
	Encoding string `json:"encoding,omitempty"`
	// Organisation, Kind and Year are what the document was read as; the
	// *From fields say where that came from: "optie", "tekst" or "bestandsnaam".
	Organisation string            `json:"organisation"`
	OrgFrom      string            `json:"organisation_from"`
	Kind         grip.DocumentKind `json:"kind"`
	KindFrom     string            `json:"kind_from"`
	Year         int               `json:"year"`
	YearFrom     string            `json:"year_from"`
	Counts       grip.Counts       `json:"counts"`
	// Proposals totals per year, each proposal counted once.
	ProposalTotals map[int]grip.Cents `json:"proposal_totals,omitempty"`
	Notes          []grip.SourceNote  `json:"notes"`
}

// ReadFile reads the file at path. It checks the size before reading.
func ReadFile(path string, opt Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, grip.Errorf(grip.ENotFound, "%s: bestand niet gevonden", path)
		}
		return nil, grip.Errorf(grip.EInvalid, "%s: bestand kan niet worden geopend", path)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, grip.Errorf(grip.EInvalid, "%s is een map: geef de bestanden erin, zoals %s", path, filepath.Join(path, "*.txt"))
	}
	return ReadFrom(filepath.Base(path), f, opt)
}

// ReadFrom reads a document from r, refusing more than opt.MaxSize bytes
// before it has read them all.
func ReadFrom(name string, r io.Reader, opt Options) (*Result, error) {
	max := opt.maxSize()
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > max {
			return nil, tooLarge(name, max)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: bestand kan niet worden gelezen", name)
	}
	if int64(len(data)) > max {
		return nil, tooLarge(name, max)
	}
	return Read(name, data, opt)
}

func tooLarge(name string, max int64) error {
	return grip.Errorf(grip.EInvalid, "%s: bestand is groter dan %d MB; splits het document of verklein het", name, max>>20)
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// Read reads one document. name is the file name (used to recognise the
// format, organisation, kind and year when the text does not say them).
// A file that cannot be read at all gives an *grip.Error and no result.
func Read(name string, data []byte, opt Options) (*Result, error) {
	if int64(len(data)) > opt.maxSize() {
		return nil, tooLarge(name, opt.maxSize())
	}
	if len(data) == 0 {
		return nil, grip.Errorf(grip.EInvalid, "%s: het bestand is leeg", name)
	}
	format := sniff(name, data)
	var (
		lines    []line
		encoding string
		err      error
	)
	switch format {
	case FormatPDF:
		return nil, grip.Errorf(grip.EInvalid, "%s: PDF wordt nog niet ondersteund; exporteer het document als tekst, HTML of Word (.docx)", name)
	case FormatDocx:
		lines, err = docxLines(name, data, opt.maxSize())
		if err != nil {
			return nil, err
		}
	case FormatHTML:
		var text string
		text, encoding = decodeText(data)
		// HTML parsers ignore NUL characters in text; so do we (no
		// database stores them alike).
		lines = htmlLines(strings.ReplaceAll(text, "\x00", ""))
	default:
		if looksBinary(data) {
			return nil, grip.Errorf(grip.EInvalid, "%s: dit is geen tekstbestand (binaire inhoud); lever tekst, HTML of .docx aan", name)
		}
		var text string
		text, encoding = decodeText(data)
		lines = textLines(text)
	}
	hasText := false
	for _, l := range lines {
		if !l.blank {
			hasText = true
			break
		}
	}
	if !hasText {
		return nil, grip.Errorf(grip.EInvalid, "%s: het bestand bevat geen tekst", name)
	}

	sum := sha256.Sum256(data)
	p := newParser(name, lines, opt)
	org, rep, err := p.recognise()
	if err != nil {
		return nil, err
	}
	doc := p.parse()
	// The words the document used for its levels, so that the website
	// says "doelenboom" or "speerpunt" rather than "thema".
	org.Settings.LevelNames = p.levelNames()
	sort.SliceStable(p.notes, func(i, j int) bool { return p.notes[i].Line < p.notes[j].Line })
	doc.Source = &grip.Source{FileName: name, SHA256: hex.EncodeToString(sum[:]), Format: string(format), Notes: p.notes}
	rep.File = name
	rep.Format = format
	rep.Encoding = encoding
	rep.Counts = doc.Counts()
	var all []grip.Proposal
	for i := range doc.Programmes {
		all = append(all, doc.Programmes[i].Proposals...)
	}
	if len(all) > 0 {
		rep.ProposalTotals = grip.ProposalTotals(all)
	}
	rep.Notes = p.notes
	if rep.Notes == nil {
		rep.Notes = []grip.SourceNote{}
	}
	return &Result{Document: doc, Organisation: org, Report: rep}, nil
}

// String renders the report for people, as `grip import` prints it.
func (r Report) String() string {
	return fmt.Sprintf("%s: %s %d van %s", r.File, r.Kind, r.Year, r.Organisation)
}
