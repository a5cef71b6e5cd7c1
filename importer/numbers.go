package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"grip"
)

// dutchNumber is a number as printed in Dutch: "." groups thousands and ","
// is the decimal mark. It keeps the exact digits: money never passes a float.
type dutchNumber struct {
	neg      bool
	whole    int64  // the integer part
	frac     string // the decimal digits as printed ("5" for "23,5")
	text     string // as printed
	grouped  bool   // written with thousands separators
	overflow bool
}

// float returns the number for indicator values (never for money).
func (n dutchNumber) float() float64 {
	s := strconv.FormatInt(n.whole, 10)
	if n.frac != "" {
		s += "." + n.frac
	}
	f, _ := strconv.ParseFloat(s, 64)
	if n.neg {
		f = -f
	}
	return f
}

// cents returns n × mult euros in cents, exactly. ok is false when the
// number has more decimals than cents can hold or overflows.
func (n dutchNumber) cents(mult int64) (grip.Cents, bool) {
	if n.overflow || mult <= 0 {
		return 0, false
	}
	const max = int64(1) << 53
	if n.whole > max/mult/100 {
		return 0, false
	}
	c := n.whole * mult * 100
	// The fraction scaled to cents × mult must stay whole.
	if n.frac != "" {
		frac := n.frac
		// frac/10^len × mult × 100 cents
		num, err := strconv.ParseInt(frac, 10, 64)
		if err != nil || len(frac) > 12 {
			return 0, false
		}
		den := int64(1)
		for range len(frac) {
			den *= 10
		}
		v := num * mult * 100
		if v%den != 0 {
			return 0, false
		}
		c += v / den
	}
	if n.neg {
		c = -c
	}
	return grip.Cents(c), true
}

// parseDutchNumber reads a whole string as one Dutch number: "-12.075",
// "23,5", "1.000", "0". Plain digit runs of any length are accepted
// ("3678"). Spaces inside are not.
func parseDutchNumber(s string) (dutchNumber, bool) {
	n, used, ok := scanDutchNumber(s, true)
	if !ok || used != len(s) {
		return dutchNumber{}, false
	}
	return n, true
}

// scanDutchNumber reads a number at the start of s and returns how many
// bytes it used. With loose set, ungrouped digit runs of any length are
// accepted; otherwise only up to three digits (a longer amount would have
// been grouped), which is what makes run-together cells splittable.
func scanDutchNumber(s string, loose bool) (dutchNumber, int, bool) {
	var n dutchNumber
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+' || strings.HasPrefix(s[i:], "−")) {
		if s[i] == '-' {
			n.neg = true
			i++
		} else if s[i] == '+' {
			i++
		} else {
			n.neg = true
			i += len("−")
		}
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	lead := i - start
	if lead == 0 {
		return n, 0, false
	}
	digits := s[start:i]
	if !loose && lead > 3 {
		return n, 0, false
	}
	if lead > 1 && digits[0] == '0' && !loose {
		return n, 0, false
	}
	// Thousands groups: "." followed by exactly three digits.
	if lead <= 3 {
		for i+4 <= len(s) && s[i] == '.' && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && (i+4 == len(s) || !isDigit(s[i+4]) || !loose) {
			digits += s[i+1 : i+4]
			i += 4
			n.grouped = true
		}
	}
	if i+1 < len(s) && s[i] == ',' && isDigit(s[i+1]) {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		n.frac = s[i+1 : j]
		i = j
	} else if i+1 < len(s) && s[i] == ',' && s[i+1] == '-' {
		// "25.000,-": whole euros.
		i += 2
	}
	if len(digits) > 15 {
		n.overflow = true
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		n.overflow = true
	}
	n.whole = v
	n.text = s[:i]
	return n, i, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// parseMoney reads an amount cell: "€ 75.000", "25.000,-", "EUR 1.234,56",
// "€ 75.000 (dekking reserve Sociaal Domein)". It returns the amount in
// cents (× mult euros), the words printed around it, and whether an amount
// was found.
func parseMoney(cell string, mult int64) (grip.Cents, string, bool) {
	s := strings.TrimSpace(cell)
	rest := s
	for _, p := range []string{"€", "EUR", "eur", "Eur"} {
		if strings.HasPrefix(rest, p) {
			rest = strings.TrimSpace(rest[len(p):])
			break
		}
	}
	n, used, ok := scanDutchNumber(rest, true)
	if !ok {
		return 0, s, false
	}
	c, ok := n.cents(mult)
	if !ok {
		return 0, s, false
	}
	words := strings.TrimSpace(rest[used:])
	words = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(words, "("), ")"))
	return c, words, true
}

// cleanSpace collapses runs of white space (including no-break spaces) to
// one space and trims.
func cleanSpace(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func needsClean(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' {
				return true
			}
			i += n - 1
			prevSpace = false
			continue
		}
		if c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return true
		}
		if c == ' ' {
			if prevSpace {
				return true
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return false
}
