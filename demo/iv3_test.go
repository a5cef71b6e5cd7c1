package demo

import (
	"testing"

	"grip"
)

func TestIv3Datasets(t *testing.T) {
	dss, err := Iv3Datasets()
	if err != nil {
		t.Fatal(err)
	}
	if len(dss) != 4 {
		t.Fatalf("%d datasets, want 4", len(dss))
	}
	want := []struct {
		year  int
		basis grip.Iv3Basis
	}{{2023, grip.Iv3Begroting}, {2023, grip.Iv3Jaarrekening}, {2024, grip.Iv3Begroting}, {2025, grip.Iv3Begroting}}
	for i, ds := range dss {
		if ds.Year != want[i].year || ds.Basis != want[i].basis {
			t.Errorf("dataset %d = %d %s, want %d %s", i, ds.Year, ds.Basis, want[i].year, want[i].basis)
		}
		if len(ds.Municipalities) != 342 {
			t.Errorf("%d %s: %d gemeenten, want 342", ds.Year, ds.Basis, len(ds.Municipalities))
		}
	}
	// Pinned from 2023_begroting.csv: "Hengelo;6.1 Samenkracht en burgerparticipatie;1623.0;831.0;12782.0;..."
	for _, f := range dss[0].Figures {
		if f.Organisation == "GM0164" && f.Taakveld == "6.1" {
			if f.Lasten != grip.Euros(12_782_000) {
				t.Errorf("Hengelo 2023 lasten 6.1 = %v, want € 12.782.000", f.Lasten)
			}
			return
		}
	}
	t.Error("Hengelo 6.1 missing")
}
