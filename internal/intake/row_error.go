package intake

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// RowError is a problem with one record (or, from NewReader, with the
// header). Reading goes on after a RowError; any other error from Next is
// fatal.
//
// Reason never quotes personal data: values of the narrative, victim_ref,
// selectors and contact fields are described, not repeated.
type RowError struct {
	File   string
	Line   int
	Field  string // the field or column at fault; "" for the whole record
	Reason string // in English

	// Code is the kind of problem, so a program can say it in another
	// language, or "" for a problem with no code yet (Reason alone says
	// it). Value and Accepted are what the code's text names: the
	// offending value (only of a field that holds no personal data) and
	// what would be accepted instead, as names, codes, examples or numbers
	// that read the same in every language (for RowSelectorControl, the
	// character found, as the selector's value is not repeated); or "".
	Code     RowCode
	Value    string
	Accepted string
}

// RowCode names a kind of problem with a record.
type RowCode string

// The kinds of problem with a record that have a code.
const (
	RowMissing       RowCode = "missing"        // required Field is empty
	RowNoColumn      RowCode = "no_column"      // no column of the header gives required Field
	RowUnknownColumn RowCode = "unknown_column" // header column Field is no field; Accepted are the fields
	RowUnknownKey    RowCode = "unknown_key"    // JSON key Field is no field; Accepted are the fields
	RowFieldCount    RowCode = "field_count"    // a CSV record has Value fields, the header Accepted
	RowBadTime       RowCode = "bad_time"       // Value is no time; Accepted are examples
	RowTimeRange     RowCode = "time_range"     // the time Value is not between 1970 and 2100
	RowOccurredLate  RowCode = "occurred_late"  // occurred_at Value is after received_at
	RowBadAmount     RowCode = "bad_amount"     // Value is no decimal amount
	RowNegative      RowCode = "negative"       // the amount Value is negative
	RowBadCurrency   RowCode = "bad_currency"   // Value is no currency code; Accepted are examples
	RowNeedsCurrency RowCode = "needs_currency" // loss_amount is given without loss_currency
	RowNeedsAmount   RowCode = "needs_amount"   // loss_currency is given without loss_amount
	RowBadUTF8       RowCode = "bad_utf8"       // Field (or, when "", a key) is not valid UTF-8
	RowControlChar   RowCode = "control_char"   // Field holds the control character Value (U+0009)
	RowFieldTooLong  RowCode = "field_too_long" // Field is longer than Accepted bytes
	RowTooLong       RowCode = "too_long"       // the record is longer than Accepted (such as "1 MiB")
	RowBadScamType   RowCode = "bad_scam_type"  // Value is no scam type; Accepted are the types
	RowBadCountry    RowCode = "bad_country"    // Value is no ISO 3166-1 alpha-2 code
	RowBadTLP        RowCode = "bad_tlp"        // Value is no TLP label; Accepted are the labels
	RowBadChannel    RowCode = "bad_channel"    // Value is no channel; Accepted are the channels

	// CSV quoting (Value is the number of the column, from 1) and the
	// rarer problems of a file or a record.
	RowUnclosedQuote   RowCode = "unclosed_quote"   // the quoted field in column Value runs to the end of the file
	RowQuoteTooLong    RowCode = "quote_too_long"   // the record, from a quote opened in column Value, is longer than Accepted
	RowTextAfterQuote  RowCode = "text_after_quote" // column Value has text after its closing quote
	RowEmptyFile       RowCode = "empty_file"       // a CSV file without even a header
	RowUnnamedValue    RowCode = "unnamed_value"    // a column with no name in the header holds a value
	RowDuplicateColumn RowCode = "duplicate_column" // the column gives a field that column Value gives already
	RowLossesInCSV     RowCode = "losses_in_csv"    // a CSV column for losses, which is for JSON only
	RowBadPAP          RowCode = "bad_pap"          // Value is no PAP label; Accepted are the labels
	RowBadBool         RowCode = "bad_bool"         // Value is not yes or no; Accepted are the spellings
	RowBadEmail        RowCode = "bad_email"        // not an e-mail address (personal: no Value)
	RowBadPhone        RowCode = "bad_phone"        // not a phone number, Accepted ("5–17") digits (personal: no Value)
	RowNotJSON         RowCode = "not_json"         // the line or element is not a JSON object

	RowTooManyDecimals  RowCode = "too_many_decimals"  // the amount Value has more decimals than its currency's Accepted
	RowAmountTooLarge   RowCode = "amount_too_large"   // the amount Value is too large to store
	RowSelectorTooLong  RowCode = "selector_too_long"  // selector number Value is longer than Accepted bytes
	RowTooManySelectors RowCode = "too_many_selectors" // more than Accepted selectors
	RowJSONType         RowCode = "json_type"          // a JSON value that is not a string, number or boolean
	RowSelectorControl  RowCode = "selector_control"   // selector number Value (or its kind or role) holds the control character Accepted (U+0009)
	RowSelectorKind     RowCode = "selector_kind"      // Value is no selector kind; Accepted are the kinds
	RowSelectorRole     RowCode = "selector_role"      // Value is no role (lower-case letters, digits and _, at most 32); Accepted are examples

	// JSON only: a field given by two keys, and selectors or losses of the
	// wrong shape. Value is the number (from 1) of the array's element.
	RowDuplicateKey   RowCode = "duplicate_key"   // the field is given by the JSON key Value already
	RowSelectorsShape RowCode = "selectors_shape" // selectors is neither a string nor an array
	RowSelectorShape  RowCode = "selector_shape"  // selector Value is neither a string nor a {value, role, kind} object
	RowLossesShape    RowCode = "losses_shape"    // losses is neither an object nor an array
	RowLossShape      RowCode = "loss_shape"      // loss Value is not an {amount, currency} object of strings or numbers
	RowLossIncomplete RowCode = "loss_incomplete" // loss Value lacks its amount or its currency
	RowTooManyLosses  RowCode = "too_many_losses" // more than Accepted losses
)

