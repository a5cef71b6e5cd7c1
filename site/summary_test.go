package site

import (
	"testing"

	"grip"
)

func TestSummaryStage(t *testing.T) {
	lines := []grip.FinanceLine{
		{Year: 2021, Stage: grip.StagePrimitief, Side: grip.Lasten, Amount: 100},
		{Year: 2021, Stage: grip.StageRealisatie, Side: grip.Lasten, Amount: 120},
		{Year: 2022, Stage: grip.StageMeerjarenraming, Side: grip.SaldoSide, Amount: -90},
	}
	tests := []struct {
		kind  grip.DocumentKind
		year  int
		want  grip.MoneyStage
		found bool
	}{
		{grip.KindJaarverslag, 2021, grip.StageRealisatie, true},
		{grip.KindBegroting, 2021, grip.StagePrimitief, true},
		{grip.KindKadernota, 2022, grip.StageMeerjarenraming, true},
		{grip.KindBegroting, 2023, "", false},
	}
	for _, tt := range tests {
		got, ok := summaryStage(&grip.Document{Kind: tt.kind, Year: tt.year}, lines)
		if got != tt.want || ok != tt.found {
			t.Errorf("summaryStage(%s %d) = %q, %v; want %q, %v", tt.kind, tt.year, got, ok, tt.want, tt.found)
		}
	}
}
