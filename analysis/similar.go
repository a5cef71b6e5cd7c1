package analysis

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalizeTitle lower-cases, drops accents and turns everything that is not
// a letter or digit into single spaces: "Versterken sociale
// infrastructuur/voorliggend veld" → "versterken sociale infrastructuur voorliggend veld".
func normalizeTitle(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// stopwords are left out of the token index: they make everything look alike.
var stopwords = map[string]bool{"de": true, "het": true, "een": true, "en": true, "van": true, "voor": true,
	"in": true, "op": true, "met": true, "te": true, "aan": true, "naar": true, "om": true, "bij": true, "tot": true}

func tokens(norm string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Fields(norm) {
		if len(t) < 3 || stopwords[t] || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// Similarity is 1 - the Levenshtein distance of the normalised titles divided
// by the longer one's length: 1 for equal titles, about 0.9 for
// "Versterken …" vs "Verstevigen …" with the same rest.
func Similarity(a, b string) float64 {
	return similarityNorm([]rune(normalizeTitle(a)), []rune(normalizeTitle(b)), 0)
}

// similarityNorm computes the similarity of two normalised titles; when floor
// is above zero it may stop early and return 0 once the result is sure to
// fall below floor.
func similarityNorm(a, b []rune, floor float64) float64 {
	la, lb := len(a), len(b)
	longest := max(la, lb)
	if longest == 0 {
		return 1
	}
	maxDist := longest
	if floor > 0 {
		maxDist = int(float64(longest) * (1 - floor))
		if d := la - lb; d > maxDist || -d > maxDist {
			return 0
		}
	}
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min3(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if floor > 0 && rowMin > maxDist {
			return 0
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[lb])/float64(longest)
}

func min3(a, b, c int) int { return min(a, min(b, c)) }

// titled is an entity with a title, for the near-duplicate search.
type titled struct {
	idx   int
	norm  []rune
	toks  []string
	title string
}

// similarPairs returns the pairs (i < j) of titles whose similarity is at
// least threshold. Candidates share at least half of their tokens; tokens
// held by very many titles are not used to find candidates, so the search
// stays near-linear on large documents.
func similarPairs(titles []string, threshold float64) [][3]float64 {
	items := make([]titled, len(titles))
	index := map[string][]int{}
	for i, t := range titles {
		n := normalizeTitle(t)
		items[i] = titled{idx: i, norm: []rune(n), toks: tokens(n), title: t}
		for _, tok := range items[i].toks {
			index[tok] = append(index[tok], i)
		}
	}
	const maxPosting = 200
	var out [][3]float64
	shared := map[int]int{}
	for i := range items {
		clear(shared)
		for _, tok := range items[i].toks {
			post := index[tok]
			if len(post) > maxPosting {
				continue
			}
			for _, j := range post {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			need := (max(len(items[i].toks), len(items[j].toks)) + 1) / 2
			if n < need {
				continue
			}
			if s := similarityNorm(items[i].norm, items[j].norm, threshold); s >= threshold && rewording(string(items[i].norm), string(items[j].norm)) {
				out = append(out, [3]float64{float64(i), float64(j), s})
			}
		}
	}
	return out
}

// rewording tells a rewording ("Versterken …" / "Verstevigen …") from two
// titles that differ in what they name ("… in West" / "… in Noord",
// "… 2020" / "… 2021"): the words that differ must themselves look alike,
// and must not be numbers.
func rewording(a, b string) bool {
	ta, tb := strings.Fields(a), strings.Fields(b)
	count := map[string]int{}
	for _, t := range ta {
		count[t]++
	}
	for _, t := range tb {
		count[t]--
	}
	var onlyA, onlyB []string
	for _, t := range ta {
		if count[t] > 0 {
			onlyA = append(onlyA, t)
			count[t]--
		}
	}
	count = map[string]int{}
	for _, t := range ta {
		count[t]++
	}
	for _, t := range tb {
		if count[t] > 0 {
			count[t]--
			continue
		}
		onlyB = append(onlyB, t)
	}
	if len(onlyA) == 0 && len(onlyB) == 0 {
		return true
	}
	for _, t := range append(append([]string{}, onlyA...), onlyB...) {
		if strings.ContainsAny(t, "0123456789") {
			return false
		}
	}
	return similarityNorm([]rune(strings.Join(onlyA, " ")), []rune(strings.Join(onlyB, " ")), 0) >= 0.5
}
