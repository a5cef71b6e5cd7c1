package iv3

import "testing"

func TestCatalogSocialDomain(t *testing.T) {
	c, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	first, last := c.Years()
	if first != 2017 || last != 2026 {
		t.Errorf("years = %d..%d, want 2017..2026", first, last)
	}
	tests := []struct {
		year  int
		code  string
		name  string
		valid bool
	}{
		{2019, "6.71", "Maatwerkdienstverlening 18+", true},
		{2019, "6.1", "Samenkracht en burgerparticipatie", true},
		{2019, "6.71a", "", false},
		{2023, "6.71a", "Huishoudelijke hulp (WMO)", true},
		{2025, "6.71", "", false},
		{2025, "6.821", "Jeugdbescherming", true},
		{2025, "6.711", "", true},
		{2019, "6.", "", false},
		{2016, "6.1", "", false},
	}
	for _, tt := range tests {
		tv, ok := c.Taakveld(tt.year, tt.code)
		if ok != tt.valid {
			t.Errorf("Taakveld(%d, %q) valid = %v, want %v", tt.year, tt.code, ok, tt.valid)
		}
		if tt.name != "" && tv.Name != tt.name {
			t.Errorf("Taakveld(%d, %q) name = %q, want %q", tt.year, tt.code, tv.Name, tt.name)
		}
	}
	l := c.Taakvelden(2019)
	var social []string
	for _, tv := range l {
		if tv.Code[0] == '6' {
			social = append(social, tv.Code)
		}
	}
	want := []string{"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.71", "6.72", "6.81", "6.82"}
	if len(social) != len(want) {
		t.Fatalf("2019 social taakvelden = %v, want %v", social, want)
	}
	for i := range want {
		if social[i] != want[i] {
			t.Fatalf("2019 social taakvelden = %v, want %v", social, want)
		}
	}
}

func TestCompareCodes(t *testing.T) {
	pairs := [][2]string{{"6.1", "6.2"}, {"6.2", "6.21"}, {"6.21", "6.3"}, {"6.71", "6.71a"}, {"6.71a", "6.71b"}, {"6.71b", "6.72"}, {"6.72", "6.81"}, {"0.5", "1.1"}}
	for _, p := range pairs {
		if CompareCodes(p[0], p[1]) >= 0 {
			t.Errorf("CompareCodes(%q, %q) >= 0, want < 0", p[0], p[1])
		}
	}
}
