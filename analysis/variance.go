package analysis

import (
	"sort"

	"grip"
)

// VarianceRow is one taakveld and side of a variance analysis between two
// money stages of one year.
type VarianceRow struct {
	Taakveld string     `json:"taakveld"`
	Label    string     `json:"label,omitempty"`
	Side     grip.Side  `json:"side"`
	From     grip.Cents `json:"from"`
	To       grip.Cents `json:"to"`
	// Effect is the difference in the stored convention of variances:
	// positive is voordeel (V), negative nadeel (N). Lower lasten and higher
	// baten are favourable.
	Effect grip.Cents `json:"effect"`
	VN     string     `json:"vn,omitempty"`
	// NeedsExplanation is true when |Effect| is at least the organisation's
	// threshold (and a threshold is set).
	NeedsExplanation bool   `json:"needs_explanation,omitempty"`
	Explanation      string `json:"explanation,omitempty"`
	// Missing says the explanation is required but absent.
	Missing bool `json:"missing_explanation,omitempty"`
}

// VarianceReport is a verschillenanalyse between two stages of one year.
type VarianceReport struct {
	Programme string          `json:"programme"`
	Year      int             `json:"year"`
	From      grip.MoneyStage `json:"from"`
	To        grip.MoneyStage `json:"to"`
	Threshold grip.Cents      `json:"threshold"`
	// Rule states in words when a variance must be explained.
	Rule string        `json:"rule"`
	Rows []VarianceRow `json:"rows"`
	// FromSaldo and ToSaldo are baten - lasten over the rows of each stage.
	FromSaldo grip.Cents `json:"from_saldo"`
	ToSaldo   grip.Cents `json:"to_saldo"`
	// Effect is the sum of the rows' effects (= ToSaldo - FromSaldo).
	Effect grip.Cents `json:"effect"`
	VN     string     `json:"vn,omitempty"`
	// Printed holds the document's own variance lines, with the check that
	// they add up to its printed programme total.
	Printed *PrintedVariance `json:"printed,omitempty"`
}

// PrintedVariance is the variance table as the document prints it.
type PrintedVariance struct {
	Lines []grip.VarianceLine `json:"lines"`
	Sum   grip.Cents          `json:"sum"`
	// Total is the printed programme total, if any.
	Total *grip.Cents `json:"total,omitempty"`
	// AddsUp is true when there is no printed total or the lines add up to it.
	AddsUp bool `json:"adds_up"`
}

// Variance compares two stages (e.g. na-wijziging and realisatie) of the
// programme's finance lines for one year, per taakveld and side. threshold is
// OrgSettings.VarianceThreshold (zero: no threshold). Explanations come from
// the programme's variance lines on the same taakveld (and side, if given).
func Variance(p *grip.Programme, year int, from, to grip.MoneyStage, threshold grip.Cents) VarianceReport {
	r := VarianceReport{Programme: p.Key, Year: year, From: from, To: to, Threshold: threshold}
	if threshold > 0 {
		r.Rule = "Een verschil van " + threshold.Format(false) + " of meer (voordeel of nadeel) moet worden toegelicht; zo heeft de raad het vastgesteld."
	} else {
		r.Rule = "Er is geen drempel ingesteld: elk verschil mag worden toegelicht, geen enkel verschil wordt als verplicht gemarkeerd."
	}
	type key struct {
		tv   string
		side grip.Side
	}
	rows := map[key]*VarianceRow{}
	var order []key
	for _, l := range p.FinanceLines {
		if l.Year != year || (l.Stage != from && l.Stage != to) {
			continue
		}
		k := key{l.Taakveld, l.Side}
		row := rows[k]
		if row == nil {
			row = &VarianceRow{Taakveld: l.Taakveld, Label: l.Label, Side: l.Side}
			rows[k] = row
			order = append(order, k)
		}
		if l.Stage == from {
			row.From += l.Amount
		}
		if l.Stage == to {
			row.To += l.Amount
		}
		if row.Label == "" {
			row.Label = l.Label
		}
	}
	expl := map[key]string{}
	for _, v := range p.VarianceLines {
		if v.Taakveld == "" || v.Explanation == "" {
			continue
		}
		expl[key{v.Taakveld, v.Side}] = v.Explanation
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].tv != order[j].tv {
			return grip.CompareTaakveldCodes(order[i].tv, order[j].tv) < 0
		}
		return sideRank(order[i].side) < sideRank(order[j].side)
	})
	for _, k := range order {
		row := rows[k]
		// A higher net amount (less lasten, more baten, a higher saldo) is
		// favourable.
		from := grip.FinanceLine{Side: row.Side, Amount: row.From}.Net()
		to := grip.FinanceLine{Side: row.Side, Amount: row.To}.Net()
		row.Effect = to - from
		r.FromSaldo += from
		r.ToSaldo += to
		row.VN = grip.VN(row.Effect)
		if e, ok := expl[k]; ok {
			row.Explanation = e
		} else if e, ok := expl[key{k.tv, ""}]; ok {
			row.Explanation = e
		}
		row.NeedsExplanation = threshold > 0 && abs(row.Effect) >= threshold
		row.Missing = row.NeedsExplanation && row.Explanation == ""
		r.Rows = append(r.Rows, *row)
		r.Effect += row.Effect
	}
	r.VN = grip.VN(r.Effect)
	if len(p.VarianceLines) > 0 {
		pv := &PrintedVariance{AddsUp: true}
		for _, v := range p.VarianceLines {
			if v.Total {
				t := v.Amount
				pv.Total = &t
				continue
			}
			pv.Lines = append(pv.Lines, v)
			pv.Sum += v.Amount
		}
		if pv.Total != nil {
			pv.AddsUp = pv.Sum == *pv.Total
		}
		r.Printed = pv
	}
	return r
}

