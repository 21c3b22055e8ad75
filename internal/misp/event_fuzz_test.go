package misp

import (
	"slices"
	"testing"
	"unicode/utf8"

	"counterscam/internal/indicator"
	"counterscam/internal/store"
)

// FuzzEvent writes reports whose free text (the origin, its reference, the
// narrative, a messenger handle, the network asked for) is whatever a
// partner's file or a request held: the event stays a valid MISP event,
// and the attribute a CLEAR report names says nothing the other report
// adds.
func FuzzEvent(f *testing.F) {
	f.Add("KNPA", "KNPA-2025-1", "paid 'x' to \\ wallet\n\u2028", "golden_job", "01K0000000000000000000000A", uint8(2), "RED", false)
	f.Add("", "", "", "", "", uint8(4), "", true)
	f.Add("CNP\x00", "a'b", "\xff\xfe", "it's", "\x00\n\xff", uint8(9), "PURPLE", false)
	f.Fuzz(func(t *testing.T, origin, ref, narrative, login, network string, label uint8, pap string, noLink bool) {
		if origin == "" {
			origin = "KNPA" // a stored report always has its origin
		}
		if login == "" || !utf8.ValidString(login) {
			return // a stored selector is a valid UTF-8 value (the import refuses others)
		}
		tlp := indicator.TLPOrder[int(label)%len(indicator.TLPOrder)]
		h := sel("handle", "telegram:"+login, "@"+login, "telegram", "recruited_via")
		marked := sel("handle", "telegram:marked-"+login, "@marked-"+login, "telegram", "contacted_by")
		// The CLEAR report comes first, so that what the other adds
		// would be added to what the CLEAR one gave.
		reports := []*store.Report{
			{ID: "01K0000000000000000000000B", Origin: "KNPA", ReceivedAt: day(2), ScamType: "loan", TLP: store.TLPClear,
				Selectors: []store.ReportSelector{phone}},
			{ID: "01K0000000000000000000000A", Origin: origin, ExternalRef: ref, ReceivedAt: day(1), ScamType: "romance", Narrative: narrative,
				TLP: tlp, PAP: pap, Selectors: []store.ReportSelector{h, marked, phone}},
		}
		o := Options{Producer: "KNPA", NetworkID: network, MaxTLP: store.TLPRed,
			Marks: indicator.Marks{NoLink: func(s store.ReportSelector) bool { return noLink && s.SelectorID == marked.SelectorID }}}
		e, _ := export(t, o, reports...)
		if tlp == store.TLPClear {
			return
		}
		for _, a := range e.Attribute {
			if a.Value == phone.Value && !slices.Equal(tagNames(a.Tag), []string{"tlp:clear", `counterscam:scam-type="loan"`}) {
				t.Errorf("the phone a CLEAR report names is tagged %v", tagNames(a.Tag))
			}
		}
	})
}
