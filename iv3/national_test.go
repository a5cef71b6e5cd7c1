package iv3

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grip"
)

func mustGemeenten(t testing.TB) *Gemeenten {
	t.Helper()
	g, err := NewGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGemeentenTable(t *testing.T) {
	g := mustGemeenten(t)
	if n := len(g.All()); n != 342 {
		t.Fatalf("table has %d gemeenten, want 342", n)
	}
	for name, want := range map[string]string{
		"Hengelo": "GM0164", "Hengelo (O.)": "GM0164", "Twenterand": "GM1700", "Tubbergen": "GM0183",
		"Hulst": "GM0677", "'s-Gravenhage (gemeente)": "GM0518", "utrecht": "GM0344",
		"Bergen (L.)": "GM0893", "Bergen (NH.)": "GM0373", "Voorne aan Zee": "GM1992", "Súdwest-Fryslân": "GM1900",
	} {
		gm, ok := g.Lookup(name)
		if !ok || gm.Code != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, gm, ok, want)
		}
	}
	for _, name := range []string{"Bergen", "Weesp", "Brielle", "Nederland", ""} {
		if gm, ok := g.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %v, want no match", name, gm)
		}
	}
	if gm, ok := g.ByCode("gm0164"); !ok || gm.Name != "Hengelo" || gm.CBSName != "Hengelo (O.)" {
		t.Errorf("ByCode(gm0164) = %v, %v", gm, ok)
	}
}

// TestGemeentenCoverNationalFiles checks that every name in the real national
// files and gemeenteklassen files resolves. It needs /work/shared (or
// GRIP_IV3_DIR); the repository carries the social-domain part in demo/iv3.
func TestGemeentenCoverNationalFiles(t *testing.T) {
	dir := sharedIv3Dir(t)
	g := mustGemeenten(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*_*.csv"))
	if len(files) != 4 {
		t.Fatalf("want 4 national files in %s, found %v", dir, files)
	}
	for _, f := range files {
		year, basis, ok := ParseFileName(f)
		if !ok {
			t.Fatalf("ParseFileName(%s) failed", f)
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := ReadDataset(fh, ReadOptions{Year: year, Basis: basis, Source: filepath.Base(f), Gemeenten: g})
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(ds.Municipalities) != 342 {
			t.Errorf("%s: %d gemeenten, want 342", f, len(ds.Municipalities))
		}
	}
	for _, y := range []string{"2023", "2024", "2025"} {
		p := filepath.Join(dir, "gemeenteklassen", y+".csv")
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := ReadGemeenteklassen(fh, p, g)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 342 {
			t.Errorf("%s: %d gemeenten, want 342", p, len(ms))
		}
	}
}

func sharedIv3Dir(t testing.TB) string {
	// The national files live in shared/ beside the repository (../../shared
	// from this package) or where GRIP_IV3_DIR says; the repository itself
	// carries only the social-domain part (demo/iv3), which the other tests use.
	for _, dir := range []string{os.Getenv("GRIP_IV3_DIR"), "../../shared/data/iv3", "/work/shared/data/iv3"} {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "2023_begroting.csv")); err == nil {
			return dir
		}
	}
	t.Skip("national Iv3 files not found (set GRIP_IV3_DIR to the folder with 2023_begroting.csv to run this test)")
	return ""
}

