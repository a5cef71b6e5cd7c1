// Package exchange is grip's JSON export format: one document holding
// organisations and their documents, written by `grip export` and read by
// `grip load`. The format is described in docs/format.md and
// docs/grip-export.schema.json.
//
// Writing is canonical — organisations by code, documents by organisation,
// year and kind in the order of the cycle, everything else in stored order,
// two-space indentation, integers for money — so that export → load into an
// empty database → export gives the same bytes. The file holds no store IDs:
// links use the document-local keys. National Iv3 datasets are not part of
// it: they are reference data, imported again from CBS's files.
//
// Reading is strict: unknown fields, wrong types, duplicate fields and
// malformed JSON are errors naming the file, line:column and JSON path.
package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"grip"
)

// Format and Version identify the format; a reader refuses other values.
const (
	Format  = "grip-export"
	Version = 1
)

// maxFileSize bounds what Read takes in (the whole file is held in memory).
const maxFileSize = 1 << 30

// File is one export: organisations and their documents.
type File struct {
	Format        string              `json:"format"`
	Version       int                 `json:"version"`
	Organisations []grip.Organisation `json:"organisations"`
	Documents     []*grip.Document    `json:"documents"`
}

// Export collects from s all organisations, or only the one with code org
// when org is not empty, with all their documents, in canonical order.
func Export(ctx context.Context, s grip.Store, org string) (*File, error) {
	f := &File{Format: Format, Version: Version, Organisations: []grip.Organisation{}, Documents: []*grip.Document{}}
	if org != "" {
		o, err := s.Organisation(ctx, org)
		if err != nil {
			return nil, err
		}
		f.Organisations = append(f.Organisations, *o)
	} else {
		os, err := s.Organisations(ctx)
		if err != nil {
			return nil, err
		}
		f.Organisations = append(f.Organisations, os...)
	}
	for _, o := range f.Organisations {
		infos, err := s.Documents(ctx, o.Code)
		if err != nil {
			return nil, err
		}
		for _, info := range infos {
			d, err := s.Document(ctx, o.Code, info.ID)
			if err != nil {
				return nil, err
			}
			f.Documents = append(f.Documents, d)
		}
	}
	f.sort()
	return f, nil
}

// sort puts f in canonical order.
func (f *File) sort() {
	sort.SliceStable(f.Organisations, func(i, j int) bool { return f.Organisations[i].Code < f.Organisations[j].Code })
	sort.SliceStable(f.Documents, func(i, j int) bool {
		a, b := f.Documents[i], f.Documents[j]
		if a.Organisation != b.Organisation {
			return a.Organisation < b.Organisation
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Kind.CycleOrder() < b.Kind.CycleOrder()
	})
}

// Write writes f in canonical form: sorted, indented, ending in a newline.
func Write(w io.Writer, f *File) error {
	out := *f
	out.Format, out.Version = Format, Version
	out.Organisations = append([]grip.Organisation{}, f.Organisations...)
	out.Documents = make([]*grip.Document, len(f.Documents))
	for i, d := range f.Documents {
		c := *d
		if c.Programmes == nil {
			c.Programmes = []grip.Programme{}
		}
		out.Documents[i] = &c
	}
	out.sort()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("exchange: write: %w", err)
	}
	return nil
}

