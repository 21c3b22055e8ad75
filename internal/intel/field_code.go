package intel

import "counterscam/internal/selector"

// FieldCode names a kind of mistake in a report's field, so a program can
// say it in another language; FieldError.Error says it in English. A
// mistake with no code yet has the code "".
type FieldCode string

// The kinds of mistake Prepare, ResolveRecipients and Submit report.
const (
	FieldMissing          FieldCode = "missing"           // the field is empty
	FieldNotOwnOrigin     FieldCode = "not_own_origin"    // origin Value is not the filer's organisation, Accepted
	FieldBadChannel       FieldCode = "bad_channel"       // Value is not one of Accepted
	FieldBadScamType      FieldCode = "bad_scam_type"     // Value is not one of Accepted
	FieldBadTLP           FieldCode = "bad_tlp"           // Value is not one of Accepted
	FieldTooLong          FieldCode = "too_long"          // longer than Accepted bytes
	FieldBadUTF8          FieldCode = "bad_utf8"          // not valid UTF-8
	FieldBadCountry       FieldCode = "bad_country"       // Value is no ISO 3166-1 alpha-2 code
	FieldNegative         FieldCode = "negative"          // a negative amount
	FieldBadCurrency      FieldCode = "bad_currency"      // Value is no currency code
	FieldTooMany          FieldCode = "too_many"          // more than Accepted values
	FieldRedNoRecipients  FieldCode = "red_no_recipients" // a RED report names nobody
	FieldUnknownRecipient FieldCode = "unknown_recipient" // no user has the address Value
	FieldBadSelector      FieldCode = "bad_selector"      // the selector Value does not parse: FieldError.Selector says why
	FieldBadKind          FieldCode = "bad_kind"          // Value is no selector kind; Accepted are the kinds
)

// FieldCodes lists every FieldCode.
var FieldCodes = []FieldCode{
	FieldMissing, FieldNotOwnOrigin, FieldBadChannel, FieldBadScamType, FieldBadTLP,
	FieldTooLong, FieldBadUTF8, FieldBadCountry, FieldNegative, FieldBadCurrency,
	FieldTooMany, FieldRedNoRecipients, FieldUnknownRecipient, FieldBadSelector, FieldBadKind,
}

// codedErr is a FieldError with a code, the offending value and what would
// be accepted; reason is its English text.
func codedErr(code FieldCode, field, value, accepted, reason string) error {
	return &FieldError{Code: code, Field: field, Value: value, Accepted: accepted, Reason: reason}
}

// kindNames are the selector kinds' names.
func kindNames() []string {
	out := make([]string, len(selector.Kinds))
	for i, k := range selector.Kinds {
		out[i] = string(k)
	}
	return out
}
