package grip

import "sort"

// Recurrence says whether a proposal's money is incidenteel (one-off) or
// structureel (recurring).
type Recurrence string

// Recurrences.
const (
	Incidenteel Recurrence = "i"
	Structureel Recurrence = "s"
	// Mixed is a proposal with both one-off and recurring amounts.
	Mixed Recurrence = "i/s"
)

// Proposal is a voorstel: a request for money, with its amounts per year and
// how it is funded. A proposal printed under several goals is one proposal
// with several links; its money counts once.
type Proposal struct {
	ID    int64  `json:"-"`
	Key   string `json:"key"`
	Title string `json:"title"`
	Text  string `json:"text,omitempty"`
	// Recurrence is the i/s of the proposal as a whole; amounts may carry their own.
	Recurrence Recurrence       `json:"recurrence,omitempty"`
	Amounts    []ProposalAmount `json:"amounts,omitempty"`
	// Funding is the dekking as printed ("dekking reserve Sociaal Domein").
	Funding string `json:"funding,omitempty"`
	// FundingReserve is the key of the reserve that funds it, if any.
	FundingReserve string `json:"funding_reserve,omitempty"`
	// Decision is the council's decision, once taken.
	Decision string   `json:"decision,omitempty"`
	GoalKeys []string `json:"goal_keys,omitempty"`
	Line     int      `json:"line,omitempty"`
}

// ProposalAmount is the money of a proposal in one year.
type ProposalAmount struct {
	Year       int        `json:"year"`
	Amount     Cents      `json:"amount"`
	Recurrence Recurrence `json:"recurrence,omitempty"`
	// FromReserve is the part funded from the proposal's reserve.
	FromReserve Cents `json:"from_reserve,omitempty"`
	// Note keeps words printed with the amount ("i, voor 2 jaar").
	Note string `json:"note,omitempty"`
}

// Validate checks the proposal's own rules: each year at most once.
func (p *Proposal) Validate() error {
	seen := map[int]bool{}
	for _, a := range p.Amounts {
		if seen[a.Year] {
			return Errorf(EInvalid, "voorstel %q noemt het jaar %d twee keer", p.Title, a.Year)
		}
		seen[a.Year] = true
	}
	return nil
}

// Total returns the proposal's amount for year (zero when it has none).
func (p *Proposal) Total(year int) Cents {
	var t Cents
	for _, a := range p.Amounts {
		if a.Year == year {
			t += a.Amount
		}
	}
	return t
}

// Years returns the years the proposal has money for, ascending.
func (p *Proposal) Years() []int {
	var ys []int
	seen := map[int]bool{}
	for _, a := range p.Amounts {
		if !seen[a.Year] {
			seen[a.Year] = true
			ys = append(ys, a.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

// ProposalTotals sums proposals per year, each proposal once.
func ProposalTotals(ps []Proposal) map[int]Cents {
	t := map[int]Cents{}
	for i := range ps {
		for _, a := range ps[i].Amounts {
			t[a.Year] += a.Amount
		}
	}
	return t
}
