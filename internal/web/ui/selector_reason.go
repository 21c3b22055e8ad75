package ui

import (
	"counterscam/internal/selector"
)

// selectorReasons says what each kind of selector parse failure names, in
// the order its message (selector.err.<code>) takes them: "value" (the
// value, quoted), "kind" (what it was read as, in words), "region",
// "platform" or "accepted". A test checks that every code the selector
// package gives has an entry and a message in every language.
var selectorReasons = map[selector.ErrorCode][]string{
	selector.CodeEmpty:                 {},
	selector.CodeUnknownKind:           {"accepted"},
	selector.CodeUnrecognised:          {"value"},
	selector.CodeTooLong:               {"kind"},
	selector.CodeBadUTF8:               {},
	selector.CodePhoneCharacters:       {"value"},
	selector.CodePhonePlus:             {"value"},
	selector.CodePhoneTooFewDigits:     {"value"},
	selector.CodePhoneTooMany:          {"value"},
	selector.CodePhoneNoRegion:         {"value"},
	selector.CodePhoneInvalid:          {"value"},
	selector.CodePhoneNotInRegion:      {"value", "region"},
	selector.CodeEmailNoAt:             {"value"},
	selector.CodeEmailLocalPart:        {"value"},
	selector.CodeEmailNoDomain:         {"value"},
	selector.CodeEmailBadDomain:        {"value"},
	selector.CodeDomainIDN:             {"value"},
	selector.CodeDomainCharacters:      {"value"},
	selector.CodeDomainLabel:           {"value"},
	selector.CodeDomainOneLabel:        {"value"},
	selector.CodeDomainTLD:             {"value"},
	selector.CodeDomainSuffix:          {"value"},
	selector.CodeURLScheme:             {"value", "accepted"},
	selector.CodeURLNoHost:             {"value"},
	selector.CodeURLBadHost:            {"value"},
	selector.CodeURLBadForm:            {"value"},
	selector.CodeIPZone:                {"value"},
	selector.CodeIPInvalid:             {"value"},
	selector.CodeCryptoCharacters:      {"value"},
	selector.CodeCryptoChecksum:        {"value", "accepted"},
	selector.CodeCryptoPrefix:          {"value"},
	selector.CodeCryptoEVMLength:       {"value"},
	selector.CodeCryptoUnknown:         {"value"},
	selector.CodeBankIBAN:              {"value", "region"},
	selector.CodeBankOneNumber:         {"value"},
	selector.CodeBankNeedsBank:         {"value"},
	selector.CodeBankAmbiguous:         {"value"},
	selector.CodeBankUnknown:           {"value"},
	selector.CodeBankCode:              {"value"},
	selector.CodeBankDigitsOnly:        {"value"},
	selector.CodeBankLength:            {"value", "region", "accepted"},
	selector.CodeCardCharacters:        {"value"},
	selector.CodeCardLength:            {"value", "accepted"},
	selector.CodeCardLuhn:              {"value"},
	selector.CodeCardBrand:             {"value"},
	selector.CodeHandleSpaces:          {"value"},
	selector.CodeHandleUnknownPlatform: {"platform", "accepted"},
	selector.CodeHandleNeedsPlatform:   {"value"},
	selector.CodeHandleNoName:          {"value"},
	selector.CodeHandleBadName:         {"value", "platform"},
	selector.CodeHandleBadLink:         {"value"},
}

// The keys of the failures' messages, and of the kinds' words, begin so.
const (
	selectorKeys     = "selector.err."
	selectorKindKeys = "selector.kind."
)

// selectorMessage says in the page's language why a value is no selector;
// its Key is "" for a code the pages do not know, which a page shows in
// English (e.Reason).
func selectorMessage(e *selector.Error) message {
	if e == nil {
		return message{}
	}
	parts, ok := selectorReasons[e.Code]
	if !ok {
		return message{}
	}
	args := make([]any, 0, len(parts))
	for _, p := range parts {
		switch p {
		case "value":
			args = append(args, shownName(e.Input))
		case "kind":
			if _, err := selector.ParseKindName(string(e.Kind)); err != nil {
				return message{} // no words for it: the page says Reason
			}
			args = append(args, msg(selectorKindKeys+string(e.Kind)))
		case "region":
			args = append(args, e.Region)
		case "platform":
			args = append(args, e.Platform)
		case "accepted":
			args = append(args, e.Accepted)
		}
	}
	return msg(selectorKeys+string(e.Code), args...)
}
