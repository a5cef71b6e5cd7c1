package grip

import (
	"strconv"
	"strings"
)

// Cents is an amount of money in euro cents. No float is ever used for money.
type Cents int64

// Euros returns c for a whole number of euros.
func Euros(e int64) Cents { return Cents(e * 100) }

// Format writes c in Dutch notation: "€ 1.234.567,89", "-€ 12,00" for negatives.
// When withCents is false the amount is rounded to whole euros (WholeEuros)
// and written without decimals: "€ 1.234.568"; an amount that rounds to
// zero has no minus sign.
func (c Cents) Format(withCents bool) string {
	if !withCents {
		e := c.WholeEuros()
		if e < 0 {
			return "-€ " + DutchDigits(-e)
		}
		return "€ " + DutchDigits(e)
	}
	neg := c < 0
	v := int64(c)
	if neg {
		v = -v
	}
	euros, cents := v/100, v%100
	s := groupThousands(strconv.FormatInt(euros, 10))
	s += "," + strconv.FormatInt(100+cents, 10)[1:]
	if neg {
		return "-€ " + s
	}
	return "€ " + s
}

// String is Format(true).
func (c Cents) String() string { return c.Format(true) }

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Side is lasten (expenses) or baten (income), or saldo for a line that
// holds only a printed net amount.
type Side string

// Sides of the exploitation.
const (
	Lasten Side = "lasten"
	Baten  Side = "baten"
	// SaldoSide marks a finance line that holds a net amount, signed as
	// saldo = baten - lasten (negative when lasten exceed baten), for
	// documents that print only the saldo of a year (Hengelo's begroting
	// gives lasten and baten for the begroting year but only the saldo for
	// the meerjarenraming). Its lasten and baten are unknown: a taakveld,
	// stage and year has either a saldo line or lasten and baten lines,
	// never both, so that nothing is counted twice.
	SaldoSide Side = "saldo"
)

// Valid reports whether s is lasten, baten or saldo.
func (s Side) Valid() bool {
	switch s {
	case Lasten, Baten, SaldoSide:
		return true
	}
	return false
}

// MoneyStage is the stage of a year's figures.
type MoneyStage string

// Money stages of one year.
const (
	StagePrimitief       MoneyStage = "primitief"       // begroting as first adopted
	StageNaWijziging     MoneyStage = "na-wijziging"    // begroting after changes
	StageRealisatie      MoneyStage = "realisatie"      // actuals
	StageMeerjarenraming MoneyStage = "meerjarenraming" // the years after the begroting year
)

// Label is the Dutch name of the stage, as a reader of a document knows it:
// "primitieve begroting", "begroting na wijziging", "realisatie",
// "meerjarenraming".
func (s MoneyStage) Label() string {
	switch s {
	case StagePrimitief:
		return "primitieve begroting"
	case StageNaWijziging:
		return "begroting na wijziging"
	case StageRealisatie:
		return "realisatie"
	case StageMeerjarenraming:
		return "meerjarenraming"
	}
	return string(s)
}

// ShortLabel is the stage as a column header under a year: "begroting",
// "begroting na wijziging", "realisatie", "raming".
func (s MoneyStage) ShortLabel() string {
	switch s {
	case StagePrimitief:
		return "begroting"
	case StageMeerjarenraming:
		return "raming"
	}
	return s.Label()
}

// Valid reports whether s is a known stage.
func (s MoneyStage) Valid() bool {
	switch s {
	case StagePrimitief, StageNaWijziging, StageRealisatie, StageMeerjarenraming:
		return true
	}
	return false
}

// FinanceLine is one amount of a programme: lasten or baten on one Iv3
// taakveld, for one year and stage. Sign convention (stored): lasten and
// baten are both positive amounts; saldo = baten - lasten. Importers convert
// a gemeente's printed convention (Hengelo prints lasten negative). A line
// with Side SaldoSide holds a printed net amount (baten - lasten) where the
// document gives no lasten and baten.
type FinanceLine struct {
	ID  int64  `json:"-"`
	Key string `json:"key"`
	// Taakveld is the Iv3 code ("6.71") valid for the document's TaakveldYear.
	Taakveld string     `json:"taakveld"`
	Label    string     `json:"label,omitempty"` // the name as printed
	Side     Side       `json:"side"`
	Stage    MoneyStage `json:"stage"`
	Year     int        `json:"year"`
	Amount   Cents      `json:"amount"`
	// GoalKeys link the line to goals where the gemeente does so.
	GoalKeys []string `json:"goal_keys,omitempty"`
	Line     int      `json:"line,omitempty"`
}

// Net is the line's contribution to the saldo (baten - lasten): the amount
// of baten and saldo lines, minus the amount of lasten lines.
func (l FinanceLine) Net() Cents {
	switch l.Side {
	case Baten, SaldoSide:
		return l.Amount
	}
	return -l.Amount
}

// Saldo returns baten - lasten over the lines; saldo lines count with their
// own (net) amount.
func Saldo(lines []FinanceLine) Cents {
	var s Cents
	for _, l := range lines {
		s += l.Net()
	}
	return s
}

// VarianceLine is one line of a verschillenanalyse: realisatie minus begroting
// na wijziging for a theme, goal or taakveld. Amount is signed in the stored
// convention: positive is voordeel (V, favourable), negative is nadeel (N).
type VarianceLine struct {
	ID       int64  `json:"-"`
	Key      string `json:"key"`
	Title    string `json:"title"`
	GoalKey  string `json:"goal_key,omitempty"`
	Taakveld string `json:"taakveld,omitempty"`
	Side     Side   `json:"side,omitempty"`
	Amount   Cents  `json:"amount"`
	// Total marks the programme total line as printed.
	Total       bool   `json:"total,omitempty"`
	Explanation string `json:"explanation,omitempty"`
	Line        int    `json:"line,omitempty"`
}

// VN is "V" for a favourable amount and "N" for an unfavourable one, under the
// stored convention (positive = voordeel). Zero is "".
func VN(amount Cents) string {
	switch {
	case amount > 0:
		return "V"
	case amount < 0:
		return "N"
	}
	return ""
}

// SignedVariance gives the stored amount for an amount printed as a positive
// number with a V or N label.
func SignedVariance(abs Cents, label string) Cents {
	if abs < 0 {
		abs = -abs
	}
	if strings.EqualFold(strings.TrimSpace(label), "N") {
		return -abs
	}
	return abs
}

// Reserve is earmarked equity, such as the reserve Sociaal Domein.
type Reserve struct {
	ID   int64  `json:"-"`
	Key  string `json:"key"`
	Name string `json:"name"`
	// Balance is the balance at the start of BalanceYear.
	BalanceYear int               `json:"balance_year,omitempty"`
	Balance     Cents             `json:"balance"`
	Mutations   []ReserveMutation `json:"mutations,omitempty"`
	Line        int               `json:"line,omitempty"`
}

// ReserveMutation is an addition (positive) or withdrawal (negative) in a year.
type ReserveMutation struct {
	Year        int    `json:"year"`
	Amount      Cents  `json:"amount"`
	Description string `json:"description,omitempty"`
	// ProposalKey is the proposal the withdrawal funds, if any.
	ProposalKey string `json:"proposal_key,omitempty"`
}
