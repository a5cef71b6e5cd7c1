package exchange

import (
	"strings"
	"testing"

	"grip"
	"grip/iv3"
)

// TestReadEmptyFileSaysEmpty: an empty (or blank) file is called empty, not
// "het bestand houdt halverwege op".
func TestReadEmptyFileSaysEmpty(t *testing.T) {
	cat, err := iv3.NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"", " \n\t\n"} {
		_, err := Read(strings.NewReader(in), "leeg.json", cat)
		if grip.ErrorCode(err) != grip.EInvalid {
			t.Fatalf("Read(%q): %v, want EInvalid", in, err)
		}
		msg := grip.ErrorMessage(err)
		if !strings.HasPrefix(msg, "leeg.json:1:1: het bestand is leeg") || strings.Contains(msg, "halverwege") {
			t.Errorf("Read(%q): %q", in, msg)
		}
	}
}
