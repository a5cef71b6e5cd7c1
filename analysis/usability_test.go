package analysis

import (
	"strings"
	"testing"

	"grip"
)

// TestReserveNoteCountsInDutch: "1 bedrag ... noemt", "2 bedragen ...
// noemen", never "bedrag(en)".
func TestReserveNoteCountsInDutch(t *testing.T) {
	for n, want := range map[int]string{1: "1 bedrag van een voorstel met dekking uit deze reserve noemt", 2: "2 bedragen van voorstellen met dekking uit deze reserve noemen"} {
		var amounts []grip.ProposalAmount
		for i := 0; i < n; i++ {
			amounts = append(amounts, grip.ProposalAmount{Year: 2020 + i, Amount: grip.Euros(10_000)})
		}
		doc := &grip.Document{Kind: grip.KindKadernota, Year: 2020, Programmes: []grip.Programme{{Key: "p",
			Reserves:  []grip.Reserve{{Key: "rsd", Name: "reserve Sociaal Domein"}},
			Proposals: []grip.Proposal{{Key: "v1", Title: "Scheidingsloket", FundingReserve: "rsd", Amounts: amounts}},
		}}}
		notes := strings.Join(ReserveForecasts(doc)[0].Notes, "|")
		if !strings.Contains(notes, want) || strings.Contains(notes, "(en)") {
			t.Errorf("%d amounts: notes %q, want %q", n, notes, want)
		}
	}
}

// TestRepeatedImportNoteIsOneFinding: the importer says "voorstel zonder
// jaarkolom" at each of the five places the Innovatiefonds proposal is
// printed; grip check reports it once, naming the other lines.
func TestRepeatedImportNoteIsOneFinding(t *testing.T) {
	note := func(line int) grip.SourceNote {
		return grip.SourceNote{Line: line, Severity: grip.SeverityInfo, Message: "voorstel zonder jaarkolom; het bedrag is toegerekend aan 2020", Text: "Verlenging innovatiefonds i € 75.000"}
	}
	doc := &grip.Document{Kind: grip.KindKadernota, Year: 2020, Source: &grip.Source{Notes: []grip.SourceNote{
		note(106), note(296), {Line: 200, Severity: grip.SeverityInfo, Message: "iets anders"}, note(388)}}}
	var got []Finding
	for _, f := range Check(doc, grip.Organisation{Code: "GM1700"}, nil) {
		if f.Code == CodeImportNote {
			got = append(got, f)
		}
	}
	if len(got) != 2 {
		t.Fatalf("import findings: %+v, want 2", got)
	}
	if got[0].Place.Line != 106 || !strings.HasSuffix(got[0].Message, "staat 3 keer in het document, ook op regel 296 en 388") {
		t.Errorf("repeated note: line %d, %q", got[0].Place.Line, got[0].Message)
	}
}

// TestParseSeverity: the Dutch and English words, in any case, and nothing else.
func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]grip.Severity{
		"info": grip.SeverityInfo, "INFO": grip.SeverityInfo,
		"waarschuwing": grip.SeverityWarning, "Waarschuwing": grip.SeverityWarning, "warning": grip.SeverityWarning,
		"fout": grip.SeverityError, " Fout ": grip.SeverityError, "error": grip.SeverityError,
	} {
		if got, ok := ParseSeverity(in); !ok || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "ernstig", "errors", "warn"} {
		if got, ok := ParseSeverity(in); ok {
			t.Errorf("ParseSeverity(%q) = %q, accepted", in, got)
		}
	}
	for _, w := range SeverityWords() {
		if _, ok := ParseSeverity(w); !ok {
			t.Errorf("SeverityWords has %q, which ParseSeverity refuses", w)
		}
	}
}