// Read decodes and checks an export. name is the file name used in messages.
// Every mistake is an *grip.Error (EInvalid) naming the file, the line and
// column where it can be seen, the JSON path and what was expected.
func Read(r io.Reader, name string, tv grip.TaakveldCatalog) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: kan het bestand niet lezen", name)
	}
	if len(data) > maxFileSize {
		return nil, grip.Errorf(grip.EInvalid, "%s: het bestand is groter dan %d MB", name, maxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, grip.Errorf(grip.EInvalid, "%s:1:1: het bestand is leeg: verwacht een grip-export (JSON zoals grip export die schrijft)", name)
	}
	var f File
	if err := jsonv2.Unmarshal(data, &f, jsonv2.RejectUnknownMembers(true)); err != nil {
		return nil, decodeError(data, name, err)
	}
	at := func(path string) string { return locate(data, name, path) }
	if f.Format != Format {
		return nil, grip.Errorf(grip.EInvalid, "%s: format: %q is geen grip-export: verwacht \"format\": %q", at("format"), f.Format, Format)
	}
	if f.Version != Version {
		return nil, grip.Errorf(grip.EInvalid, "%s: version: versie %d wordt niet ondersteund: verwacht %d", at("version"), f.Version, Version)
	}
	codes := map[string]int{}
	for i, o := range f.Organisations {
		p := fmt.Sprintf("organisations[%d]", i)
		if err := o.Validate(); err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s: %s: %s", at(p), p, grip.ErrorMessage(err))
		}
		if j, dup := codes[o.Code]; dup {
			return nil, grip.Errorf(grip.EInvalid, "%s: %s.code: organisatie %s staat ook al als organisations[%d] in het bestand", at(p+".code"), p, o.Code, j)
		}
		codes[o.Code] = i
	}
	type ident struct {
		org  string
		kind grip.DocumentKind
		year int
	}
	docs := map[ident]int{}
	for i, d := range f.Documents {
		p := fmt.Sprintf("documents[%d]", i)
		if d == nil {
			return nil, grip.Errorf(grip.EInvalid, "%s: %s: verwacht een document, gevonden null", at(p), p)
		}
		if err := grip.ValidateDocumentAt(d, tv, p); err != nil {
			return nil, grip.Errorf(grip.EInvalid, "%s: %s", at(p), grip.ErrorMessage(err))
		}
		id := ident{d.Organisation, d.Kind, d.Year}
		if j, dup := docs[id]; dup {
			return nil, grip.Errorf(grip.EInvalid, "%s: %s: %s %s %d staat ook al als documents[%d] in het bestand", at(p), p, d.Organisation, d.Kind, d.Year, j)
		}
		docs[id] = i
	}
	return &f, nil
}

// Load writes f into s in one transaction. A document's organisation must be
// in the file or already in s; on any error nothing is written.
func Load(ctx context.Context, s grip.Store, actor string, f *File, name string) error {
	inFile := map[string]bool{}
	for _, o := range f.Organisations {
		inFile[o.Code] = true
	}
	known := map[string]bool{}
	for i, d := range f.Documents {
		if inFile[d.Organisation] || known[d.Organisation] {
			continue
		}
		if _, err := s.Organisation(ctx, d.Organisation); err != nil {
			if grip.ErrorCode(err) == grip.ENotFound {
				return grip.Errorf(grip.EInvalid, "%s: documents[%d].organisation: organisatie %s staat niet in het bestand en niet in de database: verwacht haar in \"organisations\"",
					name, i, d.Organisation)
			}
			return err
		}
		known[d.Organisation] = true
	}
	if err := s.Apply(ctx, actor, grip.Batch{Organisations: f.Organisations, Documents: f.Documents}); err != nil {
		if code := grip.ErrorCode(err); code != grip.EInternal {
			return grip.Errorf(code, "%s: %s", name, grip.ErrorMessage(err))
		}
		return err
	}
	return nil
}

// decodeError turns an error of the JSON decoder into a message for people.
func decodeError(data []byte, name string, err error) error {
	var (
		se  *jsonv2.SemanticError
		sy  *jsontext.SyntacticError
		off int64
		ptr jsontext.Pointer
		msg string
	)
	switch {
	case asError(err, &sy):
		off, ptr = sy.ByteOffset, sy.JSONPointer
		msg = syntaxMessage(sy, data[min(max(off, 0), int64(len(data))):])
	case asError(err, &se):
		off, ptr = se.ByteOffset, se.JSONPointer
		if se.JSONValue == nil && (se.JSONKind == '"' || se.JSONKind == '0') && off < int64(len(data)) {
			// Show the value that was found, read from the file itself.
			start := skipSpace(data, off)
			if v, err := jsontext.NewDecoder(bytes.NewReader(data[start:])).ReadValue(); err == nil {
				se.JSONValue = v
			}
		}
		msg = semanticMessage(se)
	default:
		return grip.Errorf(grip.EInvalid, "%s: ongeldige JSON", name)
	}
	path := pathOf(ptr)
	where := position(data, name, off)
	if path == "" {
		return grip.Errorf(grip.EInvalid, "%s: %s", where, msg)
	}
	return grip.Errorf(grip.EInvalid, "%s: %s: %s", where, path, msg)
}

