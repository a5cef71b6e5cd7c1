package site

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// A tiny DOM and CSS-selector helper for tests: the site writes well-formed
// HTML, which encoding/xml reads in its lenient HTML mode.

type node struct {
	tag      string
	attrs    map[string]string
	children []*node
	parent   *node
	text     string // for text nodes (tag == "")
}

func parseHTML(t testing.TB, b []byte) *node {
	t.Helper()
	b = bytes.Replace(b, []byte("<!DOCTYPE html>"), nil, 1)
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &node{tag: "#document", attrs: map[string]string{}}
	cur := root
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse HTML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{tag: strings.ToLower(tk.Name.Local), attrs: map[string]string{}, parent: cur}
			for _, a := range tk.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				n.attrs[strings.ToLower(name)] = a.Value
			}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			for c := cur; c != nil; c = c.parent {
				if c.tag == strings.ToLower(tk.Name.Local) {
					cur = c.parent
					break
				}
			}
			if cur == nil {
				cur = root
			}
		case xml.CharData:
			cur.children = append(cur.children, &node{text: string(tk), parent: cur})
		}
	}
	return root
}

// Text is the node's text content with whitespace collapsed.
func (n *node) Text() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		if n.tag == "" {
			b.WriteString(n.text)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *node) attr(k string) string { return n.attrs[k] }

// simple selector: tag, .class, #id, [attr], [attr=value], combined.
type simpleSel struct {
	tag     string
	id      string
	classes []string
	attrs   [][2]string
}

func parseSimple(s string) simpleSel {
	var sel simpleSel
	for s != "" {
		switch s[0] {
		case '.', '#':
			end := strings.IndexAny(s[1:], ".#[")
			if end < 0 {
				end = len(s) - 1
			}
			v := s[1 : end+1]
			if s[0] == '.' {
				sel.classes = append(sel.classes, v)
			} else {
				sel.id = v
			}
			s = s[end+1:]
		case '[':
			end := strings.IndexByte(s, ']')
			kv := s[1:end]
			k, v, _ := strings.Cut(kv, "=")
			sel.attrs = append(sel.attrs, [2]string{k, strings.Trim(v, `"'`)})
			s = s[end+1:]
		default:
			end := strings.IndexAny(s, ".#[")
			if end < 0 {
				end = len(s)
			}
			sel.tag = s[:end]
			s = s[end:]
		}
	}
	return sel
}

func (sel simpleSel) match(n *node) bool {
	if n.tag == "" || n.tag == "#document" {
		return false
	}
	if sel.tag != "" && sel.tag != "*" && n.tag != sel.tag {
		return false
	}
	if sel.id != "" && n.attrs["id"] != sel.id {
		return false
	}
	cls := strings.Fields(n.attrs["class"])
	for _, c := range sel.classes {
		found := false
		for _, x := range cls {
			if x == c {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	for _, kv := range sel.attrs {
		v, ok := n.attrs[kv[0]]
		if !ok || (kv[1] != "" && v != kv[1]) {
			return false
		}
	}
	return true
}

// All returns the nodes matching a descendant selector ("main table caption").
func (n *node) All(selector string) []*node {
	parts := strings.Fields(selector)
	cur := []*node{n}
	for _, p := range parts {
		sel := parseSimple(p)
		var next []*node
		seen := map[*node]bool{}
		for _, c := range cur {
			var walk func(*node)
			walk = func(x *node) {
				for _, ch := range x.children {
					if sel.match(ch) && !seen[ch] {
						seen[ch] = true
						next = append(next, ch)
					}
					walk(ch)
				}
			}
			walk(c)
		}
		cur = next
	}
	return cur
}

// One returns the single node matching selector, failing the test otherwise.
func (n *node) One(t testing.TB, selector string) *node {
	t.Helper()
	all := n.All(selector)
	if len(all) != 1 {
		t.Fatalf("selector %q: %d matches, want 1", selector, len(all))
	}
	return all[0]
}
