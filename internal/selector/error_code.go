package selector

// ErrorCode names a kind of parse failure, so a program can say it in
// another language; Error.Error says it in English. The codes are stable:
// API clients and the pages' message catalogues key on them.
type ErrorCode string

// The kinds of parse failure. Beside each, what it means and the facts of
// the Error beyond Input (the value) and Kind (what it was read as) that
// its message names: Region, Accepted or Platform, where said.
const (
	CodeEmpty        ErrorCode = "empty"        // nothing but spaces
	CodeUnknownKind  ErrorCode = "unknown_kind" // the kind asked for is none; Accepted are the kinds
	CodeUnrecognised ErrorCode = "unrecognised" // no kind fits the value
	CodeTooLong      ErrorCode = "too_long"     // longer than any value of Kind
	CodeBadUTF8      ErrorCode = "bad_utf8"     // not valid UTF-8

	CodePhoneCharacters   ErrorCode = "phone_characters"    // a character no phone number has
	CodePhonePlus         ErrorCode = "phone_plus"          // a + that is not the first character
	CodePhoneTooFewDigits ErrorCode = "phone_too_few"       // fewer than 3 digits
	CodePhoneTooMany      ErrorCode = "phone_too_many"      // more digits than any phone number (with a 00 prefix) has
	CodePhoneNoRegion     ErrorCode = "phone_no_region"     // a national number, and no region to read it in
	CodePhoneInvalid      ErrorCode = "phone_invalid"       // an international number no country issues
	CodePhoneNotInRegion  ErrorCode = "phone_not_in_region" // not a number of Region, nor an international one

	CodeEmailNoAt      ErrorCode = "email_no_at"      // no @
	CodeEmailLocalPart ErrorCode = "email_local_part" // the part before @ breaks the rules
	CodeEmailNoDomain  ErrorCode = "email_no_domain"  // nothing after @
	CodeEmailBadDomain ErrorCode = "email_bad_domain" // the part after @ is no domain name

	CodeDomainIDN        ErrorCode = "domain_idn"        // not a valid internationalised name
	CodeDomainCharacters ErrorCode = "domain_characters" // a character other than letters, digits, hyphens and dots
	CodeDomainLabel      ErrorCode = "domain_label"      // an empty part, a part over 63 characters, or a hyphen at a part's end
	CodeDomainOneLabel   ErrorCode = "domain_one_label"  // a single word, no dot
	CodeDomainTLD        ErrorCode = "domain_tld"        // the last part is no top-level domain
	CodeDomainSuffix     ErrorCode = "domain_suffix"     // a public suffix (co.uk), which nobody registers

	CodeURLScheme  ErrorCode = "url_scheme"   // not a web address; Accepted are the schemes
	CodeURLNoHost  ErrorCode = "url_no_host"  // no host
	CodeURLBadHost ErrorCode = "url_bad_host" // the host (or its port) is not valid
	CodeURLBadForm ErrorCode = "url_bad_form" // control characters, or a user name without a scheme

	CodeIPZone    ErrorCode = "ip_zone"    // a zone on an IPv4 address
	CodeIPInvalid ErrorCode = "ip_invalid" // not an IPv4 or IPv6 address

	CodeCryptoCharacters ErrorCode = "crypto_characters" // not printable ASCII without spaces
	CodeCryptoChecksum   ErrorCode = "crypto_checksum"   // the checksum of the format Accepted does not match
	CodeCryptoPrefix     ErrorCode = "crypto_prefix"     // a bech32 prefix no chain uses
	CodeCryptoEVMLength  ErrorCode = "crypto_evm_length" // 0x and not 40 hex digits
	CodeCryptoUnknown    ErrorCode = "crypto_unknown"    // no known wallet address format

	CodeBankIBAN       ErrorCode = "bank_iban"        // an IBAN of Region with the wrong length or check digits; Accepted is its length, or ""
	CodeBankOneNumber  ErrorCode = "bank_one_number"  // not one account number
	CodeBankNeedsBank  ErrorCode = "bank_needs_bank"  // a bare number without a bank or a country
	CodeBankAmbiguous  ErrorCode = "bank_ambiguous"   // a bank name used in several countries
	CodeBankUnknown    ErrorCode = "bank_unknown"     // no bank has the name
	CodeBankCode       ErrorCode = "bank_code"        // a bank code that is too long or not letters and digits
	CodeBankDigitsOnly ErrorCode = "bank_digits_only" // CC:CODE:DIGITS with more than digits after the code
	CodeBankLength     ErrorCode = "bank_length"      // an account of Region without Accepted ("10–14") digits

	CodeCardCharacters ErrorCode = "card_characters" // more than digits, spaces and dashes
	CodeCardLength     ErrorCode = "card_length"     // not Accepted ("13–19") digits
	CodeCardLuhn       ErrorCode = "card_luhn"       // the Luhn check fails
	CodeCardBrand      ErrorCode = "card_brand"      // no card brand issues such numbers

	CodeHandleSpaces          ErrorCode = "handle_spaces"           // a space inside the name
	CodeHandleUnknownPlatform ErrorCode = "handle_unknown_platform" // Platform is none; Accepted are the platforms
	CodeHandleNeedsPlatform   ErrorCode = "handle_needs_platform"   // a bare name, and no platform to read it on
	CodeHandleNoName          ErrorCode = "handle_no_name"          // a platform and no name after it
	CodeHandleBadName         ErrorCode = "handle_bad_name"         // not a valid name on Platform
	CodeHandleBadLink         ErrorCode = "handle_bad_link"         // a messenger link that names no valid account
)

// ErrorCodes lists every ErrorCode.
var ErrorCodes = []ErrorCode{
	CodeEmpty, CodeUnknownKind, CodeUnrecognised, CodeTooLong, CodeBadUTF8,
	CodePhoneCharacters, CodePhonePlus, CodePhoneTooFewDigits, CodePhoneTooMany, CodePhoneNoRegion, CodePhoneInvalid, CodePhoneNotInRegion,
	CodeEmailNoAt, CodeEmailLocalPart, CodeEmailNoDomain, CodeEmailBadDomain,
	CodeDomainIDN, CodeDomainCharacters, CodeDomainLabel, CodeDomainOneLabel, CodeDomainTLD, CodeDomainSuffix,
	CodeURLScheme, CodeURLNoHost, CodeURLBadHost, CodeURLBadForm,
	CodeIPZone, CodeIPInvalid,
	CodeCryptoCharacters, CodeCryptoChecksum, CodeCryptoPrefix, CodeCryptoEVMLength, CodeCryptoUnknown,
	CodeBankIBAN, CodeBankOneNumber, CodeBankNeedsBank, CodeBankAmbiguous, CodeBankUnknown, CodeBankCode, CodeBankDigitsOnly, CodeBankLength,
	CodeCardCharacters, CodeCardLength, CodeCardLuhn, CodeCardBrand,
	CodeHandleSpaces, CodeHandleUnknownPlatform, CodeHandleNeedsPlatform, CodeHandleNoName, CodeHandleBadName, CodeHandleBadLink,
}

// fault is why a value is not valid, before the Error is made: its code,
// the English reason and the facts the code's message names.
type fault struct {
	code     ErrorCode
	reason   string
	region   string
	accepted string
}

// err makes f the Error of input as kind k.
func (f fault) err(k Kind, input string) error {
	return &Error{Kind: k, Input: input, Reason: f.reason, Code: f.code, Region: f.region, Accepted: f.accepted}
}

func (f fault) failed() bool { return f.code != "" }
