package stix

import (
	"testing"
	"unicode/utf8"

	"counterscam/internal/indicator"
	"counterscam/internal/store"
)

// FuzzBundle writes reports whose free text (the origin, its reference,
// the narrative, a messenger handle) is whatever a partner's file held:
// the bundle stays valid STIX 2.1, and nothing of a report marked above
// CLEAR reaches a CLEAR object.
func FuzzBundle(f *testing.F) {
	f.Add("KNPA", "KNPA-2025-1", "paid 'x' to \\ wallet\n\u2028", "golden_job", uint8(2), false)
	f.Add("", "", "", "", uint8(4), true)
	f.Add("CNP\x00", "a'b", "\xff\xfe", "it's", uint8(9), false)
	f.Fuzz(func(t *testing.T, origin, ref, narrative, login string, label uint8, noLink bool) {
		if origin == "" {
			origin = "KNPA" // a stored report always has its origin
		}
		if !utf8.ValidString(login) {
			return // a stored selector is a valid UTF-8 value (the import refuses others)
		}
		tlp := indicator.TLPOrder[int(label)%len(indicator.TLPOrder)]
		h := sel("handle", "telegram:"+login, "@"+login)
		marked := sel("handle", "telegram:marked-"+login, "@marked-"+login)
		// The CLEAR report comes first, so that what the other adds
		// would be added to what the CLEAR one gave.
		reports := []*store.Report{
			{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(2), ScamType: "loan", TLP: store.TLPClear,
				Selectors: []store.ReportSelector{phone}},
			{ID: "01K0000000000000000000000A", Origin: origin, ExternalRef: ref, ReceivedAt: day(1), ScamType: "romance", Narrative: narrative,
				TLP: tlp, Selectors: []store.ReportSelector{h, marked, phone}},
		}
		marks := indicator.Marks{NoLink: func(s store.ReportSelector) bool { return noLink && s.SelectorID == marked.SelectorID }}
		objs := exportMarked(t, marks, reports...)
		clear := MarkingID(store.TLPClear)
		for id, o := range objs {
			refs, _ := o["object_marking_refs"].([]any)
			if tlp == store.TLPClear || len(refs) != 1 || refs[0] != clear {
				continue
			}
			// A CLEAR object: the phone's indicator (named by the CLEAR
			// report too) or that report; neither says what the other
			// report does.
			if o["type"] == "indicator" && (o["labels"] == nil || len(o["labels"].([]any)) != 1 || o["labels"].([]any)[0] != "loan") {
				t.Errorf("CLEAR indicator %s says %v: more than the CLEAR report", id, o["labels"])
			}
			if o["type"] == "report" && o["name"] != "Scam report KNPA" {
				t.Errorf("CLEAR report %s is %v", id, o["name"])
			}
		}
	})
}