func asError[T error](err error, target *T) bool {
	for err != nil {
		if e, ok := err.(T); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// syntaxMessage describes a syntax error; at is the input from its offset.
func syntaxMessage(e *jsontext.SyntacticError, at []byte) string {
	switch {
	case e.Err == io.ErrUnexpectedEOF:
		return "het bestand houdt halverwege op: verwacht het vervolg van de JSON"
	case e.Err == jsontext.ErrDuplicateName:
		return "dit veld staat twee keer in hetzelfde object: verwacht elk veld één keer"
	case e.Err != nil && strings.Contains(e.Err.Error(), "UTF-8"):
		return "ongeldige tekens: verwacht UTF-8"
	}
	if r, _ := utf8.DecodeRune(at); len(at) > 0 && r != utf8.RuneError {
		return fmt.Sprintf("ongeldige JSON: onverwacht teken %q; verwacht een waarde, komma, dubbele punt of sluitend haakje volgens de JSON-syntaxis", r)
	}
	return "ongeldige JSON: verwacht een waarde, komma, dubbele punt of sluitend haakje volgens de JSON-syntaxis"
}

func semanticMessage(e *jsonv2.SemanticError) string {
	if e.Err == jsonv2.ErrUnknownName {
		field := e.JSONPointer.LastToken()
		return fmt.Sprintf("onbekend veld %q: verwacht een van %s", field, strings.Join(fieldNames(e.GoType), ", "))
	}
	want := describeType(e.GoType)
	found := describeKind(e.JSONKind, e.JSONValue)
	if found == "" {
		return "verwacht " + want
	}
	return fmt.Sprintf("verwacht %s, gevonden %s", want, found)
}

// fieldNames lists the JSON names of a struct type's fields.
func fieldNames(t reflect.Type) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return []string{"(geen velden)"}
	}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		if tag == "-" || !t.Field(i).IsExported() {
			continue
		}
		if tag == "" {
			if t.Field(i).Anonymous {
				names = append(names, fieldNames(t.Field(i).Type)...)
				continue
			}
			tag = t.Field(i).Name
		}
		names = append(names, tag)
	}
	return names
}

func describeType(t reflect.Type) string {
	if t == nil {
		return "een andere waarde"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if t == reflect.TypeFor[grip.Cents]() {
			return "een bedrag in centen (geheel getal)"
		}
		return "een geheel getal"
	case reflect.Float32, reflect.Float64:
		return "een getal"
	case reflect.String:
		return "tekst"
	case reflect.Bool:
		return "true of false"
	case reflect.Slice, reflect.Array:
		return "een lijst [...]"
	case reflect.Struct, reflect.Map:
		return "een object {...}"
	}
	return "een andere waarde"
}

func describeKind(k jsontext.Kind, v jsontext.Value) string {
	val := string(v)
	if len(val) > 40 {
		val = val[:40] + "..."
	}
	switch k {
	case '"':
		if val != "" {
			return "de tekst " + val
		}
		return "tekst"
	case '0':
		if val != "" {
			return "het getal " + val
		}
		return "een getal"
	case '{':
		return "een object"
	case '[':
		return "een lijst"
	case 't', 'f':
		return string(k.String())
	case 'n':
		return "null"
	}
	return ""
}

// pathOf turns a JSON pointer (/documents/0/programmes/3) into the path
// people read (documents[0].programmes[3]). In this format every object key
// is a field name, never a number, so a number is an index.
func pathOf(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// position is "name:line:column" of a byte offset (columns count characters).
func position(data []byte, name string, off int64) string {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("%s:%d:%d", name, line, col)
}

// locate finds where the value at path (as pathOf writes it) starts, and
// returns its position; just the name when it cannot be found.
func locate(data []byte, name, path string) string {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	for {
		off := dec.InputOffset()
		if _, err := dec.ReadToken(); err != nil {
			return name
		}
		kind, _ := dec.StackIndex(dec.StackDepth())
		// After reading a value token (not an object name), the pointer names it.
		if p := pathOf(dec.StackPointer()); p == path && !(kind == '{' && dec.StackDepth() > 0 && isName(dec)) {
			return position(data, name, skipSpace(data, off))
		}
	}
}

// isName reports whether the decoder just read an object member name.
func isName(dec *jsontext.Decoder) bool {
	_, n := dec.StackIndex(dec.StackDepth())
	return n%2 == 1
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
		off++
	}
	return off
}
