package importer

// htmlLines reduces an HTML page to lines.
func htmlLines(text string) []line { return textLines(text) }
