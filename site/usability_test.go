package site

import (
	"strings"
	"testing"
)

// TestRealSearchFindsProgrammeTexts: what a reader sees on a programme page
// (uitgangspunten, beleidsnota's, verbonden partijen) and on a speerpunt
// (voortgang: realisatie, risico's) is found by search.
func TestRealSearchFindsProgrammeTexts(t *testing.T) {
	f, _ := newRealFixture(t)
	for _, c := range []struct{ org, q, want string }{
		{"hengelo", "stadsbank", "Sociaal domein"},     // verbonden partij
		{"hengelo", "armoedebeleid", "Sociaal domein"}, // beleidsnota
		{"hengelo", "bureaucratie", "Sociaal domein"},  // uitgangspunt
	} {
		doc := f.page(t, "/"+c.org+"/zoeken?q="+c.q)
		res := doc.All("ol.grip-results li a")
		if len(res) == 0 {
			t.Errorf("%s %q: no results", c.org, c.q)
			continue
		}
		if got := res[0].Text(); got != c.want {
			t.Errorf("%s %q: first result %q, want %q", c.org, c.q, got, c.want)
		}
	}
}

// TestSearchResultCountIsDutch: one hit is "1 resultaat", not "1 resultaten".
func TestSearchResultCountIsDutch(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hengelo/zoeken?q=stadsbank")
	h := doc.All("main h2")
	if len(h) == 0 || !strings.HasPrefix(h[0].Text(), "1 resultaat voor") {
		t.Errorf("heading for one hit: %v", texts(h))
	}
}

func texts(ns []*node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text())
	}
	return out
}

// TestVarianceLeadNamesTheStages: the variance page says "de begroting na
// wijziging", not "de na wijziging".
func TestVarianceLeadNamesTheStages(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hengelo/begroting-2019/verschillen")
	lead := doc.All("main p.grip-lead")
	if len(lead) == 0 {
		t.Fatal("variance page has no lead paragraph")
	}
	got := lead[0].Text()
	if !strings.Contains(got, "tussen de begroting na wijziging en de realisatie") {
		t.Errorf("lead %q does not name the stages in plain Dutch", got)
	}
}

// TestChecksPageCodeIsNotCalledRegel: on the checks page "regel" is a line of
// the source; the finding's code is labelled as the check it comes from.
func TestChecksPageCodeIsNotCalledRegel(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hulst/jaarverslag-2021/controles")
	notes := doc.All("main li p span.grip-note")
	if len(notes) == 0 {
		t.Fatal("checks page shows no finding codes")
	}
	for _, n := range notes {
		if strings.HasPrefix(n.Text(), "(regel:") {
			t.Errorf("finding code labelled as a line: %q", n.Text())
		}
	}
}

// TestGoalPagesAnswerTheThreeQuestions: a goal page is organised by the
// W-questions of its document's kind, as the programme page is, and says so
// when the document names no money for the goal.
func TestGoalPagesAnswerTheThreeQuestions(t *testing.T) {
	f, _ := newRealFixture(t)
	for _, c := range []struct {
		url  string
		want []string
	}{
		{"/twenterand/kadernota-2020/sociaal-domein/jeugd",
			[]string{"Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"}},
		{"/hulst/jaarverslag-2021/sociaal-domein/vroegsignalering-van-schulden",
			[]string{"Wat hebben we bereikt?", "Wat hebben we gedaan?", "Wat heeft het gekost?"}},
	} {
		doc := f.page(t, c.url)
		h2 := texts(doc.All("main h2"))
		if len(h2) < 3 || strings.Join(h2[:3], "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: h2 %v, want first %v", c.url, h2, c.want)
		}
	}
	// Hulst's speerpunt has no money: the page says so.
	doc := f.page(t, "/hulst/jaarverslag-2021/sociaal-domein/vroegsignalering-van-schulden")
	found := false
	for _, p := range texts(doc.All("main p")) {
		if strings.HasPrefix(p, "Het document noemt bij dit onderdeel geen bedragen") {
			found = true
		}
	}
	if !found {
		t.Error("Hulst speerpunt without money does not say so under the cost question")
	}
}

// TestDashLinesBecomeLists: lines the document printed as "- item" are a
// list on the page, not paragraphs that start with a dash.
func TestDashLinesBecomeLists(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hulst/jaarverslag-2021/sociaal-domein/vroegsignalering-van-schulden")
	for _, p := range texts(doc.All("main p")) {
		if strings.HasPrefix(p, "- ") {
			t.Errorf("paragraph starts with a dash: %q", p)
		}
	}
	items := texts(doc.All("main section.grip-progress ul.grip-list li"))
	want := "We ontvangen vroegsignalen van signaalpartners (energie- en drinkwaterleveranciers, zorgverzekeraars, woningcorporaties);"
	if len(items) == 0 || items[0] != want {
		t.Errorf("first list item of the voortgang: %q, want %q", items, want)
	}
}

func TestParagraphsSplitsLists(t *testing.T) {
	got := paragraphs("Intro:\n- een\n- twee\n\nSlot.\n* voetnoot\n-12.075 is geen lijst")
	want := []Para{{Text: "Intro:"}, {Items: []string{"een", "twee"}}, {Text: "Slot."}, {Text: "* voetnoot"}, {Text: "-12.075 is geen lijst"}}
	if len(got) != len(want) {
		t.Fatalf("paragraphs: %#v", got)
	}
	for i := range want {
		if got[i].Text != want[i].Text || strings.Join(got[i].Items, "|") != strings.Join(want[i].Items, "|") {
			t.Errorf("block %d: %#v, want %#v", i, got[i], want[i])
		}
	}
}

