package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"grip"
)

// The exports of the other formats are made from the real text documents:
// headings become <h2>/<h3> (Heading2/3 in Word), list items <li> (list
// paragraphs), "**bold**" <strong> (bold runs) and tab rows table rows.

var headingLine = regexp.MustCompile(`^(Programma |Doelenboom|Doel: |Subdoel: |Inhoudelijk perspectief|Beoogd maatschappelijk effect|Activiteiten|Metingen|Inleiding|VOORSTEL:|Hoofddoelstelling|Financieel overzicht|Beleidsindicatoren|Kengetallen|Verbonden partijen|Relevante beleidsnota|Programmadoelstelling|VOORTGANG SPEERPUNTEN)`)

type exportBlock struct {
	kind  string // h, p, li, row, blank
	text  string
	bold  bool
	cells []string
}

func exportBlocks(text string) []exportBlock {
	var out []exportBlock
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(raw)
		switch {
		case t == "":
			out = append(out, exportBlock{kind: "blank"})
		case strings.Contains(raw, "\t"):
			out = append(out, exportBlock{kind: "row", cells: strings.Split(raw, "\t")})
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "• "):
			item := strings.TrimSpace(t[strings.Index(t, " ")+1:])
			bold := strings.HasPrefix(item, "**") && strings.HasSuffix(item, "**") && len(item) > 4
			if bold {
				item = item[2 : len(item)-2]
			}
			out = append(out, exportBlock{kind: "li", text: item, bold: bold})
		case headingLine.MatchString(t) && len(t) < 200:
			out = append(out, exportBlock{kind: "h", text: t})
		default:
			out = append(out, exportBlock{kind: "p", text: t})
		}
	}
	return out
}

func toHTML(text string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Export</title></head><body>\n<nav><a href=\"/\">Home</a></nav>\n<main>\n")
	inList, inTable := false, false
	closeAll := func() {
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		if inTable {
			b.WriteString("</table>\n")
			inTable = false
		}
	}
	for _, blk := range exportBlocks(text) {
		switch blk.kind {
		case "blank":
			if inList {
				b.WriteString("</ul>\n")
				inList = false
			}
			continue
		case "li":
			if inTable {
				b.WriteString("</table>\n")
				inTable = false
			}
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			if blk.bold {
				fmt.Fprintf(&b, "<li><strong>%s</strong></li>\n", html.EscapeString(blk.text))
			} else {
				fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(blk.text))
			}
		case "row":
			if inList {
				b.WriteString("</ul>\n")
				inList = false
			}
			if !inTable {
				b.WriteString("<table>\n")
				inTable = true
			}
			b.WriteString("<tr>")
			for _, c := range blk.cells {
				fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(strings.TrimSpace(c)))
			}
			b.WriteString("</tr>\n")
		case "h":
			closeAll()
			fmt.Fprintf(&b, "<h3>%s</h3>\n", html.EscapeString(blk.text))
		default:
			closeAll()
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(blk.text))
		}
	}
	closeAll()
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

