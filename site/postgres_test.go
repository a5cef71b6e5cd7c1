package site

import (
	"testing"

	"grip/generate"
	"grip/store/storetest"
)

// TestPostgres serves the generated gemeente and the real documents from
// PostgreSQL: the same pages as from SQLite (skipped without
// GRIP_TEST_POSTGRES, failing under CI=true).
func TestPostgres(t *testing.T) {
	gen := newFixtureOn(t, storetest.FreshPostgres(t), generate.Small)
	lite := newFixture(t, generate.Small)
	x := "/" + gen.org.Slug + "/" + gen.doc.Slug()
	for _, p := range []string{"/" + gen.org.Slug, x, x + "/" + gen.doc.Programmes[0].Slug(), x + "/" + gen.doc.Programmes[1].Slug()} {
		_, a := gen.get(t, p)
		_, b := lite.get(t, p)
		if string(a) != string(b) {
			t.Errorf("%s differs between PostgreSQL and SQLite", p)
		}
	}
	real, docs := newRealFixtureOn(t, storetest.FreshPostgres(t))
	doc := real.page(t, "/hengelo/begroting-2019/"+docs["hengelo"].Programmes[0].Slug())
	if got := doc.One(t, "table.grip-money").All("tfoot tr")[0].All("td")[0].Text(); got != "131.330.000" {
		t.Errorf("Hengelo lasten 2019 from PostgreSQL: %s", got)
	}
}
