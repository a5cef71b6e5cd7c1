package api_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestChecksTakeDutchSeverities: ?severity= accepts the Dutch words the
// output uses (info, waarschuwing, fout) as well as the English ones, like
// grip check --min-severity, and the OpenAPI description lists them all.
func TestChecksTakeDutchSeverities(t *testing.T) {
	db := openSQLite(t)
	load(t, db)
	srv, _ := apiServer(t, db)
	doc := "/api/v1/organisations/GM1700/documents/kadernota-2020/checks"

	findings := func(sev string) []string {
		t.Helper()
		r := get(t, srv, doc+"?severity="+sev)
		if r.status != http.StatusOK {
			t.Fatalf("severity=%s: %d %s", sev, r.status, r.body)
		}
		var v struct {
			Findings []struct{ Code, Severity, Message string }
		}
		r.decode(t, &v)
		var out []string
		for _, f := range v.Findings {
			out = append(out, f.Severity+" "+f.Code+" "+f.Message)
		}
		return out
	}
	all := findings("info")
	if len(all) == 0 {
		t.Fatal("the fixture document has no findings")
	}
	for _, pair := range [][2]string{{"fout", "error"}, {"waarschuwing", "warning"}, {"Waarschuwing", "warning"}, {"INFO", "info"}} {
		nl, en := findings(pair[0]), findings(pair[1])
		if !reflect.DeepEqual(nl, en) {
			t.Errorf("severity=%s gives %q, severity=%s %q", pair[0], nl, pair[1], en)
		}
	}
	for _, f := range findings("waarschuwing") {
		if strings.HasPrefix(f, "info ") {
			t.Errorf("severity=waarschuwing kept an info finding: %q", f)
		}
	}

	r := get(t, srv, doc+"?severity=ernstig")
	if r.status != http.StatusBadRequest {
		t.Fatalf("severity=ernstig: %d", r.status)
	}
	if d := r.problem(t).Message; d != `severity "ernstig" is onbekend: kies info, waarschuwing of fout (of info, warning, error)` {
		t.Errorf("severity=ernstig: %q", d)
	}

	var spec struct {
		Paths map[string]struct {
			Get struct {
				Parameters []struct {
					Name   string
					Schema struct{ Enum []string }
				}
			}
		}
	}
	if err := json.Unmarshal(get(t, srv, "/api/v1/openapi.json").body, &spec); err != nil {
		t.Fatal(err)
	}
	var enum []string
	for _, p := range spec.Paths["/api/v1/organisations/{org}/documents/{doc}/checks"].Get.Parameters {
		if p.Name == "severity" {
			enum = p.Schema.Enum
		}
	}
	for _, w := range []string{"info", "waarschuwing", "fout", "warning", "error"} {
		if !slices.Contains(enum, w) {
			t.Errorf("OpenAPI enum of severity %q lacks %q", enum, w)
		}
	}
}
