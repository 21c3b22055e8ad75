package ui

import (
	"strconv"

	"counterscam/internal/intake"
)

// mappingReasons says what each kind of mistake in a mapping file names
// after the file's name, in the order its message (import.mapping.<code>)
// takes them: "line", "where" (the setting and the name under it),
// "name", "value" or "accepted". A test checks that every code intake
// gives has an entry and a message taking these arguments.
var mappingReasons = map[intake.MappingCode][]string{
	intake.MapEmpty:            {"line"},
	intake.MapTooBig:           {},
	intake.MapSyntax:           {"line"},
	intake.MapTruncated:        {"line"},
	intake.MapTrailing:         {"line"},
	intake.MapNotObject:        {"line"},
	intake.MapUnknownKey:       {"line", "key", "accepted"},
	intake.MapDuplicateKey:     {"line", "where"},
	intake.MapDuplicateColumn:  {"line", "name"},
	intake.MapWantText:         {"line", "where"},
	intake.MapWantObject:       {"line", "where"},
	intake.MapWantTarget:       {"line", "name"},
	intake.MapUnknownTargetKey: {"line", "name", "value", "accepted"},
	intake.MapUnknownField:     {"line", "name", "value", "accepted"},
	intake.MapKindNotSelectors: {"line", "name"},
	intake.MapUnknownKind:      {"line", "name", "value", "accepted"},
	intake.MapBadRole:          {"line", "name", "value", "accepted"},
	intake.MapBadTimeZone:      {"line", "value", "accepted"},
	intake.MapBadDelimiter:     {"line", "value", "accepted"},
	intake.MapBadSelectorSep:   {"line", "accepted"},
	intake.MapBadThousandsSep:  {"line", "value", "accepted"},
	intake.MapNoValues:         {"line", "name", "accepted"},
	intake.MapNoDefault:        {"line", "name", "accepted"},
	intake.MapBadDefault:       {"line", "value", "name", "accepted"},
	intake.MapDefaultTooLong:   {"line", "name", "accepted"},
	intake.MapDefaultControl:   {"line", "name", "value"},
}

// mappingKeys begins the key of each code's message.
const mappingKeys = "import.mapping."

// mappingMessage says in the page's language what is wrong with the
// mapping file called file, and where. A code the pages do not know yet
// falls back to the English text under a translated heading.
func mappingMessage(file string, e *intake.MappingError) message {
	parts, ok := mappingReasons[e.Code]
	if !ok {
		return msg("import.err.mapping", file, e.Error())
	}
	args := []any{file}
	for _, p := range parts {
		switch p {
		case "line":
			args = append(args, e.Line)
		case "key":
			args = append(args, shownName(e.Key))
		case "where":
			w := shownName(e.Name)
			if e.Key != "" {
				w = e.Key + " › " + w
			}
			args = append(args, w)
		case "name":
			args = append(args, shownName(e.Name))
		case "value":
			args = append(args, shownName(e.Value))
		case "accepted":
			args = append(args, e.Accepted)
		}
	}
	return msg(mappingKeys+string(e.Code), args...)
}

// shownName is a name or value from a mapping file as a message shows it:
// in double quotes, control characters escaped, cut at 40 characters.
func shownName(s string) string {
	if r := []rune(s); len(r) > 40 {
		return strconv.QuoteToGraphic(string(r[:40]) + "…")
	}
	return strconv.QuoteToGraphic(s)
}