// sideRank orders the rows of one taakveld: lasten, baten, saldo.
func sideRank(s grip.Side) int {
	switch s {
	case grip.Lasten:
		return 0
	case grip.Baten:
		return 1
	}
	return 2
}

// GoalMoney is the money linked to one goal: finance lines per stage and
// year (lasten, baten, and saldo where only the net amount is known) and
// proposals per year.
type GoalMoney struct {
	// Lasten per stage and year of the finance lines linked to the goal.
	Lasten map[grip.MoneyStage]map[int]grip.Cents `json:"lasten,omitempty"`
	Baten  map[grip.MoneyStage]map[int]grip.Cents `json:"baten,omitempty"`
	// Saldo per stage and year of linked saldo lines (baten - lasten, for
	// years the document gives only the net amount); never part of Lasten
	// or Baten.
	Saldo map[grip.MoneyStage]map[int]grip.Cents `json:"saldo,omitempty"`
	// Proposals per year, each proposal once.
	Proposals map[int]grip.Cents `json:"proposals,omitempty"`
	// Shared is true when a linked finance line is linked to more than one
	// goal: its whole amount is shown with each, so goals do not add up.
	Shared bool `json:"shared,omitempty"`
}

// MoneyPerGoal gives the money linked to each goal key (directly, not via
// children). Finance lines linked to several goals count fully with each, and
// Shared says so.
func MoneyPerGoal(p *grip.Programme) map[string]*GoalMoney {
	out := map[string]*GoalMoney{}
	get := func(k string) *GoalMoney {
		m := out[k]
		if m == nil {
			m = &GoalMoney{}
			out[k] = m
		}
		return m
	}
	for _, l := range p.FinanceLines {
		for _, k := range l.GoalKeys {
			m := get(k)
			target := &m.Lasten
			switch l.Side {
			case grip.Baten:
				target = &m.Baten
			case grip.SaldoSide:
				target = &m.Saldo
			}
			if *target == nil {
				*target = map[grip.MoneyStage]map[int]grip.Cents{}
			}
			if (*target)[l.Stage] == nil {
				(*target)[l.Stage] = map[int]grip.Cents{}
			}
			(*target)[l.Stage][l.Year] += l.Amount
			if len(l.GoalKeys) > 1 {
				m.Shared = true
			}
		}
	}
	for _, pr := range p.Proposals {
		seen := map[string]bool{}
		for _, k := range pr.GoalKeys {
			if seen[k] {
				continue
			}
			seen[k] = true
			m := get(k)
			if m.Proposals == nil {
				m.Proposals = map[int]grip.Cents{}
			}
			for _, a := range pr.Amounts {
				m.Proposals[a.Year] += a.Amount
			}
		}
	}
	return out
}
