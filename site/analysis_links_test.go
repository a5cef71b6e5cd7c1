package site

import (
	"strings"
	"testing"
)

// TestDocumentLinksOnlyToAnalysesWithContent: a document links to its
// variance and reserves pages only when they have something to show; the
// others are named once under "Niet voor dit document" with the reason. A
// page opened directly still says in one sentence why it is empty.
func TestDocumentLinksOnlyToAnalysesWithContent(t *testing.T) {
	f, _ := newRealFixture(t)
	for _, c := range []struct {
		doc           string
		links, absent []string
	}{
		{"/twenterand/kadernota-2020", []string{"controles", "grip", "reserves"}, []string{"Verschillenanalyse"}},
		{"/hengelo/begroting-2019", []string{"controles", "grip"}, []string{"Verschillenanalyse", "Reserves"}},
	} {
		doc := f.page(t, c.doc)
		var got []string
		for _, a := range doc.All("main ul.grip-links li a") {
			got = append(got, strings.TrimPrefix(a.attr("href"), c.doc+"/"))
		}
		if strings.Join(got, " ") != strings.Join(c.links, " ") {
			t.Errorf("%s links to analyses %v, want %v", c.doc, got, c.links)
		}
		var absent []string
		for _, li := range doc.All("main ul.grip-absent li") {
			absent = append(absent, li.Text())
		}
		if len(absent) != len(c.absent) {
			t.Errorf("%s names as absent %q, want %v", c.doc, absent, c.absent)
			continue
		}
		for i, want := range c.absent {
			if !strings.HasPrefix(absent[i], want+": ") {
				t.Errorf("%s absent %q, want it to start with %q and a reason", c.doc, absent[i], want)
			}
		}
	}
	doc := f.page(t, "/hengelo/begroting-2019/verschillen")
	empty := doc.All("main p.grip-empty")
	if len(empty) != 1 || !strings.Contains(empty[0].Text(), "Er is niets te vergelijken: het document heeft voor 2019 geen bedragen") {
		t.Errorf("empty variance page says %v", texts(empty))
	}
	if n := len(doc.All("main table")); n != 0 {
		t.Errorf("empty variance page has %d tables", n)
	}
	doc = f.page(t, "/hengelo/begroting-2019/reserves")
	if p := doc.All("main p"); len(p) == 0 || p[0].Text() != "Dit document noemt geen reserves." {
		t.Errorf("empty reserves page says %v", texts(p))
	}
}

// TestChecksPageNamesPlacesByTitle: the checks page labels a finding's place
// with the titles a reader knows (programme, the goal by its level's name,
// indicator), not with URL names, and links to the entity's page.
func TestChecksPageNamesPlacesByTitle(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/twenterand/kadernota-2020/controles")
	places := doc.All("main li.grip-finding p.grip-finding__place")
	if len(places) == 0 {
		t.Fatal("checks page shows no findings")
	}
	linked := 0
	for _, p := range places {
		txt := p.Text()
		if strings.Contains(txt, "kadernota-2020") || strings.Contains(txt, "sociaal-domein") {
			t.Errorf("place labelled by URL names: %q", txt)
		}
		for _, a := range p.All("a") {
			if strings.HasPrefix(a.attr("href"), "/twenterand/kadernota-2020/") {
				linked++
			}
		}
	}
	if linked == 0 {
		t.Error("no place links to its entity")
	}
	want := map[string]bool{
		`Sociaal Domein › indicator “Personen met een bijstandsuitkering (per 1000 inwoners)” (regel 163)`: false,
	}
	for _, p := range places {
		if _, ok := want[p.Text()]; ok {
			want[p.Text()] = true
		}
	}
	for w, seen := range want {
		if !seen {
			t.Errorf("no place labelled %q; places: %v", w, texts(places)[:min(8, len(places))])
		}
	}
	// A goal is named by the organisation's word for its level.
	hulst := f.page(t, "/hulst/jaarverslag-2021/controles")
	found := false
	for _, p := range hulst.All("main li.grip-finding p.grip-finding__place") {
		if strings.HasPrefix(p.Text(), "Sociaal domein › speerpunt “Van transitie van de jeugdzorg naar transformatie & innovatie”") {
			found = true
		}
	}
	if !found {
		t.Errorf("Hulst's speerpunt not named by title: %v", texts(hulst.All("main li.grip-finding p.grip-finding__place"))[:5])
	}
}
