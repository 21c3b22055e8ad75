package screen

import "strings"

// Forms of an evaluation text, read from the markers in its source column
// (see the header of testdata/real-dev.tsv for the rule of marking).
const (
	FormWhole      = "whole"      // a whole ad, post or message as posted, verbatim
	FormFragment   = "fragment"   // a verbatim part: a phrase, title, slogan, or a quote with parts left out
	FormParaphrase = "paraphrase" // an official's, journalist's or victim's summary in their own words
	FormUnmarked   = "unmarked"   // no source column (UCI, texts written here)
)

var evalForms = []string{FormWhole, FormFragment, FormParaphrase, FormUnmarked}

// TextForm reads the form of a text from its source column. The markers
// are words in square brackets, several separated by commas:
// [paraphrase] wins over anything else, [whole] marks a whole text, and a
// source without either ([elided], [fragment] or no marker) is a fragment,
// since the real files hold short quotes unless marked otherwise. An empty
// source is unmarked.
func TextForm(source string) string {
	if strings.TrimSpace(source) == "" {
		return FormUnmarked
	}
	whole := false
	for rest := source; ; {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			break
		}
		for _, m := range strings.Split(rest[i+1:i+j], ",") {
			switch strings.ToLower(strings.TrimSpace(m)) {
			case FormParaphrase:
				return FormParaphrase
			case FormWhole:
				whole = true
			}
		}
		rest = rest[i+j+1:]
	}
	if whole {
		return FormWhole
	}
	return FormFragment
}
