package grip

import "testing"

func TestCycleOrder(t *testing.T) {
	want := []DocumentKind{KindKadernota, KindBegroting, KindTussentijds, KindJaarverslag, KindJaarrekening}
	for i, k := range want {
		if got := k.CycleOrder(); got != i {
			t.Errorf("%s.CycleOrder() = %d, want %d", k, got, i)
		}
	}
	if got := DocumentKind("onbekend").CycleOrder(); got != len(want) {
		t.Errorf("unknown kind: CycleOrder() = %d, want %d (after the known kinds)", got, len(want))
	}
}
