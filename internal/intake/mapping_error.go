package intake

import (
	"strconv"
	"strings"
)

// MappingCode names a kind of mistake in a mapping file, so a program can
// say it in another language; MappingError.Error says it in English.
type MappingCode string

// The kinds of mistake LoadMapping reports.
const (
	MapEmpty            MappingCode = "empty"              // nothing but spaces
	MapTooBig           MappingCode = "too_big"            // over MaxMappingBytes
	MapSyntax           MappingCode = "syntax"             // not JSON at Line
	MapTruncated        MappingCode = "truncated"          // the JSON ends early
	MapTrailing         MappingCode = "trailing"           // more after the object
	MapNotObject        MappingCode = "not_object"         // not a JSON object
	MapUnknownKey       MappingCode = "unknown_key"        // Key is no setting
	MapDuplicateKey     MappingCode = "duplicate_key"      // Name is given twice under Key
	MapDuplicateColumn  MappingCode = "duplicate_column"   // column Name is given twice, told apart only by case or spaces
	MapWantText         MappingCode = "want_text"          // Key (Name) must be a string
	MapWantObject       MappingCode = "want_object"        // Key (Name) must be an object
	MapWantTarget       MappingCode = "want_target"        // column Name's target has the wrong shape
	MapUnknownTargetKey MappingCode = "unknown_target_key" // column Name's target has the key Value
	MapUnknownField     MappingCode = "unknown_field"      // column Name goes to the unknown field Value
	MapKindNotSelectors MappingCode = "kind_not_selectors" // column Name has a kind or role but is no selectors column
	MapUnknownKind      MappingCode = "unknown_kind"       // column Name's kind Value is no selector kind
	MapBadRole          MappingCode = "bad_role"           // column Name's role Value is not a role name
	MapBadTimeZone      MappingCode = "bad_time_zone"      // time_zone Value is no zone
	MapBadDelimiter     MappingCode = "bad_delimiter"      // delimiter Value is not one of Accepted
	MapBadSelectorSep   MappingCode = "bad_selector_separator"
	MapBadThousandsSep  MappingCode = "bad_thousands_separator"
	MapNoValues         MappingCode = "no_values"        // values of field Name cannot be translated
	MapNoDefault        MappingCode = "no_default"       // field Name cannot have a default
	MapBadDefault       MappingCode = "bad_default"      // the default Value of field Name is not of its form
	MapDefaultTooLong   MappingCode = "default_too_long" // the default of field Name is over Accepted bytes
	MapDefaultControl   MappingCode = "default_control"  // the default of field Name holds the control character Value
)

// MappingCodes lists every MappingCode.
var MappingCodes = []MappingCode{
	MapEmpty, MapTooBig, MapSyntax, MapTruncated, MapTrailing, MapNotObject,
	MapUnknownKey, MapDuplicateKey, MapDuplicateColumn, MapWantText, MapWantObject, MapWantTarget,
	MapUnknownTargetKey, MapUnknownField, MapKindNotSelectors, MapUnknownKind,
	MapBadRole, MapBadTimeZone, MapBadDelimiter, MapBadSelectorSep,
	MapBadThousandsSep, MapNoValues, MapNoDefault, MapBadDefault,
	MapDefaultTooLong, MapDefaultControl,
}

// MaxMappingBytes bounds a mapping file.
const MaxMappingBytes = 1 << 20

// MappingError is what is wrong with a mapping file and where: the kind of
// mistake, the line, the setting and the name under it, the offending value
// and what would be accepted. Error says it in English.
type MappingError struct {
	Code MappingCode
	// Line is the mapping file's line, from 1 (0 for MapTooBig).
	Line int
	// Key is the setting at fault ("columns", "defaults", "time_zone", ...)
	// or, for MapUnknownKey, the key that is not a setting.
	Key string
	// Name is the column (under columns) or field (under defaults and
	// values) at fault, or "".
	Name string
	// Value is the offending value: a field, kind, role, zone, separator,
	// default, target key or control character (U+0009); or "".
	Value string
	// Accepted is what would be accepted instead, as names, codes or
	// examples that read the same in every language; or "".
	Accepted string

	text string // the English explanation
}

func (e *MappingError) Error() string {
	if e.Line == 0 {
		return "mapping: " + e.text
	}
	return "mapping: line " + strconv.Itoa(e.Line) + ": " + e.text
}

// The settings of a mapping file and the keys of a column's target.
var (
	mappingKeys = []string{"columns", "defaults", "values", "time_format", "time_zone",
		"delimiter", "selector_separator", "thousands_separator"}
	targetKeys = []string{"field", "kind", "role"}
)

// acceptedDefault is what a default of field f may be, as examples.
func acceptedDefault(f fieldID, m *Mapping) string {
	switch f {
	case fScamType:
		return strings.Join(ScamTypes, ", ")
	case fVictimCountry:
		return "KR, KH, TH, VN, CN"
	case fTLP:
		return "CLEAR, GREEN, AMBER, AMBER+STRICT, RED"
	case fPAP:
		return "CLEAR, GREEN, AMBER, RED"
	case fChannel:
		return strings.Join(Channels, ", ")
	case fReceivedAt, fOccurredAt:
		ex := "2025-03-01T14:30:00+09:00"
		if f == fOccurredAt {
			ex += ", 2025-03-01"
		}
		if m.TimeFormat != "" {
			ex = m.TimeFormat + ", " + ex
		}
		return ex
	case fLossCurrency:
		return "KRW, USD, THB, KHR, USDT, USDC, BTC, ETH, TRX"
	case fLossAmount:
		return "1234.50"
	case fContactEmail:
		return "name@example.org"
	case fRecipients:
		return "a@example.org;b@example.org"
	case fContactPhone:
		return "+82 10-1234-5678"
	case fContactConsent:
		return "yes, no, true, false, y, n, 1, 0"
	}
	return ""
}
