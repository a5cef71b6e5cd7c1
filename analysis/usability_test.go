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
