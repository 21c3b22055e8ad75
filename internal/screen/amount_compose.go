package screen

// parseAmountsComposed parses the NFC form of text, so the words the parser
// knows ("triệu", "tháng") match however the marks were typed, and maps
// the amounts' offsets back to text.
func parseAmountsComposed(text string) []Amount {
	c := composeText(text)
	amounts := parseAmounts(c.text)
	for i := range amounts {
		a := &amounts[i]
		a.Start, a.PrefixStart = c.start(a.Start), c.start(a.PrefixStart)
		a.End = c.end(a.End)
		if a.End < a.Start {
			a.End = a.Start
		}
		a.Text = text[a.Start:a.End]
	}
	return amounts
}
