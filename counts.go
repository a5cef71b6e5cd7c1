package grip

// Counts are the numbers of things in a document, as `grip stats` and the
// import report show them.
type Counts struct {
	Themes          int `json:"themes"`
	Goals           int `json:"goals"`
	Subgoals        int `json:"subgoals"`
	Activities      int `json:"activities"`
	ActivityLinks   int `json:"activity_links"`
	Proposals       int `json:"proposals"`
	Developments    int `json:"developments"`
	Indicators      int `json:"indicators"`
	Measurements    int `json:"measurements"`
	FinanceLines    int `json:"finance_lines"`
	VarianceLines   int `json:"variance_lines"`
	ProgressEntries int `json:"progress_entries"`
	Reserves        int `json:"reserves"`
}

// Counts counts the document's contents. Goals at depth 0 are themes, depth 1
// goals, depth 2 and deeper subgoals.
func (d *Document) Counts() Counts {
	var c Counts
	for i := range d.Programmes {
		p := &d.Programmes[i]
		WalkGoals(p.Goals, func(_ *Goal, depth int, _ []*Goal) bool {
			switch depth {
			case 0:
				c.Themes++
			case 1:
				c.Goals++
			default:
				c.Subgoals++
			}
			return true
		})
		c.Activities += len(p.Activities)
		for _, a := range p.Activities {
			c.ActivityLinks += len(a.GoalKeys)
		}
		c.Proposals += len(p.Proposals)
		c.Developments += len(p.Developments)
		c.Indicators += len(p.Indicators)
		for _, in := range p.Indicators {
			c.Measurements += len(in.Measurements)
		}
		c.FinanceLines += len(p.FinanceLines)
		c.VarianceLines += len(p.VarianceLines)
		c.ProgressEntries += len(p.Progress)
		c.Reserves += len(p.Reserves)
	}
	return c
}
