package intel_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// TestFieldErrorCodes: each mistake Prepare and ResolveRecipients find in
// a report says its kind, field, value and what is accepted, and still
// says it in English as before.
func TestFieldErrorCodes(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	many := make([]intel.SelectorInput, intel.MaxSelectors+1)
	cases := []struct {
		name string
		in   intel.ReportInput
		want intel.FieldError
		text string
	}{
		{"origin", intel.ReportInput{Origin: " "}, intel.FieldError{Code: intel.FieldMissing, Field: "origin"}, "origin: missing"},
		{"channel", intel.ReportInput{Origin: "a", Channel: "pigeon"},
			intel.FieldError{Code: intel.FieldBadChannel, Field: "channel", Value: "pigeon", Accepted: strings.Join(intel.Channels, ", ")},
			`channel: "pigeon" is not one of ` + strings.Join(intel.Channels, ", ")},
		{"scam type", intel.ReportInput{Origin: "a", ScamType: "lottery"},
			intel.FieldError{Code: intel.FieldBadScamType, Field: "scam_type", Value: "lottery", Accepted: strings.Join(intel.ScamTypes, ", ")},
			`scam_type: "lottery" is not one of ` + strings.Join(intel.ScamTypes, ", ")},
		{"tlp", intel.ReportInput{Origin: "a", TLP: "purple"},
			intel.FieldError{Code: intel.FieldBadTLP, Field: "tlp", Value: "PURPLE", Accepted: "CLEAR, GREEN, AMBER, AMBER+STRICT, RED"},
			`tlp: "PURPLE" is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)`},
		{"narrative long", intel.ReportInput{Origin: "a", Narrative: strings.Repeat("a", intel.MaxNarrative+1)},
			intel.FieldError{Code: intel.FieldTooLong, Field: "narrative", Accepted: "65536"}, "narrative: longer than 65536 bytes"},
		{"narrative utf8", intel.ReportInput{Origin: "a", Narrative: "\xff\xfe"},
			intel.FieldError{Code: intel.FieldBadUTF8, Field: "narrative"}, "narrative: not valid UTF-8"},
		{"country", intel.ReportInput{Origin: "a", VictimCountry: "Korea"},
			intel.FieldError{Code: intel.FieldBadCountry, Field: "victim_country", Value: "KOREA"}, `victim_country: "KOREA" is not an ISO 3166-1 alpha-2 code`},
		{"negative", intel.ReportInput{Origin: "a", Losses: []store.Loss{{AmountMinor: -1, Currency: "USD"}}},
			intel.FieldError{Code: intel.FieldNegative, Field: "loss_amount"}, "loss_amount: negative amount"},
		{"currency", intel.ReportInput{Origin: "a", Losses: []store.Loss{{AmountMinor: 1, Currency: "$"}}},
			intel.FieldError{Code: intel.FieldBadCurrency, Field: "loss_currency", Value: "$"}, `loss_currency: "$" is not a currency code`},
		{"selectors", intel.ReportInput{Origin: "a", Selectors: many},
			intel.FieldError{Code: intel.FieldTooMany, Field: "selectors", Accepted: "200"}, "selectors: more than 200 selectors"},
		{"red", intel.ReportInput{Origin: "a", TLP: "RED"},
			intel.FieldError{Code: intel.FieldRedNoRecipients, Field: "tlp"}, "tlp: a RED report is for named recipients: give them, or mark it AMBER+STRICT"},
		{"bad kind", intel.ReportInput{Origin: "a", Selectors: []intel.SelectorInput{{Value: "x", Kind: "fax"}}},
			intel.FieldError{Code: intel.FieldBadKind, Field: "selectors", Value: "fax", Accepted: "phone, email, url, domain, ip, crypto, bank_account, card, handle"},
			`selectors: unknown selector kind "fax" (one of phone, email, url, domain, ip, crypto, bank_account, card, handle)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.Prepare(&c.in)
			var fe *intel.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Prepare: %v, want a FieldError", err)
			}
			got := *fe
			got.Reason, got.Selector = "", nil
			if got != c.want {
				t.Errorf("Prepare: %+v, want %+v", got, c.want)
			}
			if c.text != "" && fe.Error() != c.text {
				t.Errorf("Error() = %q, want %q", fe.Error(), c.text)
			}
		})
	}
	in := &intel.ReportInput{RecipientEmails: []string{"nobody@example.org"}}
	err := svc.ResolveRecipients(context.Background(), in)
	var fe *intel.FieldError
	if !errors.As(err, &fe) || fe.Code != intel.FieldUnknownRecipient || fe.Value != "nobody@example.org" ||
		fe.Error() != "recipients: no user nobody@example.org on this server" {
		t.Errorf("ResolveRecipients: %#v", err)
	}
}

// TestFieldErrorSelector: a selector that does not parse is refused with
// the selector's own code and facts, and the English text as before.
func TestFieldErrorSelector(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	const wallet = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"
	for _, c := range []struct {
		in     intel.SelectorInput
		region string
		code   selector.ErrorCode
		text   string
	}{
		{intel.SelectorInput{Value: wallet}, "", selector.CodeCryptoChecksum,
			`selectors: "` + wallet + `" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)`},
		{intel.SelectorInput{Value: "not one"}, "", selector.CodeUnrecognised, ""},
		// A national number in a report without victim_country.
		{intel.SelectorInput{Value: "010-1234-5678"}, "", selector.CodePhoneNoRegion,
			`selectors: "010-1234-5678" is not a valid phone: a phone number without its country code; it is a valid number in KR (+82 10-1234-5678) or CN (+86 10 1234 5678): give victim_country, or write it with the country code`},
		{intel.SelectorInput{Value: "012 345 678", Kind: "phone"}, "", selector.CodePhoneNoRegion,
			`selectors: "012 345 678" is not a valid phone: a phone number without its country code; it is a valid number in KH (+855 12 345 678) or MM (+95 1 234 5678): give victim_country, or write it with the country code`},
		{intel.SelectorInput{Value: wallet, Kind: "crypto"}, "", selector.CodeCryptoChecksum,
			`selectors: "` + wallet + `" is not a valid crypto: mixed-case EIP-55 checksum does not match (mistyped address?)`},
		{intel.SelectorInput{Value: "010 1234", Kind: "phone"}, "KR", selector.CodePhoneNotInRegion,
			`selectors: "010 1234" is not a valid phone: not a valid number for KR nor an international one`},
	} {
		_, err := svc.Prepare(&intel.ReportInput{Origin: "a", VictimCountry: c.region, Selectors: []intel.SelectorInput{c.in}})
		var fe *intel.FieldError
		var se *selector.Error
		if !errors.As(err, &fe) || fe.Code != intel.FieldBadSelector || fe.Value != c.in.Value || fe.Selector == nil ||
			!errors.As(err, &se) || se != fe.Selector || se.Code != c.code {
			t.Errorf("%+v: %#v", c.in, err)
			continue
		}
		if c.text != "" && err.Error() != c.text {
			t.Errorf("%+v: %q, want %q", c.in, err.Error(), c.text)
		}
	}
}
