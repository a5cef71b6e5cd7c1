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
