package ui

import (
	"html/template"
	"sort"
	"strings"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/store"
)

// baseFuncs are the template functions that do not depend on the language.
func baseFuncs(as *assets) template.FuncMap {
	return template.FuncMap{
		"asset":    as.url,
		"tlpClass": tlpClass,
		"date":     formatDate,
		"datetime": formatDateTime,
		"money":    formatMoney,
		"add":      func(a, b int) int { return a + b },
		"counts":   sortedCounts,
		"losses":   sortedLosses,
		"lower":    strings.ToLower,
		// selectorMsg says why a value is no selector in the page's
		// language (msg), or gives a message with no Key for a code the
		// pages do not know: show the error's Reason, in English, then.
		"selectorMsg": selectorMessage,
	}
}

// tlpClass is the CSS class of a TLP 2.0 label; an unknown label shows as
// RED, the most careful reading.
func tlpClass(label string) string {
	switch label {
	case store.TLPClear:
		return "tlp-clear"
	case store.TLPGreen:
		return "tlp-green"
	case store.TLPAmber, store.TLPAmberStrict:
		return "tlp-amber"
	}
	return "tlp-red"
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// formatMoney writes integer minor units as a decimal amount with its
// currency (intake.FormatMinor).
func formatMoney(minor int64, cur string) string { return intake.FormatMinor(minor, cur) }

// count is one entry of a tally, for lists.
type count struct {
	Key string
	N   int
}

// sortedCounts orders a tally, largest first.
func sortedCounts(m map[string]int) []count {
	out := make([]count, 0, len(m))
	for k, n := range m {
		out = append(out, count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// lossEntry is money lost in one currency.
type lossEntry struct {
	Currency string
	Minor    int64
}

func sortedLosses(m map[string]int64) []lossEntry {
	out := make([]lossEntry, 0, len(m))
	for k, v := range m {
		out = append(out, lossEntry{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}
