package analysis

import (
	"fmt"
	"math"
	"sort"

	"grip"
)

// Status of an indicator against its target.
type Status string

// Statuses, with the words the interface shows.
const (
	StatusOnTrack   Status = "op-koers"
	StatusAttention Status = "aandacht"
	StatusOffTrack  Status = "uit-koers"
	// StatusDeviation is a realised value more than 5% from the target of
	// an indicator whose good direction is unknown: a fact, not a judgement.
	StatusDeviation Status = "afwijking"
	StatusUnknown   Status = "onbekend"
)

// Label is the Dutch text of the status.
func (s Status) Label() string {
	switch s {
	case StatusOnTrack:
		return "op koers"
	case StatusAttention:
		return "aandacht"
	case StatusOffTrack:
		return "uit koers"
	case StatusDeviation:
		return "afwijking (geen oordeel)"
	}
	return "onbekend"
}

// statusRank orders statuses for a goal's worst status: a deviation without
// judgement weighs more than on track (something differs from the plan) and
// less than a judged aandacht or uit koers.
func statusRank(s Status) int {
	switch s {
	case StatusOffTrack:
		return 4
	case StatusAttention:
		return 3
	case StatusDeviation:
		return 2
	case StatusOnTrack:
		return 1
	}
	return 0
}

// attentionMargin: within this share of the target on the wrong side, the
// status is "aandacht" instead of "uit koers".
const attentionMargin = 0.10

// StatusRule states the rule of Status in words, for the given direction.
func StatusRule(d grip.Direction) string {
	switch d {
	case grip.HigherIsBetter:
		return "Hoger is beter. Op koers: realisatie ≥ streefwaarde. Aandacht: realisatie tot 10% onder de streefwaarde. Uit koers: meer dan 10% onder de streefwaarde."
	case grip.LowerIsBetter:
		return "Lager is beter. Op koers: realisatie ≤ streefwaarde. Aandacht: realisatie tot 10% boven de streefwaarde. Uit koers: meer dan 10% boven de streefwaarde."
	}
	return "Richting onbekend (niet ingesteld): grip oordeelt niet of meer of minder goed is. Op koers: realisatie binnen 5% van de streefwaarde. Afwijking (geen oordeel): verder af; de grootte staat erbij. " + directionHint
}

// directionHint says how to get a judgement for an indicator without direction.
const directionHint = "Voor een oordeel (aandacht, uit koers) moet de richting van de indicator worden ingesteld: hoger of lager is beter (grip indicators direction)."

// IndicatorRule states the rule of an indicator's status in words: the rule
// of its direction, and where that direction comes from when the document
// does not set it.
func IndicatorRule(in *grip.Indicator) string {
	d, m := IndicatorDirection(in)
	if m == nil {
		return StatusRule(d)
	}
	return fmt.Sprintf("Richting volgens de verplichte beleidsindicator %q: %s. %s", m.Name, directionWords(d), StatusRule(d))
}

// directionWords is the direction in Dutch words.
func directionWords(d grip.Direction) string {
	switch d {
	case grip.HigherIsBetter:
		return "hoger is beter"
	case grip.LowerIsBetter:
		return "lager is beter"
	}
	return "richting onbekend"
}

// IndicatorDirection is the direction an indicator is judged by: its own
// Direction when set; otherwise, for an indicator the document marks as a
// verplichte beleidsindicator (Mandatory) whose name is recognised as one
// of Mandatory() with an agreed direction, that direction, and m names the
// mandatory indicator it came from. Indicators not marked mandatory get no
// default: the recognising words are loose ("bijstand" also matches
// "Aantal aanvragen bijzondere bijstand", where more says nothing about
// better). Two recognised mandatory indicators with different directions
// give none.
func IndicatorDirection(in *grip.Indicator) (d grip.Direction, m *MandatoryIndicator) {
	if in.Direction != "" || !in.Mandatory {
		return in.Direction, nil
	}
	for _, c := range Mandatory() {
		if !c.Matches(in.Name) {
			continue
		}
		if m != nil && c.Direction != m.Direction {
			return "", nil
		}
		if m == nil {
			m = &c
		}
	}
	if m == nil || m.Direction == "" {
		return "", nil
	}
	return m.Direction, m
}