// currencyExamples are the currency codes a bad one is answered with.
const currencyExamples = "KRW, USD, THB, KHR, USDT, USDC, BTC, ETH, TRX"

// RowCodes lists every RowCode.
var RowCodes = []RowCode{
	RowMissing, RowNoColumn, RowUnknownColumn, RowUnknownKey, RowFieldCount,
	RowBadTime, RowTimeRange, RowOccurredLate, RowBadAmount, RowNegative,
	RowBadCurrency, RowNeedsCurrency, RowNeedsAmount, RowBadUTF8, RowControlChar,
	RowFieldTooLong, RowTooLong, RowBadScamType, RowBadCountry, RowBadTLP, RowBadChannel,
	RowUnclosedQuote, RowQuoteTooLong, RowTextAfterQuote, RowEmptyFile, RowUnnamedValue,
	RowDuplicateColumn, RowLossesInCSV, RowBadPAP, RowBadBool, RowBadEmail, RowBadPhone, RowNotJSON,
	RowTooManyDecimals, RowAmountTooLarge, RowSelectorTooLong, RowTooManySelectors, RowJSONType,
	RowSelectorControl, RowSelectorKind, RowSelectorRole,
	RowDuplicateKey, RowSelectorsShape, RowSelectorShape, RowLossesShape, RowLossShape,
	RowLossIncomplete, RowTooManyLosses,
}

// why is a problem with no code yet, or nil for no reason.
func why(reason string) *RowError {
	if reason == "" {
		return nil
	}
	return &RowError{Reason: reason}
}

// coded is a problem of kind code with what is accepted, or nil for no
// reason.
func coded(code RowCode, accepted, reason string) *RowError {
	if reason == "" {
		return nil
	}
	return &RowError{Code: code, Accepted: accepted, Reason: reason}
}

func (e *RowError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	} else {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// RejectHeader is the first line of a reject file.
const RejectHeader = "file\tline\tfield\treason\n"

// WriteReject writes e as one line of a tab-separated reject file: file,
// line, field, reason. It writes no data from the rejected record beyond
// what Reason says (see RowError), so a reject file can be handled like a
// log. Tabs and line breaks inside the values become spaces.
func WriteReject(w io.Writer, e *RowError) error {
	_, err := fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", tsvClean(e.File), e.Line, tsvClean(e.Field), tsvClean(e.Reason))
	return err
}

func tsvClean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}

// quote shows a non-personal value in a reason: single-quoted, control
// characters escaped, cut to 40 characters.
func quote(v string) string {
	r := []rune(v)
	cut := false
	if len(r) > 40 {
		r, cut = r[:40], true
	}
	q := strconv.QuoteToGraphic(string(r))
	q = q[1 : len(q)-1]
	if cut {
		q += "…"
	}
	return "'" + q + "'"
}
