package casework

import (
	"slices"
	"strings"
)

// The vocabularies of casework fields. A value outside its list is refused
// with the list in the message.
var (
	// Roles a person holds in a case; several at once, over time.
	Roles = []string{"possible_victim", "identified_victim", "suspect", "defendant", "witness",
		"recruiter", "manager", "money_mule", "family_reporter"}
	NameKinds        = []string{"primary", "passport", "alias", "nickname", "other"}
	Scripts          = []string{"Hang", "Latn", "Khmr", "Hani", "Thai", "Mymr", "Laoo", "Viet"}
	Sexes            = []string{"M", "F", "X"}
	DocumentTypes    = []string{"passport", "emergency_travel_document", "travel_certificate", "national_id"}
	DocumentStatuses = []string{"held", "held_by_captors", "lost", "invalidated", "replaced", "seized", "expired"}
	KinRelations     = []string{"mother", "father", "parent", "spouse", "partner", "sibling", "child", "relative", "friend", "other"}
	// IntakeChannels: who reported, and how.
	IntakeChannels = []string{"family", "self", "ngo", "hotline", "embassy", "police", "web"}
	// AdvisoryLevels of a travel advisory zone (2.5 is the special advisory).
	AdvisoryLevels = []string{"1", "2", "2.5", "3", "4"}
	ScreeningKinds = []string{"victim", "suspect", "both"}
	// TraffickingStatuses decided by a screening (HTCDS: possible, actual, not a victim).
	TraffickingStatuses = []string{"possible", "actual", "not"}
	Recommendations     = []string{"recommend_no_prosecution", "partial", "not_applicable"}
	ExitModes           = []string{"rescued", "escaped", "self_reported", "raid_arrest", "voluntary_departure", "deported", "still_inside"}
	RecruitmentChannels = []string{"online_ad", "social_media", "messenger", "friend", "family", "agency", "other"}
	KnewIllegal         = []string{"yes", "no", "unknown"}
	EvidenceKinds       = []string{"testimony", "medical", "co_worker_statement", "cctv", "chat_log", "document_record", "other"}
	ChargeKinds         = []string{"statement", "device", "financial", "chat", "cctv", "document", "witness", "other"}
	// LegalStatuses of a passenger on departure.
	LegalStatuses = []string{"warrant_to_execute", "red_notice", "victim", "voluntary"}
	FitToFly      = []string{"fit", "unfit", "pending"}
	// ArrivalOutcomes of a passenger.
	ArrivalOutcomes = []string{"pending", "warrant_executed", "released", "referred_to_shelter", "handed_to_family", "hospital"}
	// HandOverTo: who takes a person on arrival.
	HandOverTo = []string{"police", "shelter", "family"}
	// CaseActions are the consular actions recorded on a case's timeline.
	CaseActions = []string{"visit", "family_notice", "lawyer_list", "interpreter_list", "cost_advance", "medical", "note"}
)

// ILOIndicators are the ILO's 11 indicators of forced labour, as codes.
var ILOIndicators = []string{
	"abuse_of_vulnerability",
	"deception",
	"restriction_of_movement",
	"isolation",
	"physical_sexual_violence",
	"intimidation_threats",
	"retention_of_identity_documents",
	"withholding_of_wages",
	"debt_bondage",
	"abusive_working_living_conditions",
	"excessive_overtime",
}

// MethodsOfControl is the Human Trafficking Case Data Standard's
// methods-of-control vocabulary (HTCDS 2.0 field definitions), by field name.
var MethodsOfControl = []string{
	"MethodsOfControlDebtBondage",
	"MethodsOfControlTakesEarnings",
	"MethodsOfControlRestrictsFinancialAccess",
	"MethodsOfControlThreats",
	"MethodsOfControlPsychologicalAbuse",
	"MethodsOfControlPhysicalAbuse",
	"MethodsOfControlSexualAbuse",
	"MethodsOfControlFalsePromises",
	"MethodsOfControlPsychoactiveSubstances",
	"MethodsOfControlRestrictsMovement",
	"MethodsOfControlRestrictsMedicalCare",
	"MethodsOfControlExcessiveWorkingHours",
	"MethodsOfControlUsesChildren",
	"MethodsOfControlThreatOfLawEnforcement",
	"MethodsOfControlWithholdsNecessities",
	"MethodsOfControlWithholdsDocuments",
	"MethodsOfControlOther",
}

// oneOf checks v against a vocabulary: "" passes when optional.
func oneOf(field, v string, set []string, optional bool) error {
	if v == "" && optional {
		return nil
	}
	if slices.Contains(set, v) {
		return nil
	}
	if v == "" {
		return fieldErr(field, "missing (one of %s)", strings.Join(set, ", "))
	}
	return fieldErr(field, "%q is not one of %s", v, strings.Join(set, ", "))
}
