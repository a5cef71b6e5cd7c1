package grip

// Activity is something the gemeente does for its goals (activiteit,
// inspanning, interventie). One activity may serve several goals: it is
// stored once, with a link to each.
type Activity struct {
	ID          int64  `json:"-"`
	Key         string `json:"key"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// GoalKeys are the goals the activity serves (the links).
	GoalKeys []string `json:"goal_keys,omitempty"`
	Line     int      `json:"line,omitempty"`
}

// Development is an ontwikkeling: a development or risk the council should
// know about, usually without an amount.
type Development struct {
	ID       int64    `json:"-"`
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Text     string   `json:"text,omitempty"`
	GoalKeys []string `json:"goal_keys,omitempty"`
	Line     int      `json:"line,omitempty"`
}

// ProgressStatus is the state of a speerpunt, goal or activity during the year.
type ProgressStatus string

// Progress statuses.
const (
	ProgressUnknown   ProgressStatus = ""
	ProgressOnTrack   ProgressStatus = "op-koers"
	ProgressAttention ProgressStatus = "aandacht"
	ProgressOffTrack  ProgressStatus = "uit-koers"
	ProgressDone      ProgressStatus = "gereed"
)

// ProgressEntry is voortgang on a goal or activity: status, what was done,
// planning, indicator, resources and risks.
type ProgressEntry struct {
	ID          int64          `json:"-"`
	Key         string         `json:"key"`
	GoalKey     string         `json:"goal_key,omitempty"`
	ActivityKey string         `json:"activity_key,omitempty"`
	Title       string         `json:"title,omitempty"`
	Status      ProgressStatus `json:"status,omitempty"`
	// Plan is what was planned (the begroting's text).
	Plan string `json:"plan,omitempty"`
	// Realisation is what was done (toelichting, "wat hebben we gedaan").
	Realisation string `json:"realisation,omitempty"`
	Planning    string `json:"planning,omitempty"`
	// Indicator is the indicator text as printed with the progress.
	Indicator string `json:"indicator,omitempty"`
	// Resources is the text on financiële middelen.
	Resources string `json:"resources,omitempty"`
	Risks     string `json:"risks,omitempty"`
	Line      int    `json:"line,omitempty"`
}
