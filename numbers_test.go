package grip

import "testing"

// TestFormatWholeEurosRounds: without cents an amount is rounded half away
// from zero, as the website writes it, never cut off; zero has no sign.
func TestFormatWholeEurosRounds(t *testing.T) {
	for c, want := range map[Cents]string{
		123456789: "€ 1.234.568", 123456749: "€ 1.234.567", 150: "€ 2", 149: "€ 1",
		-150: "-€ 2", -40: "€ 0", 0: "€ 0", -123456789: "-€ 1.234.568", 99999950: "€ 1.000.000",
	} {
		if got := c.Format(false); got != want {
			t.Errorf("Cents(%d).Format(false) = %q, want %q", int64(c), got, want)
		}
	}
	for c, want := range map[Cents]string{123456789: "€ 1.234.567,89", -1200: "-€ 12,00", 5: "€ 0,05"} {
		if got := c.Format(true); got != want {
			t.Errorf("Cents(%d).Format(true) = %q, want %q", int64(c), got, want)
		}
	}
}

func TestDutchDigits(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", -12075: "-12.075", 1234567: "1.234.567"} {
		if got := DutchDigits(n); got != want {
			t.Errorf("DutchDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestUnitFormatValue: one way to write an indicator value, with thousands
// grouped, a decimal comma and the unit; -0 is written 0.
func TestUnitFormatValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		u    Unit
		want string
	}{
		{12000, UnitCount, "12.000"}, {47.5, UnitPercentage, "47,5%"}, {1250, UnitEuro, "€ 1.250"},
		{3.25, UnitPer1000, "3,25 per 1.000"}, {0.004, UnitPer10000, "0 per 10.000"}, {-0.001, UnitCount, "0"},
		{-1234.567, UnitCount, "-1.234,57"}, {1.10, "", "1,1"},
	} {
		if got := c.u.FormatValue(c.v); got != c.want {
			t.Errorf("Unit(%q).FormatValue(%v) = %q, want %q", c.u, c.v, got, c.want)
		}
	}
}
