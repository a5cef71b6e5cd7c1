package importer

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"grip"
)

// fuzzOptions gives organisation, kind and year so that most inputs reach
// the parser instead of stopping at recognition.
func fuzzOptions(t testing.TB) Options {
	return Options{Org: "GM0677", Kind: grip.KindJaarverslag, Year: 2021, Taakvelden: catalog(t), MaxSize: 1 << 20}
}

// checkRead is what every reader must do with any input: no panic, an
// *grip.Error with code invalid or a document that passes validation.
func checkRead(t *testing.T, name string, data []byte, opt Options) {
	res, err := Read(name, data, opt)
	if err != nil {
		if res != nil {
			t.Fatalf("error %v with a result", err)
		}
		if grip.ErrorCode(err) != grip.EInvalid {
			t.Fatalf("error %v has code %s, want invalid", err, grip.ErrorCode(err))
		}
		return
	}
	if res.Document == nil || res.Document.Source == nil {
		t.Fatalf("no document")
	}
	if err := grip.ValidateDocument(res.Document, opt.Taakvelden); err != nil {
		t.Fatalf("invalid document: %v", err)
	}
}

func seedTexts(f *testing.F) [][]byte {
	var out [][]byte
	for _, name := range []string{twenterandFile, hengeloFile, hulstFile} {
		data := readTestdata(f, name)
		out = append(out, data[:min(len(data), 3000)])
		// Pieces around the hard parts keep the fuzzer near them (whole
		// documents make the fuzzer slow; they are read in the other tests).
		for _, mark := range []string{"Voorstel\t", "Beleidsdoelen\t", "TaakveldBegroting", "BeleidsindicatorenWerkelijk", "Status\n", "Subdoel:"} {
			if k := bytes.Index(data, []byte(mark)); k >= 0 {
				end := min(len(data), k+1200)
				start := max(0, k-200)
				out = append(out, data[start:end])
			}
		}
	}
	// The finance shapes of other gemeenten (synthetic fixtures).
	for _, name := range []string{"cells-per-line-begroting.txt", "lasten-baten-blocks-begroting.txt", "saldo-lasten-min-baten-begroting.txt", "pipe-rows-begroting.txt", "jaarverslag-stages-verschil.txt", "spaced-rows-begroting.txt", "numbered-doelenboom-jaarverslag.txt"} {
		data := readTestdata(f, name)
		out = append(out, data[:min(len(data), 1500)])
	}
	out = append(out,
		[]byte("Verschillenanalyse\n\nDoelenboom Jeugd N 2.429.339,00\nDoelenboom Wmo V 1.000,00\nTotaal programma N 2.428.339,00\n"),
		[]byte("Ambitie 1: Iedereen doet mee\n\nWaar stonden we (IST)\n\nTekst.\n\nWat gaan we daarvoor doen?\n\n- Actie\n"),
		[]byte("6.1 Samenkracht-1-1-1-1-1-1-1-1-1-1-1-1-1"),
	)
	return out
}

func FuzzReadText(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	opt := fuzzOptions(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "document.txt", data, opt)
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(toHTML(string(s)))
	}
	h := readTestdata(f, "hengelo-begroting-2019-extract.html")
	f.Add(h[:min(len(h), 4000)])
	f.Add([]byte("<table><tr><td>Voorstel<td>i/s<tr><td>x<td>i<td>€ 1<ul><li><strong>VOORSTEL: a</strong><li><b>b"))
	opt := fuzzOptions(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "document.html", data, opt)
	})
}

// FuzzReadDocx fuzzes the body of word/document.xml inside a valid archive
// (a fuzzed archive is nearly always refused by archive/zip before the
// reader is reached); the raw bytes are tried as a file as well.
func FuzzReadDocx(f *testing.F) {
	for _, s := range seedTexts(f)[:3] {
		f.Add(docxBody(toDocx(f, string(s))))
	}
	f.Add([]byte(`<w:p><w:pPr><w:pStyle w:val="Kop2"/></w:pPr><w:r><w:t>Doel: x</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Voorstel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`))
	opt := fuzzOptions(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		checkRead(t, "document.docx", wrapDocx(body), opt)
		checkRead(t, "document.docx", body, opt)
	})
}

// docxBody returns the XML of word/document.xml of a docx made by toDocx.
func docxBody(docx []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			var b bytes.Buffer
			_, _ = b.ReadFrom(rc)
			rc.Close()
			return b.Bytes()
		}
	}
	return nil
}

func wrapDocx(documentXML []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	_, _ = w.Write(documentXML)
	_ = zw.Close()
	return buf.Bytes()
}

// TestLargeInputs reads large inputs of the shapes that could make a reader
// slow: many documents, one 50 MB line after a table header, a large HTML
// page. They must parse without hanging; BenchmarkReadLarge measures a
// 50 MB text.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs skipped in -short mode")
	}
	opt := fuzzOptions(t)
	opt.MaxSize = 64 << 20
	for name, data := range map[string][]byte{
		"groot.txt":    largeText(t, 5<<20),
		"regel.txt":    append([]byte("BeleidsindicatorenWerkelijk 2017Begroting 2018\n"), bytes.Repeat([]byte("12"), 25<<20)...),
		"taakveld.txt": append([]byte("TaakveldBegroting 2019Begroting 2020\n6.1 Samenkracht"), bytes.Repeat([]byte("-1"), 1<<20)...),
		"groot.html":   toHTML(string(largeText(t, 2<<20))),
	} {
		res, err := Read(name, data, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "groot.txt" && res.Report.Counts.Themes < 100 {
			t.Errorf("%s: %+v", name, res.Report.Counts)
		}
	}
}

// largeText repeats the real documents, renaming the themes so that every
// copy is new, up to size bytes.
func largeText(t testing.TB, size int) []byte {
	var b bytes.Buffer
	src := [][]byte{readTestdata(t, twenterandFile), readTestdata(t, hengeloFile), readTestdata(t, hulstFile)}
	for n := 0; b.Len() < size; n++ {
		s := src[n%3]
		if n%3 == 0 {
			s = []byte(strings.ReplaceAll(string(s), "Doelenboom ", "Doelenboom "+itoa(n)+" "))
		}
		b.Write(s)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// BenchmarkReadTwenterand parses the Twenterand kadernota (80 kB).
func BenchmarkReadTwenterand(b *testing.B) {
	data := readTestdata(b, twenterandFile)
	opt := Options{Taakvelden: catalog(b)}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(twenterandFile, data, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHengelo parses the Hengelo begroting (run-together tables).
func BenchmarkReadHengelo(b *testing.B) {
	data := readTestdata(b, hengeloFile)
	opt := Options{Taakvelden: catalog(b)}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(hengeloFile, data, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadLarge parses a generated 50 MB text of repeated documents.
func BenchmarkReadLarge(b *testing.B) {
	data := largeText(b, 50<<20)
	opt := Options{Taakvelden: catalog(b), Org: "GM1700", Kind: grip.KindKadernota, Year: 2020}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("groot.txt", data, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanLines is the reference: only splitting the Twenterand text
// into lines, the least any reader must do.
func BenchmarkScanLines(b *testing.B) {
	data := readTestdata(b, twenterandFile)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		_ = textLines(string(data))
	}
}
