package ui

import (
	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
)

// importReject is a record an import left out: where, and why in English,
// from intake (RowError.Code) or from intel's checks (FieldCode).
type importReject struct {
	intake.RowError
	FieldCode intel.FieldCode
	Selector  *selector.Error // why a selector did not parse (FieldCode bad_selector)
}

// rowReasons says what each kind of problem intake finds in a record
// names, in the order its message (import.reject.row.<code>) takes them:
// "value" (the offending value, quoted), "raw" (the value as it is) or
// "accepted". The line and field are in the rejects table beside it. A
// test checks that every code has an entry and a message in every language.
var rowReasons = map[intake.RowCode][]string{
	intake.RowMissing:       {},
	intake.RowNoColumn:      {},
	intake.RowUnknownColumn: {"accepted"},
	intake.RowUnknownKey:    {"accepted"},
	intake.RowFieldCount:    {"raw", "accepted"},
	intake.RowBadTime:       {"value", "accepted"},
	intake.RowTimeRange:     {"value"},
	intake.RowOccurredLate:  {"value"},
	intake.RowBadAmount:     {"value"},
	intake.RowNegative:      {"value"},
	intake.RowBadCurrency:   {"value", "accepted"},
	intake.RowNeedsCurrency: {},
	intake.RowNeedsAmount:   {},
	intake.RowBadUTF8:       {},
	intake.RowControlChar:   {"raw"},
	intake.RowFieldTooLong:  {"accepted"},
	intake.RowTooLong:       {"accepted"},
	intake.RowBadScamType:   {"value", "accepted"},
	intake.RowBadCountry:    {"value"},
	intake.RowBadTLP:        {"value", "accepted"},
	intake.RowBadChannel:    {"value", "accepted"},

	intake.RowUnclosedQuote:   {"raw"},
	intake.RowQuoteTooLong:    {"raw", "accepted"},
	intake.RowTextAfterQuote:  {"raw"},
	intake.RowEmptyFile:       {},
	intake.RowUnnamedValue:    {},
	intake.RowDuplicateColumn: {"value"},
	intake.RowLossesInCSV:     {},
	intake.RowBadPAP:          {"value", "accepted"},
	intake.RowBadBool:         {"value", "accepted"},
	intake.RowBadEmail:        {},
	intake.RowBadPhone:        {"accepted"},
	intake.RowNotJSON:         {},

	intake.RowTooManyDecimals:  {"value", "accepted"},
	intake.RowAmountTooLarge:   {"value"},
	intake.RowSelectorTooLong:  {"raw", "accepted"},
	intake.RowTooManySelectors: {"accepted"},
	intake.RowJSONType:         {},
	intake.RowSelectorControl:  {"raw", "accepted"},
	intake.RowSelectorKind:     {"value", "accepted"},
	intake.RowSelectorRole:     {"value", "accepted"},

	intake.RowDuplicateKey:   {"value"},
	intake.RowSelectorsShape: {},
	intake.RowSelectorShape:  {"raw"},
	intake.RowLossesShape:    {},
	intake.RowLossShape:      {"raw"},
	intake.RowLossIncomplete: {"raw"},
	intake.RowTooManyLosses:  {"accepted"},
}

// fieldReasons is rowReasons for the mistakes intel finds in a report
// (import.reject.field.<code>).
var fieldReasons = map[intel.FieldCode][]string{
	intel.FieldMissing:          {},
	intel.FieldNotOwnOrigin:     {"value", "accepted"},
	intel.FieldBadChannel:       {"value", "accepted"},
	intel.FieldBadScamType:      {"value", "accepted"},
	intel.FieldBadTLP:           {"value", "accepted"},
	intel.FieldTooLong:          {"accepted"},
	intel.FieldBadUTF8:          {},
	intel.FieldBadCountry:       {"value"},
	intel.FieldNegative:         {},
	intel.FieldBadCurrency:      {"value"},
	intel.FieldTooMany:          {"accepted"},
	intel.FieldRedNoRecipients:  {},
	intel.FieldUnknownRecipient: {"value"},
	intel.FieldBadKind:          {"value", "accepted"},
	intel.FieldBadSelector:      {"value"}, // said by the selector's own code where the page knows it
}

// The keys of the reasons' messages begin so.
const (
	rowKeys   = "import.reject.row."
	fieldKeys = "import.reject.field."
)

// Msg says why the record was left out in the page's language; its Key is
// "" for a reason with no code, which the page shows in English.
func (r importReject) Msg() message {
	var (
		parts []string
		key   string
		ok    bool
	)
	if m := selectorMessage(r.Selector); m.Key != "" {
		return m
	}
	switch {
	case r.FieldCode != "":
		parts, ok = fieldReasons[r.FieldCode]
		key = fieldKeys + string(r.FieldCode)
	case r.Code != "":
		parts, ok = rowReasons[r.Code]
		key = rowKeys + string(r.Code)
	}
	if !ok {
		return message{}
	}
	args := []any{}
	for _, p := range parts {
		switch p {
		case "value":
			args = append(args, shownName(r.Value))
		case "raw":
			args = append(args, r.Value)
		case "accepted":
			args = append(args, r.Accepted)
		}
	}
	return msg(key, args...)
}

// fieldReject is the reject for a report intel refused with fe.
func fieldReject(file string, line int, fe *intel.FieldError) importReject {
	return importReject{
		RowError:  intake.RowError{File: file, Line: line, Field: fe.Field, Reason: fe.Reason, Value: fe.Value, Accepted: fe.Accepted},
		FieldCode: fe.Code,
		Selector:  fe.Selector,
	}
}
