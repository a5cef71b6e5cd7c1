package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"grip"
)

// docxLines reduces a Word document (word/document.xml) to lines:
// paragraphs with their heading level (from the style: Heading1, Kop1),
// list paragraphs as bullets, bold runs, and tables as rows of cells. The
// line number of a line is the number of its paragraph in the document.
func docxLines(name string, data []byte, max int64) ([]line, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: geen geldig Word-bestand (.docx): het zip-archief is beschadigd of onvolledig", name)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: geen Word-document: word/document.xml ontbreekt in het archief", name)
	}
	if doc.UncompressedSize64 > uint64(max) {
		return nil, grip.Errorf(grip.EInvalid, "%s: het document is uitgepakt groter dan %d MB", name, max>>20)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: word/document.xml kan niet worden gelezen", name)
	}
	defer rc.Close()
	lines, err := parseDocumentXML(io.LimitReader(rc, max))
	if err != nil {
		return nil, grip.Errorf(grip.EInvalid, "%s: word/document.xml is geen geldige XML (bestand beschadigd of afgebroken?)", name)
	}
	return lines, nil
}

// parseDocumentXML walks the WordprocessingML body.
func parseDocumentXML(r io.Reader) ([]line, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	var (
		out       []line
		para      int
		inPara    bool
		buf       strings.Builder
		style     string
		isList    bool
		listLevel int
		inRun     bool
		runBold   bool
		textChars int
		boldChars int
		inText    bool
		tblDepth  int
		row       []string
		cellBuf   strings.Builder
		inCell    bool
		rowPara   int
	)
	endPara := func() {
		t := cleanSpace(buf.String())
		buf.Reset()
		if inCell {
			if t != "" {
				if cellBuf.Len() > 0 {
					cellBuf.WriteByte(' ')
				}
				cellBuf.WriteString(t)
			}
			return
		}
		if t == "" {
			out = append(out, line{no: para, blank: true})
			return
		}
		l := line{no: para, text: t, heading: headingLevel(style), bold: textChars > 0 && boldChars >= textChars}
		if isList && l.heading == 0 {
			l.bullet = true
			l.indent = listLevel * 2
		} else if l.heading == 0 {
			l.text, l.bullet = stripBullet(t)
		}
		out = append(out, l)
		if !l.bullet {
			out = append(out, line{no: para, blank: true})
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				para++
				inPara = true
				style, isList, listLevel = "", false, 0
				textChars, boldChars = 0, 0
				buf.Reset()
			case "pStyle":
				style = attr(t, "val")
			case "numPr":
				isList = true
			case "ilvl":
				if v := attr(t, "val"); len(v) == 1 && isDigit(v[0]) {
					listLevel = int(v[0] - '0')
				}
			case "r":
				inRun, runBold = true, false
			case "b":
				if inRun {
					v := attr(t, "val")
					runBold = v == "" || v == "1" || v == "true" || v == "on"
				}
			case "t":
				inText = true
			case "tab":
				if inRun {
					buf.WriteByte(' ')
				}
			case "br", "cr":
				if inRun {
					buf.WriteByte(' ')
				}
			case "tbl":
				tblDepth++
			case "tr":
				row = nil
				rowPara = para + 1
			case "tc":
				inCell = true
				cellBuf.Reset()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if inPara {
					endPara()
				}
				inPara = false
			case "r":
				inRun = false
			case "t":
				inText = false
			case "tc":
				row = append(row, cleanSpace(cellBuf.String()))
				cellBuf.Reset()
				inCell = false
			case "tr":
				if len(nonEmpty(row)) > 0 {
					if len(row) == 1 {
						out = append(out, line{no: rowPara, text: row[0]}, line{no: rowPara, blank: true})
					} else {
						out = append(out, line{no: rowPara, cells: row, text: cleanSpace(strings.Join(row, " "))})
					}
				}
				row = nil
			case "tbl":
				if tblDepth > 0 {
					tblDepth--
				}
				out = append(out, line{no: para, blank: true})
			}
		case xml.CharData:
			if inText {
				s := string(t)
				buf.WriteString(s)
				n := len(strings.TrimSpace(s))
				textChars += n
				if runBold {
					boldChars += n
				}
			}
		}
	}
	return out, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// headingLevel reads the level from a paragraph style: "Heading1",
// "heading 2", "Kop1", "Kop 3", "Title"/"Titel".
func headingLevel(style string) int {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	switch {
	case s == "title" || s == "titel":
		return 1
	case strings.HasPrefix(s, "heading"), strings.HasPrefix(s, "kop"):
		rest := strings.TrimPrefix(strings.TrimPrefix(s, "heading"), "kop")
		if len(rest) >= 1 && isDigit(rest[0]) {
			return int(rest[0] - '0')
		}
	}
	return 0
}
