package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestReserveBalance sets the balance the Twenterand kadernota does not
// print and checks the forecast, the audit entry and the refusals.
func TestReserveBalance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "res.db")
	if code, _, errOut := runGrip(t, db, "demo", "--serve=false"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := runGrip(t, db, "reserves", "balance", "--org", "GM1700", "--doc", "kadernota-2020",
		"--reserve", "reserve sociaal domein", "--year", "2020", "€ 300.000")
	if code != 0 {
		t.Fatalf("reserves balance: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "raakt in 2021 uitgeput") || !strings.Contains(out, "noemt het saldo van de Reserve Sociaal Domein niet") {
		t.Errorf("before/after conclusions missing:\n%s", out)
	}
	_, out, _ = runGrip(t, db, "reserves", "--org", "GM1700")
	// 300.000 - 250.000 (2020) = 50.000; - 64.400 (2021) = -14.400.
	if !strings.Contains(out, "€ 50.000") || !strings.Contains(out, "-€ 14.400") {
		t.Errorf("forecast does not start from the balance:\n%s", out)
	}
	s := openStore(t, db)
	audit, err := s.Audit(context.Background(), "GM1700", 1)
	s.Close()
	if err != nil || len(audit) != 1 || audit[0].Actor != "test" || !strings.Contains(audit[0].After, `"balance":30000000`) {
		t.Errorf("audit of the change = %+v, %v", audit, err)
	}
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"reserves", "balance", "--org", "GM1700", "--doc", "kadernota-2020", "--reserve", "pot", "--year", "2020", "1"}, `reserve "pot" staat niet in kadernota-2020; wel: "Reserve Sociaal Domein"`},
		{[]string{"reserves", "balance", "--org", "GM1700", "--doc", "kadernota-2020", "--reserve", "reserve sociaal domein", "--year", "2020", "1,5"}, "hele euro's"},
		{[]string{"reserves", "balance", "--org", "GM1700", "--doc", "kadernota-2020", "--reserve", "reserve sociaal domein", "1000"}, "geef --org, --doc, --reserve, --year"},
		{[]string{"reserves", "balance", "--org", "GM0164", "--doc", "begroting-2019", "--reserve", "x", "--year", "2019", "1"}, "noemt geen reserves"},
	}
	for _, b := range bad {
		code, _, errOut := runGrip(t, db, b.args...)
		if code == 0 || !strings.Contains(errOut, b.want) {
			t.Errorf("grip %s: exit %d, %q; want an error with %q", strings.Join(b.args, " "), code, errOut, b.want)
		}
	}
}
