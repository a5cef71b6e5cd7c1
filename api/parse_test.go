package api

import (
	"strconv"
	"testing"

	"grip"
)

func TestParseDocumentRef(t *testing.T) {
	for ref, want := range map[string]string{
		"12":                           "id 12",
		"kadernota-2020":               "kadernota 2020",
		"tussentijdse-rapportage-2021": "tussentijdse-rapportage 2021",
		"0":                            "error",
		"012":                          "error",
		"-5":                           "error",
		"kadernota":                    "error",
		"nota-2020":                    "error",
		"kadernota-":                   "error",
		"kadernota-20x0":               "error",
		"":                             "error",
	} {
		id, kind, year, err := parseDocumentRef(ref)
		got := "error"
		switch {
		case err == nil && id != 0:
			got = "id " + strconv.FormatInt(id, 10)
		case err == nil:
			got = string(kind) + " " + strconv.Itoa(year)
		case grip.ErrorCode(err) != grip.EInvalid:
			t.Errorf("%q: error code %s, want invalid", ref, grip.ErrorCode(err))
		}
		if got != want {
			t.Errorf("parseDocumentRef(%q) = %s, want %s", ref, got, want)
		}
	}
}

// FuzzParseDocumentRef: the reader of {doc} never panics, and what it
// accepts is exactly an id or a slug it would write itself.
func FuzzParseDocumentRef(f *testing.F) {
	for _, s := range []string{"12", "kadernota-2020", "begroting-2019", "jaarverslag-2021",
		"tussentijdse-rapportage-2021", "jaarrekening-2023", "0", "-1", "9223372036854775808", "kadernota--2020", "€-2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		id, kind, year, err := parseDocumentRef(ref)
		if err != nil {
			if grip.ErrorCode(err) != grip.EInvalid {
				t.Fatalf("%q: error code %s", ref, grip.ErrorCode(err))
			}
			return
		}
		if id != 0 {
			if id < 0 || strconv.FormatInt(id, 10) != ref {
				t.Fatalf("%q read as id %d", ref, id)
			}
			return
		}
		d := grip.Document{Kind: kind, Year: year}
		if !kind.Valid() || year <= 0 || d.Slug() != ref {
			t.Fatalf("%q read as %s %d, which writes as %q", ref, kind, year, d.Slug())
		}
	})
}
