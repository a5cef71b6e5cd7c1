package grip

// Goal is a node of the goal tree: a theme (doelenboom, ambitie, speerpunt) at
// depth 0, a doel below it, a subdoel below that, to any depth. The names of
// the levels are the organisation's (OrgSettings.LevelNames).
type Goal struct {
	ID int64 `json:"-"`
	// Key identifies the goal within its document; links refer to it.
	Key   string `json:"key"`
	Title string `json:"title"`
	// Sections hold the goal's texts: inhoudelijk perspectief, beoogd
	// maatschappelijk effect, IST (waar stonden we), SOLL (waar gaan we naar toe).
	Sections []Section `json:"sections,omitempty"`
	Children []Goal    `json:"children,omitempty"`
	// Line is the source line where the goal was read, when imported.
	Line int `json:"line,omitempty"`
}

// Slug is the URL name of the goal.
func (g *Goal) Slug() string { return Slugify(g.Title) }

// WalkGoals calls fn for every goal of the forest in depth-first order, with
// its depth (0 for roots) and the chain of its ancestors. It stops when fn
// returns false.
func WalkGoals(goals []Goal, fn func(g *Goal, depth int, parents []*Goal) bool) {
	var walk func(gs []Goal, parents []*Goal) bool
	walk = func(gs []Goal, parents []*Goal) bool {
		for i := range gs {
			g := &gs[i]
			if !fn(g, len(parents), parents) {
				return false
			}
			if !walk(g.Children, append(parents[:len(parents):len(parents)], g)) {
				return false
			}
		}
		return true
	}
	walk(goals, nil)
}

// FindGoal returns the goal with the given key, or nil.
func (p *Programme) FindGoal(key string) *Goal {
	var found *Goal
	WalkGoals(p.Goals, func(g *Goal, _ int, _ []*Goal) bool {
		if g.Key == key {
			found = g
			return false
		}
		return true
	})
	return found
}