// TestProposalYearWithWordsIsNoZero: Twenterand's meldpunt loverboy
// prints "financiering door gemeente Enschede" for 2020: the table says
// "geen bedrag", not 0.
func TestProposalYearWithWordsIsNoZero(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/twenterand/kadernota-2020/sociaal-domein/voorstellen/uitrol-regionale-meldpunt-loverboyproblematiek-mensenhandel-twente")
	cells := texts(doc.All("main table tbody tr td"))
	if len(cells) < 3 {
		t.Fatalf("proposal table cells: %q", cells)
	}
	// i/s, 2020, 2021, ...
	if cells[1] != "geen bedrag" || cells[2] != "14.400" {
		t.Errorf("proposal table cells %q: want 2020 \"geen bedrag\" and 2021 14.400", cells)
	}
}

// TestUnknownStatusIsNotConcept: the real documents do not say their status;
// the site must not call a published begroting a "concept".
func TestUnknownStatusIsNotConcept(t *testing.T) {
	f, _ := newRealFixture(t)
	for _, url := range []string{"/hengelo", "/hengelo/begroting-2019"} {
		doc := f.page(t, url)
		for _, s := range texts(doc.All("main")) {
			if strings.Contains(s, "concept") {
				t.Errorf("%s calls the document a concept: %q", url, s)
			}
		}
	}
}

// TestIndicatorWithoutValuesSaysSoOnce: an indicator without values does
// not point to a table that is not there.
func TestIndicatorWithoutValuesSaysSoOnce(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/twenterand/kadernota-2020/sociaal-domein/indicatoren/personen-met-een-bijstandsuitkering-per-1000-inwoners")
	ps := strings.Join(texts(doc.All("main p")), "|")
	if !strings.Contains(ps, "Bij deze indicator staan geen waarden.") || strings.Contains(ps, "de waarden staan in de tabel") {
		t.Errorf("indicator without values: %q", ps)
	}
}

// TestProgrammeProposalsAnswerTheCostQuestion: a kadernota's proposals are
// what it asks the council to pay, so they stand under "Wat mag het kosten?",
// not under a "no amounts" sentence alone.
func TestProgrammeProposalsAnswerTheCostQuestion(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/twenterand/kadernota-2020/sociaal-domein")
	if n := len(doc.All("main section[aria-labelledby=kosten] table")); n != 1 {
		t.Errorf("cost section has %d tables, want the proposals table", n)
	}
	if n := len(doc.All("main section[aria-labelledby=doen] table")); n != 0 {
		t.Errorf("do section has %d tables, want none", n)
	}
	cost := strings.Join(texts(doc.All("main section[aria-labelledby=kosten] p")), "|")
	if !strings.Contains(cost, "wat de voorstellen vragen staat hierboven") {
		t.Errorf("cost section text: %q", cost)
	}
}

// TestNotFoundOrganisationSentence: the 404 lead is a sentence with a
// capital, as the other 404 leads are.
func TestNotFoundOrganisationSentence(t *testing.T) {
	f, _ := newRealFixture(t)
	res, b := f.get(t, "/bestaatniet")
	if res.StatusCode != 404 {
		t.Fatalf("status %d", res.StatusCode)
	}
	lead := texts(parseHTML(t, b).All("main p.grip-lead"))
	if len(lead) == 0 || !strings.HasPrefix(lead[0], "Er is geen organisatie met de naam") {
		t.Errorf("404 lead %q", lead)
	}
}

// TestDocumentPageCountsThemes: Hulst's three speerpunten are themes; the
// document page must not say the programme has nothing in its tree.
func TestDocumentPageCountsThemes(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hulst/jaarverslag-2021")
	head := texts(doc.All("table.grip-programmes thead th"))
	cells := texts(doc.All("table.grip-programmes tbody tr td"))
	if len(head) < 3 || head[1] != "Thema's" || len(cells) == 0 || cells[0] != "3" {
		t.Errorf("programmes table: head %q, cells %q; want Thema's 3", head, cells)
	}
}

// TestMainObjectiveKeepsItsLines: Hulst's programmadoelstelling is an
// opening line and a list of eight aims; Hengelo's has three paragraphs.
// Neither is run together into one paragraph.
func TestMainObjectiveKeepsItsLines(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hulst/jaarverslag-2021/sociaal-domein")
	items := texts(doc.All("main div.grip-objective ul li"))
	if len(items) != 8 || !strings.HasPrefix(items[0], "Bevordering van de zelfredzaamheid") {
		t.Errorf("Hulst hoofddoelstelling list: %q", items)
	}
	doc = f.page(t, "/hengelo/begroting-2019/sociaal-domein")
	if ps := doc.All("main div.grip-objective p"); len(ps) != 3 {
		t.Errorf("Hengelo hoofddoelstelling: %d paragraphs, want 3: %q", len(ps), texts(ps))
	}
}

// TestRepeatedIndicatorNamesAreToldApart: Hengelo prints "aantal afgeronde
// schuldhulpverleningstrajecten" twice with other numbers; the two links say
// which source line they are.
func TestRepeatedIndicatorNamesAreToldApart(t *testing.T) {
	f, _ := newRealFixture(t)
	doc := f.page(t, "/hengelo/begroting-2019/sociaal-domein")
	var notes []string
	for _, li := range doc.All("main ul.grip-links li") {
		if as := li.All("a"); len(as) == 1 && as[0].Text() == "aantal afgeronde schuldhulpverleningstrajecten" {
			notes = append(notes, texts(li.All("span.grip-note"))...)
		}
	}
	if strings.Join(notes, "|") != "(regel 72 in de bron)|(regel 73 in de bron)" {
		t.Errorf("notes of the repeated indicator: %q", notes)
	}
}
