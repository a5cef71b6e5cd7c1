package grip

import (
	"math"
	"strconv"
	"strings"
)

// WholeEuros returns c in whole euros, rounded half away from zero: the one
// rule by which every grip output (site, API, command line) writes an amount
// without cents.
func (c Cents) WholeEuros() int64 {
	v := int64(c)
	if v < 0 {
		return -((-v + 50) / 100)
	}
	return (v + 50) / 100
}

// DutchDigits writes n with a dot between each group of three digits, as
// Dutch texts write numbers: "1.234.567", "-12.075".
func DutchDigits(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strings.TrimPrefix(strconv.FormatInt(n, 10), "-"))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

// DutchNumber writes v in Dutch notation, rounded to at most two decimals:
// "47,5", "1.234", "-0,25". A value that rounds to zero has no minus sign;
// NaN and infinities are "-".
func DutchNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	neg := v < 0
	r := math.Round(math.Abs(v)*100) / 100
	whole := math.Floor(r)
	frac := int64(math.Round((r - whole) * 100))
	s := DutchDigits(int64(whole))
	if frac != 0 {
		s += "," + strings.TrimRight(strconv.FormatInt(100+frac, 10)[1:], "0")
	}
	if neg && r != 0 {
		s = "-" + s
	}
	return s
}

// FormatValue writes an indicator value with its unit as a reader expects
// it: "47,5%", "3,2 per 1.000", "€ 1.250", "12.000". Site, analyses and API
// texts all write values this way.
func (u Unit) FormatValue(v float64) string {
	n := DutchNumber(v)
	switch u {
	case UnitPercentage:
		return n + "%"
	case UnitPer1000:
		return n + " per 1.000"
	case UnitPer10000:
		return n + " per 10.000"
	case UnitEuro:
		return "€ " + n
	}
	return n
}
