package importer

import (
	"strings"
)

// line is one unit of the source after the format reader: a line of a text
// file, or a heading, paragraph, list item or table row of an HTML or docx
// file. Every format is reduced to lines; one parser reads them all.
type line struct {
	no    int      // source line (text, HTML) or paragraph number (docx)
	text  string   // the text without list marker or bold markers, spaces collapsed
	cells []string // the cells of a table row, nil when not a row
	// spaced marks a row whose cells were separated by runs of spaces
	// (empty cells are lost there).
	spaced bool
	// bullet marks a list item; bold a line printed in bold (**...**).
	bullet bool
	bold   bool
	// heading is the heading level when the format says so (1-6), else 0.
	heading int
	blank   bool
	indent  int
	// dash marks a line that held only "-" (an empty table cell printed
	// as a dash); it is blank for everything but a table read cell by cell.
	dash bool
}

// isRow reports whether the line is a table row.
func (l line) isRow() bool { return l.cells != nil }

// textLines splits decoded text into lines. Tab characters separate cells.
func textLines(s string) []line {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	parts := strings.Split(s, "\n")
	out := make([]line, 0, len(parts))
	for i, p := range parts {
		out = append(out, makeLine(i+1, p))
	}
	return out
}

// makeLine classifies one raw line of text.
func makeLine(no int, raw string) line {
	l := line{no: no}
	if strings.IndexByte(raw, '\t') >= 0 && strings.Trim(raw, " \t\u00a0") != "" {
		cells := strings.Split(raw, "\t")
		nonEmpty := 0
		for i := range cells {
			cells[i] = cleanSpace(cells[i])
			if cells[i] != "" {
				nonEmpty++
			}
		}
		if nonEmpty >= 2 || (nonEmpty == 1 && cells[0] == "" && len(cells) > 2) || (nonEmpty == 1 && len(cells) > 2) {
			l.cells = cells
			l.text = cleanSpace(strings.Join(cells, " "))
			return l
		}
	}
	indent := 0
	for indent < len(raw) && (raw[indent] == ' ' || raw[indent] == '\t') {
		indent++
	}
	if cells := spacedCells(raw[indent:]); cells != nil {
		l.cells = cells
		l.spaced = true
		l.text = strings.Join(cells, " ")
		return l
	}
	l.indent = indent
	t := cleanSpace(raw)
	if t == "" {
		l.blank = true
		return l
	}
	if t == "-" || t == "–" {
		l.dash = true
	}
	t, l.bullet = stripBullet(t)
	t, l.bold = stripBold(t)
	l.text = t
	if l.text == "" {
		l.blank = true
		l.bullet = false
	}
	return l
}

// stripBullet removes a list marker: "- ", "• ", "– ", "· ", "1. ".
func stripBullet(t string) (string, bool) {
	for _, m := range []string{"- ", "• ", "– ", "· ", "▪ ", "○ ", "◦ ", "-\u00a0", "•\t"} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	if t == "-" || t == "•" {
		return "", true
	}
	if strings.HasPrefix(t, "•") {
		return strings.TrimSpace(t[len("•"):]), true
	}
	// "1. Identiteitsbewijs", "2) Inkomen"
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return strings.TrimSpace(t[i+2:]), true
	}
	return t, false
}

// stripBold removes Markdown-style bold markers around the text.
func stripBold(t string) (string, bool) {
	if strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && len(t) > 4 {
		return strings.TrimSpace(t[2 : len(t)-2]), true
	}
	if strings.HasPrefix(t, "**") && strings.Count(t, "**") == 2 {
		// "**Title** more text"
		end := strings.Index(t[2:], "**")
		title := strings.TrimSpace(t[2 : 2+end])
		if title == "" {
			return t, false
		}
		rest := strings.TrimSpace(t[2+end+2:])
		if rest == "" {
			return title, true
		}
		return title + " " + rest, true
	}
	return t, false
}

// spacedCells splits a line whose columns are separated by runs of two or
// more spaces (text exported from a PDF or a fixed-width layout). It needs
// three columns or more; otherwise the line is text.
func spacedCells(s string) []string {
	s = strings.TrimRight(s, " \u00a0")
	if len(s) > 1000 || strings.Count(s, "  ") < 2 {
		return nil
	}
	var cells []string
	start := 0
	for i := 0; i < len(s); {
		if s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			cells = append(cells, cleanSpace(s[start:i]))
			for i < len(s) && s[i] == ' ' {
				i++
			}
			start = i
			continue
		}
		i++
	}
	cells = append(cells, cleanSpace(s[start:]))
	if len(cells) < 3 {
		return nil
	}
	return cells
}
