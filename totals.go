package grip

// PrintedTotal is a total as the document prints it ("Totaal programma" in a
// table of finance lines), kept so that checks can tell whether the lines add
// up. Amount is in the stored convention: lasten and baten positive, and for
// the saldo (Side empty, or SaldoSide) baten - lasten. It is never summed
// with the lines.
type PrintedTotal struct {
	Stage MoneyStage `json:"stage"`
	Year  int        `json:"year"`
	// Side is lasten or baten; empty (or SaldoSide) for the printed saldo.
	Side   Side   `json:"side,omitempty"`
	Amount Cents  `json:"amount"`
	Label  string `json:"label,omitempty"` // as printed: "Totaal programma"
	Line   int    `json:"line,omitempty"`
}