func TestReadDatasetHengelo(t *testing.T) {
	g := mustGemeenten(t)
	fh, err := os.Open("testdata/2023_begroting_excerpt.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var progress []int
	ds, err := ReadDataset(fh, ReadOptions{Year: 2023, Basis: grip.Iv3Begroting, Source: "2023_begroting_excerpt.csv",
		Gemeenten: g, Progress: func(n int) { progress = append(progress, n) }, ProgressEvery: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Municipalities) != 5 {
		t.Fatalf("municipalities = %d, want 5 (Nederland skipped)", len(ds.Municipalities))
	}
	var hengelo *grip.Iv3Municipality
	for i := range ds.Municipalities {
		if ds.Municipalities[i].Code == "GM0164" {
			hengelo = &ds.Municipalities[i]
		}
	}
	want := grip.Iv3Municipality{Code: "GM0164", Name: "Hengelo", Province: "Overijssel",
		SizeClass: "50.000 tot 100.000 inwoners", Urbanity: "sterk stedelijk", Inhabitants: 82311}
	if hengelo == nil || *hengelo != want {
		t.Fatalf("Hengelo = %+v, want %+v", hengelo, want)
	}
	found := false
	for _, f := range ds.Figures {
		if f.Organisation == "GM0164" && f.Taakveld == "6.1" {
			found = true
			// 2023_begroting.csv: "Hengelo;6.1 Samenkracht en burgerparticipatie;1623.0;831.0;12782.0;..."
			if f.Lasten != grip.Euros(12_782_000) || f.Baten != grip.Euros(831_000) {
				t.Errorf("Hengelo 6.1 = lasten %v baten %v, want € 12.782.000 and € 831.000", f.Lasten, f.Baten)
			}
		}
	}
	if !found {
		t.Fatal("no figure for Hengelo 6.1")
	}
	if len(progress) == 0 || progress[len(progress)-1] != len(ds.Figures) {
		t.Errorf("progress = %v, want it to end at %d", progress, len(ds.Figures))
	}
}

func TestReadDatasetErrors(t *testing.T) {
	g := mustGemeenten(t)
	head := strings.Join(nationalHeader, ";") + ";Centrumfunctie;Sociale structuur\n"
	cases := map[string]string{
		"":      "leeg",
		"a;b\n": "regel 1",
		head + "Atlantis;6.1 X;1.0;2.0;3.0;P;S;U;10;;\n":                                      "onbekende gemeente",
		head + "Hengelo;X Y;1.0;2.0;3.0;P;S;U;10;;\n":                                         "veld Taakveld",
		head + "Hengelo;6.1 X;1.0;2,0;3.0;P;S;U;10;;\n":                                       "veld Baten",
		head + "Hengelo;6.1 X;1.0;2.0;3.0;P;S;U;tien;;\n":                                     "veld Inwonertal",
		head + "Hengelo;6.1 X;1.0;2.0;3.0;P;S;U;10;;\nHengelo;6.1 X;1.0;2.0;3.0;P;S;U;10;;\n": "regel 2",
	}
	for in, want := range cases {
		_, err := ReadDataset(strings.NewReader(in), ReadOptions{Source: "x.csv", Gemeenten: g})
		var ge *grip.Error
		if !errors.As(err, &ge) || ge.Code != grip.EInvalid || !strings.Contains(ge.Message, want) {
			t.Errorf("ReadDataset(%q) = %v, want EInvalid containing %q", in, err, want)
		}
	}
}

func TestParseThousands(t *testing.T) {
	for in, want := range map[string]grip.Cents{"9869.0": 986_900_000, "0.0": 0, "": 0, "-12.5": -1_250_000, "1.23456": 123_456} {
		got, err := parseThousands([]byte(in))
		if err != nil || got != want {
			t.Errorf("parseThousands(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1,0", "x", "1.234567", "--1", ".5", "1.-5", "1.+5"} {
		if _, err := parseThousands([]byte(in)); err == nil {
			t.Errorf("parseThousands(%q) succeeded", in)
		}
	}
}

func TestSizeClass(t *testing.T) {
	for in, want := range map[string]string{"50000tot100000inwoners": "50.000 tot 100.000 inwoners",
		"minderdan5000inwoners": "minder dan 5.000 inwoners", "250000inwonersofmeer": "250.000 inwoners of meer"} {
		if got := SizeClass(in); got != want {
			t.Errorf("SizeClass(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadGemeenteklassen(t *testing.T) {
	fh, err := os.Open("testdata/gemeenteklassen_2025.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ms, err := ReadGemeenteklassen(fh, "gemeenteklassen_2025.csv", mustGemeenten(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 342 {
		t.Fatalf("%d gemeenten, want 342", len(ms))
	}
}

func FuzzReadDataset(f *testing.F) {
	seed, err := os.ReadFile("testdata/2023_begroting_excerpt.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	lines := bytes.SplitAfter(seed, []byte("\n"))
	f.Add(bytes.Join(lines[:3], nil))
	f.Add([]byte(strings.Join(nationalHeader, ";") + "\nHengelo;6.1 X;;;-1.99999;;;;0\n"))
	g := mustGemeenten(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadDataset(bytes.NewReader(data), ReadOptions{Gemeenten: g})
		if err != nil {
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("non-user error %v", err)
			}
			return
		}
		for _, fig := range ds.Figures {
			if _, ok := g.ByCode(fig.Organisation); !ok {
				t.Fatalf("figure for unknown code %s", fig.Organisation)
			}
		}
	})
}

// BenchmarkReadDataset reads the social-domain part of the 2023 begroting
// (the demo bundle's rows, repeated to the size of a full national file:
// 24.282 rows). Reference: splitting the same bytes into lines and fields.
func BenchmarkReadDataset(b *testing.B) {
	seed, err := os.ReadFile("testdata/2023_begroting_excerpt.csv")
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.SplitAfter(seed, []byte("\n"))
	head, body := lines[0], lines[1:]
	// Every row names a gemeente and taakveld once; repeat the body with the
	// rows of other taakvelden codes so the reader sees no duplicates.
	var buf bytes.Buffer
	buf.Write(head)
	n := 0
	for rep := 0; n < 24282; rep++ {
		for i, l := range body {
			if len(l) == 0 || bytes.HasPrefix(l, []byte("Nederland;")) {
				continue
			}
			f := bytes.SplitN(l, []byte(";"), 3)
			fmt.Fprintf(&buf, "%s;%d.%d Taakveld;%s", f[0], 10+rep, i+1, f[2])
			n++
		}
	}
	data := buf.Bytes()
	g := mustGemeenten(b)
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			ds, err := ReadDataset(bytes.NewReader(data), ReadOptions{Gemeenten: g})
			if err != nil {
				b.Fatal(err)
			}
			if len(ds.Figures) != n {
				b.Fatalf("%d figures, want %d", len(ds.Figures), n)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("reference-split", func(b *testing.B) {
		for b.Loop() {
			rows := 0
			for _, l := range bytes.Split(data, []byte("\n")) {
				rows += len(bytes.Split(l, []byte(";")))
			}
			if rows == 0 {
				b.Fatal("no rows")
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

func FuzzReadGemeenteklassen(f *testing.F) {
	seed, err := os.ReadFile("testdata/gemeenteklassen_2025.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	lines := bytes.SplitAfter(seed, []byte("\n"))
	f.Add(bytes.Join(lines[:4], nil))
	f.Add([]byte("Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal\nHengelo\tOverijssel\tx\ty\t-1\n"))
	g := mustGemeenten(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := ReadGemeenteklassen(bytes.NewReader(data), "fuzz", g)
		if err != nil {
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, m := range ms {
			if _, ok := g.ByCode(m.Code); !ok || m.Inhabitants < 0 {
				t.Fatalf("bad municipality %+v", m)
			}
		}
	})
}
