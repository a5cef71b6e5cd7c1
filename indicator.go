package grip

// Indicator is a beleidsindicator, kengetal or meting, linked to goals, with
// its values over the years.
type Indicator struct {
	ID   int64  `json:"-"`
	Key  string `json:"key"`
	Name string `json:"name"`
	// Group is the table or group row it was printed under ("Beleidsindicatoren", "Kengetallen").
	Group  string `json:"group,omitempty"`
	Unit   Unit   `json:"unit,omitempty"`
	Source string `json:"source,omitempty"` // bron
	// Mandatory marks a verplichte beleidsindicator (BBV).
	Mandatory bool `json:"mandatory,omitempty"`
	// Direction says whether a higher value is better; empty when unknown.
	Direction    Direction     `json:"direction,omitempty"`
	GoalKeys     []string      `json:"goal_keys,omitempty"`
	Measurements []Measurement `json:"measurements,omitempty"`
	Line         int           `json:"line,omitempty"`
}

// Unit is what an indicator's numbers count.
type Unit string

// Units.
const (
	UnitCount      Unit = "aantal"
	UnitPercentage Unit = "percentage"
	UnitPer1000    Unit = "per-1000"
	UnitPer10000   Unit = "per-10000"
	UnitEuro       Unit = "euro"
	UnitText       Unit = "tekst"
)

// Direction tells which way is better.
type Direction string

// Directions.
const (
	HigherIsBetter Direction = "hoger-is-beter"
	LowerIsBetter  Direction = "lager-is-beter"
)

// MeasurementKind tells a realised value from a planned one.
type MeasurementKind string

// Measurement kinds.
const (
	Realised MeasurementKind = "realisatie"   // werkelijk
	Planned  MeasurementKind = "streefwaarde" // begroot, streefwaarde
)

// Measurement is one value of an indicator.
type Measurement struct {
	Year int             `json:"year"`
	Kind MeasurementKind `json:"kind"`
	// Value is the number when the cell holds one (47.5 for "47,5%").
	Value *float64 `json:"value,omitempty"`
	// Word is the text when the cell holds a word instead ("gereed", "n.n.b.", "-").
	Word string `json:"word,omitempty"`
	// Raw is the cell as printed ("340 (47,5%)", "511(01-7)", "250*").
	Raw string `json:"raw,omitempty"`
	// AsOf is the peildatum as printed ("01-7", "31/5"), or YYYY-MM-DD when known.
	AsOf     string `json:"as_of,omitempty"`
	Footnote string `json:"footnote,omitempty"`
	Line     int    `json:"line,omitempty"`
}
