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
		switch m.Kind {
		case selector.Handle:
			c.Platform = m.Subtype
		case selector.URL:
			// A wa.me, t.me or zalo.me link is a chat, as FindContacts
			// reads it: a messenger handle, not a company's site.
			if p, ok := messengerURL(m.Value); ok {
				c.Kind, c.Platform = string(selector.Handle), p
			}
		}
		out = append(out, c)
	}
	return out
}
