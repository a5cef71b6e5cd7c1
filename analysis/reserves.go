package analysis

import (
	"fmt"
	"sort"

	"grip"
)

// ReserveDraw is one proposal's or mutation's effect on a reserve in a year.
type ReserveDraw struct {
	Description string `json:"description"`
	ProposalKey string `json:"proposal_key,omitempty"`
	// Amount is the change of the balance: negative for a withdrawal.
	Amount grip.Cents `json:"amount"`
}

// ReserveYear is one year of a reserve's forecast.
type ReserveYear struct {
	Year        int           `json:"year"`
	Start       grip.Cents    `json:"start"`
	Additions   grip.Cents    `json:"additions"`
	Withdrawals grip.Cents    `json:"withdrawals"` // negative or zero
	End         grip.Cents    `json:"end"`
	Draws       []ReserveDraw `json:"draws,omitempty"`
}

// ReserveForecast is the balance of a reserve per year, with the proposals
// that draw on it: "when does the reserve Sociaal Domein run out?".
type ReserveForecast struct {
	Key         string     `json:"key"`
	Name        string     `json:"name"`
	BalanceYear int        `json:"balance_year"`
	Balance     grip.Cents `json:"balance"`
	// BalanceKnown is false when the document gives no balance (and no
	// year for it): the years then start at zero and show what the
	// proposals need, and RunsOut stays zero.
	BalanceKnown bool          `json:"balance_known"`
	Years        []ReserveYear `json:"years"`
	// RunsOut is the first year whose end balance is below zero; zero when
	// the reserve lasts through the forecast.
	RunsOut int `json:"runs_out,omitempty"`
	// Conclusion says it in a sentence.
	Conclusion string `json:"conclusion"`
	// Notes say what was assumed (e.g. a proposal funded "from the reserve"
	// without a split counts fully).
	Notes []string `json:"notes,omitempty"`
	// Chart is the end balance per year, for a line or bar chart.
	Chart []ChartPoint `json:"chart"`
}

// ChartPoint is one labelled value of a chart; Value is in cents when the
// chart shows money.
type ChartPoint struct {
	Label string `json:"label"`
	Value int64  `json:"value"`
}

// ReserveForecasts computes a forecast for each reserve of the document's
// programmes. Withdrawals are the reserve's own mutations plus, for every
// proposal funded from it (Proposal.FundingReserve), the part from the
// reserve (ProposalAmount.FromReserve, or the whole amount when the document
// gives no split). A mutation that names the proposal replaces the
// proposal's own amount for that year, so nothing counts twice.
func ReserveForecasts(doc *grip.Document) []ReserveForecast {
	var out []ReserveForecast
	for pi := range doc.Programmes {
		p := &doc.Programmes[pi]
		for _, res := range p.Reserves {
			out = append(out, forecast(doc, p, res))
		}
	}
	return out
}

func forecast(doc *grip.Document, p *grip.Programme, res grip.Reserve) ReserveForecast {
	f := ReserveForecast{Key: res.Key, Name: res.Name, BalanceYear: res.BalanceYear, Balance: res.Balance,
		BalanceKnown: res.BalanceYear != 0 || res.Balance != 0}
	if f.BalanceYear == 0 {
		f.BalanceYear = doc.Year
		if f.BalanceKnown {
			f.Notes = append(f.Notes, fmt.Sprintf("Het jaar van het saldo is niet bekend; aangenomen is het begin van %d.", doc.Year))
		}
	}
	draws := map[int][]ReserveDraw{}
	covered := map[[2]any]bool{}
	for _, m := range res.Mutations {
		draws[m.Year] = append(draws[m.Year], ReserveDraw{Description: m.Description, ProposalKey: m.ProposalKey, Amount: m.Amount})
		if m.ProposalKey != "" {
			covered[[2]any{m.ProposalKey, m.Year}] = true
		}
	}
	assumed := 0
	for _, pr := range p.Proposals {
		if pr.FundingReserve != res.Key {
			continue
		}
		for _, a := range pr.Amounts {
			if covered[[2]any{pr.Key, a.Year}] {
				continue
			}
			amt := a.FromReserve
			if amt == 0 {
				amt = a.Amount
				assumed++
			}
			if amt == 0 {
				continue
			}
			draws[a.Year] = append(draws[a.Year], ReserveDraw{Description: pr.Title, ProposalKey: pr.Key, Amount: -abs(amt)})
		}
	}
	switch {
	case assumed == 1:
		f.Notes = append(f.Notes, "1 bedrag van een voorstel met dekking uit deze reserve noemt geen deel uit de reserve; het hele bedrag is meegeteld.")
	case assumed > 1:
		f.Notes = append(f.Notes, fmt.Sprintf("%d bedragen van voorstellen met dekking uit deze reserve noemen geen deel uit de reserve; de hele bedragen zijn meegeteld.", assumed))
	}
	first, last := f.BalanceYear, f.BalanceYear
	for y := range draws {
		if y < f.BalanceYear {
			f.Notes = append(f.Notes, fmt.Sprintf("Mutaties in %d liggen vóór het saldo van %d en zijn niet meegeteld.", y, f.BalanceYear))
			continue
		}
		last = max(last, y)
	}
	sort.Strings(f.Notes)
	bal := f.Balance
	for y := first; y <= last; y++ {
		ry := ReserveYear{Year: y, Start: bal, Draws: draws[y]}
		for _, d := range ry.Draws {
			if d.Amount >= 0 {
				ry.Additions += d.Amount
			} else {
				ry.Withdrawals += d.Amount
			}
		}
		bal += ry.Additions + ry.Withdrawals
		ry.End = bal
		if bal < 0 && f.RunsOut == 0 && f.BalanceKnown {
			f.RunsOut = y
		}
		f.Years = append(f.Years, ry)
		f.Chart = append(f.Chart, ChartPoint{Label: fmt.Sprint(y), Value: int64(bal)})
	}
	switch {
	case !f.BalanceKnown:
		f.Conclusion = fmt.Sprintf("Het document noemt het saldo van de %s niet. De voorstellen onttrekken er samen %s aan in %d-%d: zoveel moet er minstens in zitten.",
			res.Name, (-bal).Format(false), first, last)
	case f.RunsOut != 0:
		f.Conclusion = fmt.Sprintf("De %s raakt in %d uitgeput: het saldo eind %d is %s.", res.Name, f.RunsOut, f.RunsOut, f.Years[f.RunsOut-first].End.Format(false))
	default:
		f.Conclusion = fmt.Sprintf("De %s is toereikend tot en met %d: het saldo eind %d is %s.", res.Name, last, last, bal.Format(false))
	}
	return f
}
