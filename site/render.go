package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
)

// page is the view data of one page: its own typed struct embedding Base,
// rendered with the template of the same name.
type page interface {
	base() *Base
	templateName() string
}

// Base is what every page has: the title (the one h1), the organisation in
// whose name the site speaks, and the breadcrumb.
type Base struct {
	Title       string
	Description string
	OrgName     string
	OrgSlug     string
	Crumbs      []Crumb
	// Query is the search text, shown again in the search box.
	Query string
}

func (b *Base) base() *Base { return b }

// SiteName is the name in the header: the organisation's, else grip's.
func (b *Base) SiteName() string {
	if b.OrgName != "" {
		return b.OrgName
	}
	return "Begrotingen sociaal domein"
}

// Crumb is one step of the breadcrumb; the last one is the current page.
type Crumb struct {
	Label string
	URL   string
}

// corePages are the templates of the site's own pages; New fails when one
// is missing.
var corePages = [...]string{"index", "organisation", "document", "programme", "goal", "activity", "proposal", "indicator", "search", "error"}

// templates holds one parsed template set per page.
type templates struct {
	byName map[string]*template.Template
}

func parseTemplates(ext extensions) (*templates, error) {
	t := &templates{byName: map[string]*template.Template{}}
	names := append(corePages[:], ext.templates()...)
	for _, name := range names {
		file := "templates/" + name + ".html"
		if _, err := fs.Stat(templateFS, file); err != nil {
			return nil, fmt.Errorf("site: template for page %q is missing: %w", name, err)
		}
		tt, err := template.New(name).Funcs(funcs()).ParseFS(templateFS, "templates/layout.html", "templates/components.html", file)
		if err != nil {
			return nil, fmt.Errorf("site: template %s: %w", name, err)
		}
		if tt.Lookup("content") == nil {
			return nil, fmt.Errorf("site: template %s defines no \"content\"", file)
		}
		t.byName[name] = tt
	}
	return t, nil
}

func (t *templates) render(p page) ([]byte, error) {
	tt := t.byName[p.templateName()]
	if tt == nil {
		return nil, fmt.Errorf("no template %q", p.templateName())
	}
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := tt.ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
