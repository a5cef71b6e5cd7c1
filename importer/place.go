package importer

import (
	"fmt"
	"strings"

	"grip"
)

// placeSubgoals decides, for the open theme whose subgoals were printed
// after all its goals, which goal each subgoal belongs to. The document does
// not say; the subgoals are taken to follow the goals' order, and among
// those orderings the one whose subgoals share the most words with their
// goal is chosen. Without any shared word they stay under the last goal.
// Either way the placement is reported: it is a guess.
func (p *parser) placeSubgoals() {
	th := p.theme
	if th == nil || !th.deferred || len(th.children) < 2 {
		return
	}
	th.deferred = false
	goals := th.children
	last := goals[len(goals)-1]
	var subs, keep []*gnode
	for _, c := range last.children {
		if c.deferred {
			subs = append(subs, c)
		} else {
			keep = append(keep, c)
		}
	}
	if len(subs) == 0 {
		return
	}
	gw := make([]map[string]bool, len(goals))
	for j, g := range goals {
		gw[j] = stemSet(g.title + " " + p.goalText(g))
	}
	score := make([][]int, len(subs))
	total := 0
	for i, s := range subs {
		sw := stemSet(s.title)
		score[i] = make([]int, len(goals))
		for j := range goals {
			for w := range sw {
				if gw[j][w] {
					score[i][j]++
				}
			}
			total += score[i][j]
		}
	}
	assign := make([]int, len(subs))
	for i := range assign {
		assign[i] = len(goals) - 1
	}
	how := fmt.Sprintf("onder het laatste doel %q", last.title)
	if total > 0 {
		assign = monotoneAssign(score, len(goals))
		how = "in volgorde onder het doel waarmee ze de meeste woorden delen"
	}
	last.children = keep
	counts := make([]int, len(goals))
	for i, s := range subs {
		g := goals[assign[i]]
		s.parent = g
		s.deferred = false
		g.children = append(g.children, s)
		counts[assign[i]]++
	}
	var parts []string
	for j, g := range goals {
		if counts[j] > 0 {
			parts = append(parts, fmt.Sprintf("%d onder %q", counts[j], g.title))
		}
	}
	p.note(th.deferLine, grip.SeverityInfo, fmt.Sprintf("bij %q staan de subdoelen na alle doelen, zonder te zeggen bij welk doel ze horen; ze zijn %s gezet (%s): controleer de plaatsing", th.title, how, strings.Join(parts, ", ")), "")
}

// goalText is the text read so far under a goal.
func (p *parser) goalText(g *gnode) string {
	var b strings.Builder
	for _, s := range g.sections {
		b.WriteString(s.Body)
		b.WriteByte(' ')
		if t := p.texts[textRef{kind: 's', sec: s}]; t != nil {
			b.WriteString(t.b.String())
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// stemSet is the set of word stems (the first six letters of the
// keywords) of s.
func stemSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range keywords(s) {
		if len(w) > 6 {
			w = w[:6]
		}
		out[w] = true
	}
	return out
}

// monotoneAssign gives each item i a column a[i], non-decreasing in i,
// with the highest total score; on a tie the later column wins, as the
// subgoals were printed after (and so nearest to) the later goals.
func monotoneAssign(score [][]int, cols int) []int {
	n := len(score)
	// best[i][j]: the best total of items 0..i with item i in column j.
	best := make([][]int, n)
	from := make([][]int, n)
	for i := range best {
		best[i] = make([]int, cols)
		from[i] = make([]int, cols)
		for j := 0; j < cols; j++ {
			if i == 0 {
				best[i][j] = score[i][j]
				continue
			}
			bk, bv := 0, best[i-1][0]
			for k := 1; k <= j; k++ {
				if best[i-1][k] >= bv {
					bk, bv = k, best[i-1][k]
				}
			}
			best[i][j] = bv + score[i][j]
			from[i][j] = bk
		}
	}
	a := make([]int, n)
	bj := 0
	for j := 1; j < cols; j++ {
		if best[n-1][j] >= best[n-1][bj] {
			bj = j
		}
	}
	for i := n - 1; i >= 0; i-- {
		a[i] = bj
		bj = from[i][bj]
	}
	return a
}
