package screen

import "counterscam/internal/selector"

// SelectorContacts finds contacts with counterscam's selector extractor
// (every kind, validated, in any script), falling back to the screener's
// own finder when it finds none.
func SelectorContacts(text string) []Contact {
	ms := selector.Extract(text, selector.Hints{})
	if len(ms) == 0 {
		return FindContacts(text)
	}
	out := make([]Contact, 0, len(ms))
	for _, m := range ms {
		c := Contact{Kind: string(m.Kind), Value: m.Value, Start: m.Start, End: m.End}
		if m.Kind == selector.Handle {
			c.Platform = m.Subtype
		}
		out = append(out, c)
	}
	return out
}