// Deviation says in words how far a realised value lies from the planned
// one: "23% boven de streefwaarde"; for a percentage also the difference in
// procentpunten; "gelijk aan de streefwaarde" when they are equal.
func Deviation(realised, planned float64, u grip.Unit) string {
	dev := realised - planned
	if dev == 0 {
		return "gelijk aan de streefwaarde"
	}
	side := "boven"
	if dev < 0 {
		side = "onder"
	}
	if planned == 0 {
		return fmt.Sprintf("%s %s de streefwaarde 0", FormatValue(math.Abs(dev), u), side)
	}
	pct := math.Abs(dev) / math.Abs(planned) * 100
	// One decimal below 10%, whole percents above, written as every
	// number is (grip.DutchNumber): "2,5%", "19%", "2.250%".
	p := grip.DutchNumber(math.Round(pct*10)/10) + "%"
	if pct >= 10 {
		p = grip.DutchNumber(math.Round(pct)) + "%"
	}
	if pct < 0.05 {
		p = "minder dan 0,1%"
	}
	if u == grip.UnitPercentage {
		pp := FormatValue(math.Abs(dev), "")
		unit := "procentpunten"
		if pp == "1" {
			unit = "procentpunt"
		}
		return fmt.Sprintf("%s %s (%s) %s de streefwaarde", pp, unit, p, side)
	}
	return fmt.Sprintf("%s %s de streefwaarde", p, side)
}

// Assess gives the status of a realised value against a planned one, under
// the rule of StatusRule.
func Assess(realised, planned float64, d grip.Direction) Status {
	dev := realised - planned
	scale := math.Abs(planned)
	if scale == 0 {
		scale = 1
	}
	rel := dev / scale
	switch d {
	case grip.HigherIsBetter:
		switch {
		case dev >= 0:
			return StatusOnTrack
		case -rel <= attentionMargin:
			return StatusAttention
		}
		return StatusOffTrack
	case grip.LowerIsBetter:
		switch {
		case dev <= 0:
			return StatusOnTrack
		case rel <= attentionMargin:
			return StatusAttention
		}
		return StatusOffTrack
	}
	if math.Abs(rel) <= attentionMargin/2 {
		return StatusOnTrack
	}
	return StatusDeviation
}

// IndicatorYear is one year of an indicator: realised and planned values.
type IndicatorYear struct {
	Year         int      `json:"year"`
	Realised     *float64 `json:"realised,omitempty"`
	RealisedText string   `json:"realised_text,omitempty"`
	Planned      *float64 `json:"planned,omitempty"`
	PlannedText  string   `json:"planned_text,omitempty"`
	Status       Status   `json:"status"`
}

// IndicatorReport is an indicator against its targets.
type IndicatorReport struct {
	Key  string    `json:"key"`
	Name string    `json:"name"`
	Unit grip.Unit `json:"unit,omitempty"`
	// Direction is the direction the indicator is judged by: its own, or
	// the default of the verplichte beleidsindicator it is (then
	// DirectionDefault is set and Rule says so).
	Direction        grip.Direction  `json:"direction,omitempty"`
	DirectionDefault bool            `json:"direction_default,omitempty"`
	Mandatory        bool            `json:"mandatory,omitempty"`
	GoalKeys         []string        `json:"goal_keys,omitempty"`
	Years            []IndicatorYear `json:"years"`
	// Status is that of the latest year with both a realised and a planned
	// value; without such a year (a begroting: realised values of past years,
	// targets of coming ones) the latest realised value against the first
	// target after it, as StatusBasis says.
	Status      Status `json:"status"`
	StatusYear  int    `json:"status_year,omitempty"`
	StatusBasis string `json:"status_basis,omitempty"`
	// Deviation says how far the realisation of the status lies from its
	// target ("23% boven de streefwaarde").
	Deviation string `json:"deviation,omitempty"`
	Rule      string `json:"rule"`
	// Trend compares the last two realised values: "stijgend", "dalend",
	// "gelijk" or "onbekend"; Better says whether that is the good way.
	Trend  string `json:"trend"`
	Better *bool  `json:"better,omitempty"`
}

// Indicators reports every indicator of the programme.
func Indicators(p *grip.Programme) []IndicatorReport {
	out := make([]IndicatorReport, 0, len(p.Indicators))
	for i := range p.Indicators {
		out = append(out, Indicator(&p.Indicators[i]))
	}
	return out
}

