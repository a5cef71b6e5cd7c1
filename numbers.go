package grip

import (
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