func toDocx(t testing.TB, text string) []byte {
	var body strings.Builder
	run := func(s string, bold bool) string {
		rpr := ""
		if bold {
			rpr = "<w:rPr><w:b/></w:rPr>"
		}
		return fmt.Sprintf(`<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rpr, html.EscapeString(s))
	}
	inTable := false
	for _, blk := range exportBlocks(text) {
		if blk.kind != "row" && inTable {
			body.WriteString("</w:tbl>")
			inTable = false
		}
		switch blk.kind {
		case "blank":
			body.WriteString("<w:p/>")
			continue
		case "h":
			fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr>%s</w:p>`, run(blk.text, false))
		case "li":
			fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>%s</w:p>`, run(blk.text, blk.bold))
		case "row":
			if !inTable {
				body.WriteString("<w:tbl>")
				inTable = true
			}
			body.WriteString("<w:tr>")
			for _, c := range blk.cells {
				fmt.Fprintf(&body, `<w:tc><w:p>%s</w:p></w:tc>`, run(strings.TrimSpace(c), false))
			}
			body.WriteString("</w:tr>")
		default:
			fmt.Fprintf(&body, `<w:p>%s</w:p>`, run(blk.text, false))
		}
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}
	docXML := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   docXML,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFormatsAgree reads each real document as text, as an HTML export and
// as a Word file: the same programme must come out.
func TestFormatsAgree(t *testing.T) {
	cat := catalog(t)
	for _, f := range []string{twenterandFile, hulstFile} {
		text := readTestdata(t, f)
		want := readDoc(t, f)
		base := strings.TrimSuffix(f, ".txt")
		for _, conv := range []struct {
			name string
			data []byte
			fmt  Format
		}{
			{base + ".html", toHTML(string(text)), FormatHTML},
			{base + ".docx", toDocx(t, string(text)), FormatDocx},
		} {
			res, err := Read(conv.name, conv.data, Options{Taakvelden: cat})
			if err != nil {
				t.Fatalf("%s: %v", conv.name, err)
			}
			if res.Report.Format != conv.fmt {
				t.Errorf("%s: format %s", conv.name, res.Report.Format)
			}
			got := res.Report.Counts
			w := want.Report.Counts
			if got.Themes != w.Themes || got.Goals != w.Goals || got.Subgoals != w.Subgoals || got.Proposals != w.Proposals ||
				got.Activities != w.Activities || got.ActivityLinks != w.ActivityLinks || got.ProgressEntries != w.ProgressEntries || got.Developments != w.Developments {
				t.Errorf("%s: counts %+v, text gives %+v", conv.name, got, w)
			}
			gt := fmt.Sprint(res.Report.ProposalTotals)
			wt := fmt.Sprint(want.Report.ProposalTotals)
			if gt != wt {
				t.Errorf("%s: proposal totals %s, text gives %s", conv.name, gt, wt)
			}
			if res.Organisation.Code != want.Organisation.Code || res.Document.Kind != want.Document.Kind || res.Document.Year != want.Document.Year {
				t.Errorf("%s: recognised %s %s %d", conv.name, res.Organisation.Code, res.Document.Kind, res.Document.Year)
			}
			if err := grip.ValidateDocument(res.Document, cat); err != nil {
				t.Errorf("%s: %v", conv.name, err)
			}
		}
	}
}

// TestHTMLExportHengelo reads an exported begroting page with real table
// cells: the taakveld table needs no splitting there.
func TestHTMLExportHengelo(t *testing.T) {
	res := readDoc(t, "hengelo-begroting-2019-extract.html")
	p := res.Document.Programmes[0]
	if p.Title != "Sociaal domein" || p.Number != "6" || strings.Join(p.PortfolioHolders, "|") != "van Wakeren|ten Heuw|Bruggink" {
		t.Errorf("programme %q %q %q", p.Number, p.Title, p.PortfolioHolders)
	}
	if len(p.Principles) != 3 || len(p.PolicyNotes) != 2 || len(p.Partners) != 2 || !strings.Contains(p.Partners[1].Text, "22 gemeenten") {
		t.Errorf("principles %d policy notes %d partners %+v", len(p.Principles), len(p.PolicyNotes), p.Partners)
	}
	var lasten, baten grip.Cents
	for _, fl := range p.FinanceLines {
		if fl.Year == 2019 && fl.Stage == grip.StagePrimitief {
			if fl.Side == grip.Lasten {
				lasten += fl.Amount
			} else {
				baten += fl.Amount
			}
		}
	}
	if lasten != grip.Euros(131330000) || baten != grip.Euros(45389000) {
		t.Errorf("lasten %s baten %s", lasten, baten)
	}
	if len(p.Indicators) != 5 || !hasNote(res.Report.Notes, grip.SeverityWarning, "schuldhulpverleningstrajecten", "twee keer") {
		t.Errorf("indicators %d, notes %+v", len(p.Indicators), res.Report.Notes)
	}
	for _, in := range p.Indicators {
		if in.Name == "Aantal beschutte werkplekken" && (len(in.Measurements) != 6 || *in.Measurements[0].Value != 14) {
			t.Errorf("beschutte werkplekken = %+v", in.Measurements)
		}
	}
	if res.Document.Source.Format != "html" {
		t.Errorf("format %q", res.Document.Source.Format)
	}
}

// TestEncodings: Windows-1252, a UTF-8 BOM and CRLF line ends read the same.
func TestEncodings(t *testing.T) {
	text := readTestdata(t, hulstFile)
	want := readDoc(t, hulstFile)
	cp, err := charmap.Windows1252.NewEncoder().Bytes(bytes.ReplaceAll(text, []byte("•"), []byte("-")))
	if err != nil {
		t.Fatal(err)
	}
	bom := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))...)
	for name, data := range map[string][]byte{"cp1252": cp, "bom-crlf": bom} {
		res, err := Read(hulstFile, data, Options{Taakvelden: catalog(t)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Report.Counts != want.Report.Counts {
			t.Errorf("%s: counts %+v, want %+v", name, res.Report.Counts, want.Report.Counts)
		}
		e := res.Document.Programmes[0].Progress[0]
		if !strings.Contains(e.Realisation, "‘Gratis kinderopvang’") || !strings.Contains(e.Realisation, "geïnventariseerd") {
			t.Errorf("%s: text not decoded: %.120q", name, e.Realisation)
		}
	}
	res, _ := Read(hulstFile, cp, Options{})
	if res.Report.Encoding != "windows-1252" {
		t.Errorf("encoding = %q", res.Report.Encoding)
	}
}

// TestBadFiles: every bad input gives a clear Dutch message and nothing else.
func TestBadFiles(t *testing.T) {
	big := make([]byte, 2<<20)
	for i := range big {
		big[i] = 'a'
	}
	validDocx := toDocx(t, string(readTestdata(t, hulstFile)))
	cases := []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"leeg.txt", nil, Options{}, "leeg"},
		{"spaties.txt", []byte("  \n\t\n  "), Options{}, "geen tekst"},
		{"plaatje.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), Options{}, "binaire inhoud"},
		{"begroting.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), Options{}, "PDF wordt nog niet ondersteund"},
		{"groot.txt", big, Options{MaxSize: 1 << 20}, "groter dan 1 MB"},
		{"kapot.docx", validDocx[:len(validDocx)/2], Options{}, "Word"},
		{"niet-word.docx", []byte("PK\x03\x04 this is not a zip"), Options{}, "Word"},
		{"onbekend.txt", []byte("Programma Iets\n\nEen tekst zonder gemeente, soort of jaar.\n"), Options{}, "geef --kind op"},
		{"zonder-jaar-kadernota.txt", []byte("Programma Iets\n\nEen tekst van gemeente Hulst.\n"), Options{}, "geef --year op"},
		{"kadernota-2020.txt", []byte("Programma Iets\n\nEen tekst zonder naam.\n"), Options{}, "geef --org op"},
		{"kadernota-2020-hulst.txt", []byte("Programma Iets\n"), Options{Org: "XX"}, "ongeldig"},
		{"kadernota-2020-hulst.txt", []byte("Programma Iets\n"), Options{Kind: "nota"}, "onbekend"},
	}
	for _, c := range cases {
		res, err := Read(c.name, c.data, c.opt)
		if err == nil || res != nil {
			t.Errorf("%s: no error (res %v)", c.name, res != nil)
			continue
		}
		if grip.ErrorCode(err) != grip.EInvalid || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: error %q (code %s), want one naming the file and %q", c.name, err, grip.ErrorCode(err), c.want)
		}
	}
	// Truncated text still reads, up to where it stops.
	text := readTestdata(t, twenterandFile)
	res, err := Read(twenterandFile, text[:len(text)/3], Options{})
	if err != nil || res.Report.Counts.Themes == 0 {
		t.Errorf("truncated text: %v", err)
	}
}

// TestOverrides: flags win over what the document says.
func TestOverrides(t *testing.T) {
	res, err := Read("x.txt", readTestdata(t, hulstFile), Options{Org: "gm0677", Kind: grip.KindTussentijds, Year: 2022})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Organisation != "GM0677" || r.OrgFrom != "optie" || r.Kind != grip.KindTussentijds || r.Year != 2022 || res.Organisation.Name != "Hulst" || res.Organisation.Slug != "hulst" {
		t.Errorf("report %+v, org %+v", r, res.Organisation)
	}
	res, err = Read("x.txt", readTestdata(t, hulstFile), Options{Org: "GM0677", Kind: grip.KindJaarverslag, Year: 2021,
		Gemeenten: func(name string) (string, string, bool) {
			if name == "Hulst" {
				return "GM0677", "Hulst", true
			}
			return "", "", false
		}})
	if err != nil || res.Organisation.Name != "Hulst" {
		t.Errorf("with lookup: %v %+v", err, res)
	}
}

// TestSpacedColumns: text whose columns are separated by runs of spaces (a
// PDF or fixed-width export) loses its empty cells; proposals and taakveld
// rows are still read.
func TestSpacedColumns(t *testing.T) {
	text := string(readTestdata(t, twenterandFile))
	want := readDoc(t, twenterandFile)
	res, err := Read(twenterandFile, []byte(strings.ReplaceAll(text, "\t", "   ")), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	g, w := res.Report.Counts, want.Report.Counts
	if g.Themes != w.Themes || g.Goals != w.Goals || g.Subgoals != w.Subgoals || g.Proposals != w.Proposals || g.ActivityLinks != w.ActivityLinks || g.Indicators < w.Indicators-2 {
		t.Errorf("counts %+v, with tabs %+v", g, w)
	}
	if fmt.Sprint(res.Report.ProposalTotals) != fmt.Sprint(want.Report.ProposalTotals) {
		t.Errorf("totals %v, with tabs %v", res.Report.ProposalTotals, want.Report.ProposalTotals)
	}
	fin := "Begroting 2021 gemeente Hengelo\n\nProgramma 6 Sociaal domein\n\nTaakveld   Lasten 2021   Baten 2021   Saldo 2021\n" +
		"6.1 Samenkracht en burgerparticipatie   -12.075   741   -11.334\n6.2 Wijkteams   -4.385   -4.385\nTotaal   -16.460   741   -15.719\n"
	res, err = Read("x.txt", []byte(fin), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fl := range res.Document.Programmes[0].FinanceLines {
		got = append(got, fmt.Sprintf("%s %s %d", fl.Taakveld, fl.Side, fl.Amount/100))
	}
	if strings.Join(got, ",") != "6.1 lasten 12075,6.1 baten 741,6.2 lasten 4385" || hasNote(res.Report.Notes, grip.SeverityWarning, "") {
		t.Errorf("lines %q, notes %+v", got, res.Report.Notes)
	}
}

// TestActivitiesAsHeadings: an HTML page that gives each activity a
// heading or a bold paragraph with its text below.
func TestActivitiesAsHeadings(t *testing.T) {
	page := `<html><body><h1>Programmabegroting 2022 gemeente Hulst</h1><h2>Programma 6 Sociaal domein</h2>
<h3>Ambitie: Iedereen doet mee</h3>
<h4>Wat willen we bereiken?</h4><p>Meer inwoners aan het werk.</p>
<h4>Wat gaan we daarvoor doen?</h4>
<h5>Werkgeversbenadering</h5><p>Met de regio benaderen we werkgevers.</p>
<p><strong>Taalhuis in elke kern</strong></p><p>Het taalhuis helpt laaggeletterden.</p>
</body></html>`
	res, err := Read("begroting.html", []byte(page), Options{Taakvelden: catalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Document.Programmes[0]
	if len(p.Activities) != 2 || p.Activities[0].Title != "Werkgeversbenadering" || p.Activities[1].Description != "Het taalhuis helpt laaggeletterden." {
		t.Errorf("activities %+v", p.Activities)
	}
	if res.Document.Kind != grip.KindBegroting || res.Document.Year != 2022 || res.Organisation.Code != "GM0677" {
		t.Errorf("recognised %s %d %s", res.Document.Kind, res.Document.Year, res.Organisation.Code)
	}
}

// TestReadFileTooLarge: a 200 MB file is refused from its size, before it
// is read (the file is sparse: it costs no disk).
func TestReadFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "begroting-2020.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadFile(path, Options{})
	if res != nil || err == nil || !strings.Contains(err.Error(), "groter dan 100 MB") {
		t.Errorf("ReadFile = %v, %v", res != nil, err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "bestaat-niet.txt"), Options{}); grip.ErrorCode(err) != grip.ENotFound {
		t.Errorf("missing file: %v", err)
	}
	// Through a reader that is not a file the limit holds as well.
	if _, err := ReadFrom("groot.txt", io.LimitReader(zeroReader{}, 3<<20), Options{MaxSize: 2 << 20}); err == nil || !strings.Contains(err.Error(), "groter dan 2 MB") {
		t.Errorf("ReadFrom: %v", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}