// Indicator reports one indicator: per year realised vs planned, status and trend.
func Indicator(in *grip.Indicator) IndicatorReport {
	dir, def := IndicatorDirection(in)
	r := IndicatorReport{Key: in.Key, Name: in.Name, Unit: in.Unit, Direction: dir, DirectionDefault: def != nil, Mandatory: in.Mandatory,
		GoalKeys: in.GoalKeys, Rule: IndicatorRule(in), Status: StatusUnknown, Trend: "onbekend"}
	years := map[int]*IndicatorYear{}
	for _, m := range in.Measurements {
		y := years[m.Year]
		if y == nil {
			y = &IndicatorYear{Year: m.Year, Status: StatusUnknown}
			years[m.Year] = y
		}
		text := measurementText(m)
		switch m.Kind {
		case grip.Realised:
			if y.Realised == nil && y.RealisedText == "" || m.Value != nil && y.Realised == nil {
				y.Realised, y.RealisedText = m.Value, text
			}
		case grip.Planned:
			if y.Planned == nil && y.PlannedText == "" || m.Value != nil && y.Planned == nil {
				y.Planned, y.PlannedText = m.Value, text
			}
		}
	}
	for _, y := range years {
		r.Years = append(r.Years, *y)
	}
	sort.Slice(r.Years, func(i, j int) bool { return r.Years[i].Year < r.Years[j].Year })
	var realised []IndicatorYear
	for i := range r.Years {
		y := &r.Years[i]
		if y.Realised != nil && y.Planned != nil {
			y.Status = Assess(*y.Realised, *y.Planned, dir)
			r.Status, r.StatusYear = y.Status, y.Year
			r.Deviation = Deviation(*y.Realised, *y.Planned, in.Unit)
		}
		if y.Realised != nil {
			realised = append(realised, *y)
		}
	}
	if r.StatusYear == 0 && len(realised) > 0 {
		last := realised[len(realised)-1]
		for _, y := range r.Years {
			if y.Year > last.Year && y.Planned != nil {
				r.Status = Assess(*last.Realised, *y.Planned, dir)
				r.StatusYear = y.Year
				r.Deviation = Deviation(*last.Realised, *y.Planned, in.Unit)
				r.StatusBasis = fmt.Sprintf("realisatie %d tegen streefwaarde %d", last.Year, y.Year)
				break
			}
		}
	} else if r.StatusYear != 0 {
		r.StatusBasis = fmt.Sprintf("realisatie en streefwaarde %d", r.StatusYear)
	}
	if n := len(realised); n >= 2 {
		a, b := *realised[n-2].Realised, *realised[n-1].Realised
		scale := math.Max(math.Abs(a), 1e-9)
		switch d := (b - a) / scale; {
		case math.Abs(d) < 0.01:
			r.Trend = "gelijk"
		case d > 0:
			r.Trend = "stijgend"
		default:
			r.Trend = "dalend"
		}
		if dir != "" && r.Trend != "gelijk" {
			better := (r.Trend == "stijgend") == (dir == grip.HigherIsBetter)
			r.Better = &better
		}
	}
	return r
}

// GoalView is one goal in the grip view: its indicators with status, money,
// activities, proposals and progress.
type GoalView struct {
	Key        string               `json:"key"`
	Title      string               `json:"title"`
	Depth      int                  `json:"depth"`
	Level      string               `json:"level"`
	Status     Status               `json:"status"` // worst of its indicators
	Indicators []IndicatorReport    `json:"indicators,omitempty"`
	Money      *GoalMoney           `json:"money,omitempty"`
	Activities []string             `json:"activities,omitempty"`
	Proposals  []ProposalSummary    `json:"proposals,omitempty"`
	Progress   []grip.ProgressEntry `json:"progress,omitempty"`
	Children   []GoalView           `json:"children,omitempty"`
}

// ProposalSummary is a proposal as the grip view lists it.
type ProposalSummary struct {
	Key     string             `json:"key"`
	Title   string             `json:"title"`
	Amounts map[int]grip.Cents `json:"amounts,omitempty"`
	Funding string             `json:"funding,omitempty"`
}

// ProgrammeView is the grip view of a programme: its themes with goals.
type ProgrammeView struct {
	Key    string     `json:"key"`
	Title  string     `json:"title"`
	Themes []GoalView `json:"themes"`
	// Unlinked are indicators not linked to any goal.
	Unlinked []IndicatorReport `json:"unlinked_indicators,omitempty"`
	Rule     string            `json:"rule"`
}

