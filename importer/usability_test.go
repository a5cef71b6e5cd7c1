package importer

import (
	"strings"
	"testing"

	"grip"
)

// TestReadFileDirectorySaysDirectory: a directory given as a file is named
// as one, not "bestand kan niet worden gelezen".
func TestReadFileDirectorySaysDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(dir, Options{})
	if grip.ErrorCode(err) != grip.EInvalid || !strings.Contains(grip.ErrorMessage(err), "is een map") {
		t.Errorf("ReadFile(dir): %v", err)
	}
}
