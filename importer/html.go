package importer

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlLines reduces an exported HTML page to lines: headings, paragraphs,
// list items (bold when wholly <strong>) and table rows with their cells.
// Line numbers are those of the HTML source.
func htmlLines(text string) []line {
	z := html.NewTokenizer(strings.NewReader(text))
	z.SetMaxBuf(0)
	b := htmlBuilder{srcLine: 1}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		startLine := b.srcLine
		b.srcLine += strings.Count(string(raw), "\n")
		switch tt {
		case html.TextToken:
			if b.skip > 0 {
				continue
			}
			t := string(z.Text())
			if strings.TrimSpace(t) == "" {
				if b.buf.Len() > 0 {
					b.buf.WriteByte(' ')
				}
				continue
			}
			if b.buf.Len() == 0 || strings.TrimSpace(b.buf.String()) == "" {
				b.blockLine = startLine
			}
			b.buf.WriteString(t)
			if b.strong > 0 {
				b.strongChars += len(strings.TrimSpace(t))
			}
			b.textChars += len(strings.TrimSpace(t))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			b.start(string(name), startLine, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			b.end(string(name))
		}
	}
	b.flush()
	b.flushRow()
	return b.out
}

type htmlBuilder struct {
	out       []line
	srcLine   int
	blockLine int
	buf       strings.Builder
	skip      int
	strong    int
	// characters of text in the block, and how many of them were bold
	textChars, strongChars int
	heading                int
	listDepth              int
	inItem                 bool
	// table state
	inCell   bool
	row      []string
	rowLine  int
	inRow    bool
	tableDep int
}

func (b *htmlBuilder) start(name string, no int, selfClosing bool) {
	switch name {
	case "script", "style", "noscript", "template", "nav", "head", "svg", "button", "select":
		if !selfClosing {
			b.skip++
		}
	case "strong", "b":
		b.strong++
	case "h1", "h2", "h3", "h4", "h5", "h6":
		b.flush()
		b.heading = int(name[1] - '0')
		b.blockLine = no
	case "p", "div", "section", "article", "header", "footer", "main", "blockquote", "dt", "dd", "caption", "figcaption":
		if !b.inCell {
			b.flush()
			b.blockLine = no
		} else if b.buf.Len() > 0 {
			b.buf.WriteByte(' ')
		}
	case "br":
		if b.inCell {
			b.buf.WriteByte(' ')
		} else {
			b.flush()
		}
	case "ul", "ol":
		if !b.inCell {
			b.flush()
			b.listDepth++
		}
	case "li":
		if !b.inCell {
			b.flush()
			b.inItem = true
			b.blockLine = no
		}
	case "table":
		b.flush()
		b.tableDep++
	case "tr":
		b.flushRow()
		b.inRow = true
		b.rowLine = no
	case "td", "th":
		if !b.inRow {
			b.inRow = true
			b.rowLine = no
		}
		b.cellEnd()
		b.inCell = true
		b.buf.Reset()
	}
}

func (b *htmlBuilder) end(name string) {
	switch name {
	case "script", "style", "noscript", "template", "nav", "head", "svg", "button", "select":
		if b.skip > 0 {
			b.skip--
		}
	case "strong", "b":
		if b.strong > 0 {
			b.strong--
		}
	case "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "section", "article", "header", "footer", "main", "blockquote", "dt", "dd", "caption", "figcaption":
		if !b.inCell {
			b.flush()
		}
	case "li":
		if !b.inCell {
			b.flush()
			b.inItem = false
		}
	case "ul", "ol":
		if !b.inCell {
			b.flush()
			if b.listDepth > 0 {
				b.listDepth--
			}
			if b.listDepth == 0 {
				b.out = append(b.out, line{no: b.srcLine, blank: true})
			}
		}
	case "td", "th":
		b.cellEnd()
	case "tr":
		b.flushRow()
	case "table":
		b.flushRow()
		if b.tableDep > 0 {
			b.tableDep--
		}
		b.out = append(b.out, line{no: b.srcLine, blank: true})
	}
}

func (b *htmlBuilder) cellEnd() {
	if !b.inCell {
		return
	}
	b.row = append(b.row, cleanSpace(b.buf.String()))
	b.buf.Reset()
	b.inCell = false
	b.textChars, b.strongChars = 0, 0
}

func (b *htmlBuilder) flushRow() {
	b.cellEnd()
	if !b.inRow {
		return
	}
	b.inRow = false
	cells := b.row
	b.row = nil
	if len(nonEmpty(cells)) == 0 {
		return
	}
	if len(cells) == 1 {
		// A one-cell row is a paragraph.
		b.out = append(b.out, line{no: b.rowLine, text: cells[0]}, line{no: b.rowLine, blank: true})
		return
	}
	b.out = append(b.out, line{no: b.rowLine, cells: cells, text: cleanSpace(strings.Join(cells, " "))})
}

// flush ends the block of text being collected.
func (b *htmlBuilder) flush() {
	if b.inCell {
		return
	}
	t := cleanSpace(b.buf.String())
	b.buf.Reset()
	bold := b.textChars > 0 && b.strongChars >= b.textChars
	b.textChars, b.strongChars = 0, 0
	heading := b.heading
	b.heading = 0
	if t == "" {
		return
	}
	l := line{no: b.blockLine, text: t, heading: heading, bold: bold}
	if b.inItem {
		l.bullet = true
		l.indent = max(0, b.listDepth-1) * 2
	} else if heading == 0 {
		// Text that still carries a list marker ("- ", "• ").
		l.text, l.bullet = stripBullet(t)
	}
	if l.text == "" {
		return
	}
	b.out = append(b.out, l)
	if !b.inItem {
		b.out = append(b.out, line{no: b.blockLine, blank: true})
	}
}
