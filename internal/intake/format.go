package intake

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is a file's layout.
type Format string

const (
	// Auto detects the format from the file name, else from the content.
	Auto Format = ""
	// CSV is comma-separated values with a header line (.csv; .tsv files
	// are read as CSV separated by tabs).
	CSV Format = "csv"
	// JSONL is one JSON object per line (.jsonl, .ndjson); a file whose
	// first character is '[' is read as one JSON array of objects (.json).
	JSONL Format = "jsonl"
)

// ParseFormat reads a format name as given on a command line: auto, csv,
// tsv, jsonl, ndjson or json.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "csv", "tsv":
		return CSV, nil
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	}
	return Auto, fmt.Errorf("unknown format %q (auto, csv, jsonl or json)", s)
}

// FormatOf returns the format a file name's extension says, or Auto.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv":
		return CSV
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	return Auto
}