// GoalRule states how the grip view judges goals and indicators, in words.
const GoalRule = "De status van een doel is de slechtste status van zijn indicatoren en subdoelen: uit koers, aandacht, afwijking (geen oordeel), op koers. " +
	"Een indicator wordt beoordeeld naar zijn richting. Hoger is beter: op koers bij realisatie ≥ streefwaarde, aandacht tot 10% eronder, uit koers verder eronder; lager is beter: gespiegeld. " +
	"Een verplichte beleidsindicator zonder eigen richting krijgt de richting die bij die indicator hoort, waar die er is. " +
	"Zonder richting: op koers binnen 5% van de streefwaarde, anders afwijking zonder oordeel. " + directionHint

// StatusText is the status in words with what it compares and how far the
// realisation lies from the target: "afwijking (geen oordeel): 23% boven de
// streefwaarde (realisatie 2018 tegen streefwaarde 2019)".
func (r IndicatorReport) StatusText() string {
	s := r.Status.Label()
	if r.Deviation != "" && r.Status != StatusUnknown {
		s += ": " + r.Deviation
	}
	if r.StatusBasis != "" {
		s += " (" + r.StatusBasis + ")"
	}
	return s
}

// DirectionText is the direction the indicator is judged by in words, with
// "volgens de verplichte beleidsindicator" for a default; "" when unknown.
func (r IndicatorReport) DirectionText() string {
	if r.Direction == "" {
		return ""
	}
	if r.DirectionDefault {
		return directionWords(r.Direction) + " (volgens de verplichte beleidsindicator)"
	}
	return directionWords(r.Direction)
}

// GripView builds, per programme, the goal tree with per goal its indicators
// and their status, money, activities, proposals and progress.
func GripView(doc *grip.Document, org grip.Organisation) []ProgrammeView {
	var out []ProgrammeView
	for pi := range doc.Programmes {
		p := &doc.Programmes[pi]
		money := MoneyPerGoal(p)
		reports := Indicators(p)
		byGoal := map[string][]IndicatorReport{}
		pv := ProgrammeView{Key: p.Key, Title: p.Title,
			Rule: GoalRule}
		for _, r := range reports {
			if len(r.GoalKeys) == 0 {
				pv.Unlinked = append(pv.Unlinked, r)
			}
			for _, k := range r.GoalKeys {
				byGoal[k] = append(byGoal[k], r)
			}
		}
		acts := map[string][]string{}
		for _, a := range p.Activities {
			for _, k := range a.GoalKeys {
				acts[k] = append(acts[k], a.Title)
			}
		}
		props := map[string][]ProposalSummary{}
		for _, pr := range p.Proposals {
			ps := ProposalSummary{Key: pr.Key, Title: pr.Title, Funding: pr.Funding, Amounts: map[int]grip.Cents{}}
			for _, a := range pr.Amounts {
				ps.Amounts[a.Year] += a.Amount
			}
			for _, k := range pr.GoalKeys {
				props[k] = append(props[k], ps)
			}
		}
		prog := map[string][]grip.ProgressEntry{}
		for _, e := range p.Progress {
			if e.GoalKey != "" {
				prog[e.GoalKey] = append(prog[e.GoalKey], e)
			}
		}
		var build func(g *grip.Goal, depth int) GoalView
		build = func(g *grip.Goal, depth int) GoalView {
			v := GoalView{Key: g.Key, Title: g.Title, Depth: depth, Level: org.Settings.LevelName(depth),
				Indicators: byGoal[g.Key], Money: money[g.Key], Activities: acts[g.Key], Proposals: props[g.Key],
				Progress: prog[g.Key], Status: StatusUnknown}
			for _, r := range v.Indicators {
				if statusRank(r.Status) > statusRank(v.Status) {
					v.Status = r.Status
				}
			}
			for i := range g.Children {
				c := build(&g.Children[i], depth+1)
				if statusRank(c.Status) > statusRank(v.Status) {
					v.Status = c.Status
				}
				v.Children = append(v.Children, c)
			}
			return v
		}
		for i := range p.Goals {
			pv.Themes = append(pv.Themes, build(&p.Goals[i], 0))
		}
		out = append(out, pv)
	}
	return out
}

// FormatValue writes an indicator value in Dutch notation with its unit
// (grip.Unit.FormatValue, the one rule for this).
func FormatValue(v float64, u grip.Unit) string { return u.FormatValue(v) }
