package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Format is the kind of file the importer recognised.
type Format string

// Formats the importer knows. PDF is recognised to say it is not supported.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatDocx Format = "docx"
	FormatPDF  Format = "pdf"
)

// sniff decides the format from the first bytes and the file name.
func sniff(name string, data []byte) Format {
	lower := strings.ToLower(name)
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")) || strings.HasSuffix(lower, ".pdf"):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return FormatDocx
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	h := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")))
	if strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html") || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") ||
		(strings.HasPrefix(h, "<") && (strings.Contains(h, "<body") || strings.Contains(h, "<div") || strings.Contains(h, "<p") || strings.Contains(h, "<h1") || strings.Contains(h, "<table"))) {
		return FormatHTML
	}
	if strings.HasSuffix(lower, ".docx") {
		return FormatDocx
	}
	return FormatText
}

// looksBinary reports whether data is not text: NUL bytes or many control
// characters in the first kilobytes.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return false // UTF-16 with a BOM
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl > len(head)/20+1
}

// decodeText turns the bytes of a text file into a string: UTF-8 (with or
// without a BOM), UTF-16 with a BOM, or Windows-1252 when the bytes are not
// valid UTF-8. It returns the encoding it used.
func decodeText(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "utf-8 (BOM)"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(out), "utf-16le"
		}
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(out), "utf-16be"
		}
	}
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8 (ongeldige tekens vervangen)"
	}
	return string(out), "windows-1252"
}
