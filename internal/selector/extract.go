package selector

// Hints steer extraction: the region for national phone numbers, and so on.
type Hints struct {
	Region string
}

// Match is one selector found in a text, with the byte offsets of the text
// it came from: text[Start:End] == Raw.
type Match struct {
	Selector
	Start int    `json:"start"`
	End   int    `json:"end"`
	Raw   string `json:"raw"`
}

// Extract finds every selector in text.
func Extract(text string, h Hints) []Match { return nil }
