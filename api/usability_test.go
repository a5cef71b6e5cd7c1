package api_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestNotFoundEntityNamedInDutch: an unknown id says "doel 999999 bestaat
// niet", not the store's code word "goal".
func TestNotFoundEntityNamedInDutch(t *testing.T) {
	db := openSQLite(t)
	load(t, db)
	srv, _ := apiServer(t, db)
	for path, word := range map[string]string{
		"/api/v1/organisations/GM1700/goals/999999":          "doel 999999 bestaat niet",
		"/api/v1/organisations/GM1700/variance-lines/999999": "regel van de verschillenanalyse 999999 bestaat niet",
		"/api/v1/organisations/GM1700/finance-lines/999999":  "financiële regel 999999 bestaat niet",
	} {
		r := get(t, srv, path)
		if r.status != http.StatusNotFound {
			t.Errorf("%s: status %d", path, r.status)
			continue
		}
		if p := r.problem(t); !strings.HasPrefix(p.Message, word) {
			t.Errorf("%s: message %q, want it to start with %q", path, p.Message, word)
		}
	}
}
