package grip

// CycleOrder is k's position in the planning & control cycle (kadernota
// first, jaarrekening last), the one order in which lists, exports and pages
// put a year's documents; an unknown kind comes after all known ones.
func (k DocumentKind) CycleOrder() int {
	kinds := DocumentKinds()
	for i, v := range kinds {
		if v == k {
			return i
		}
	}
	return len(kinds)
}
