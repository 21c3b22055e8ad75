package intake

// fieldID names a field of the import layout.
type fieldID int

const (
	fExternalRef fieldID = iota
	fOrigin
	fReceivedAt
	fOccurredAt
	fScamType
	fNarrative
	fVictimRef
	fVictimCountry
	fLossAmount
	fLossCurrency
	fSelectors
	fTLP
	fChannel
	fContactName
	fContactEmail
	fContactPhone
	fContactConsent
	fLegalBasis
	fPurpose
	fPAP
	fRecipients
	fLosses // JSON only: an array of {amount, currency}
	numFields
)

var fieldNames = [numFields]string{
	fExternalRef:    "external_ref",
	fOrigin:         "origin",
	fReceivedAt:     "received_at",
	fOccurredAt:     "occurred_at",
	fScamType:       "scam_type",
	fNarrative:      "narrative",
	fVictimRef:      "victim_ref",
	fVictimCountry:  "victim_country",
	fLossAmount:     "loss_amount",
	fLossCurrency:   "loss_currency",
	fSelectors:      "selectors",
	fTLP:            "tlp",
	fChannel:        "channel",
	fContactName:    "contact_name",
	fContactEmail:   "contact_email",
	fContactPhone:   "contact_phone",
	fContactConsent: "contact_consent",
	fLegalBasis:     "legal_basis",
	fPurpose:        "purpose",
	fPAP:            "pap",
	fRecipients:     "recipients",
	fLosses:         "losses",
}

func (f fieldID) String() string { return fieldNames[f] }

// fieldByName returns the field a canonical name stands for.
func fieldByName(name string) (fieldID, bool) {
	for i, n := range fieldNames {
		if n == name {
			return fieldID(i), true
		}
	}
	return 0, false
}

// Columns lists the columns of the default CSV layout, in the order
// counterscam writes them. The first nine are the contract every partner
// file provides; the others are optional.
var Columns = []string{
	"external_ref", "origin", "received_at", "scam_type", "narrative",
	"victim_country", "loss_amount", "loss_currency", "selectors",
	"occurred_at", "victim_ref", "tlp", "channel",
	"contact_name", "contact_email", "contact_phone", "contact_consent",
	"legal_basis", "purpose", "pap", "recipients",
}

// requiredFields must have a value in every record: a column (or key) or a
// mapping default must give them.
var requiredFields = []fieldID{fExternalRef, fOrigin, fReceivedAt, fScamType}

// Limits on what one record may hold. A record or line longer than
// MaxRecordBytes is rejected without being read into memory whole.
const (
	MaxRecordBytes   = 1 << 20  // one CSV record, JSON line or JSON array element
	MaxNarrative     = 64 << 10 // bytes of narrative
	MaxSelectors     = 256      // selectors in one record
	MaxSelectorBytes = 1024     // bytes of one selector value
	MaxLosses        = 32       // losses in one record
)

// maxLen is the longest value, in bytes, of each single-line field.
var maxLen = [numFields]int{
	fExternalRef:    128,
	fOrigin:         128,
	fReceivedAt:     64,
	fOccurredAt:     64,
	fScamType:       64,
	fNarrative:      MaxNarrative,
	fVictimRef:      128,
	fVictimCountry:  64,
	fLossAmount:     64,
	fLossCurrency:   16,
	fTLP:            32,
	fChannel:        32,
	fContactName:    256,
	fContactEmail:   254,
	fContactPhone:   64,
	fContactConsent: 16,
	fLegalBasis:     512,
	fPurpose:        512,
	fPAP:            16,
	fRecipients:     4096,
}
