package ui

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/casework"
	"counterscam/internal/intake"
	"counterscam/internal/store"
)

// Limits of the screening form's fields (the service's own).
const (
	scrMaxText  = 200
	scrMaxNotes = 8 << 10
)

// scrMaxEvidence is how many pieces of evidence the form takes for one
// finding; the form reads no more rows than scrReadEvidence.
const (
	scrMaxEvidence  = 10
	scrReadEvidence = 64
)

// screeningForm is the screening form as typed, so that a form with a
// mistake comes back with everything the officer wrote.
type screeningForm struct {
	CaseID                                                                string
	Kind, InterviewedAt, Interviewer, Interpreter, Language, Setting, TLP string
	Counsel                                                               bool

	Channel, PromisedJob, PayAmount, PayCurrency, Recruiter, AdText, KnewIllegal string

	Indicators []findingForm // the ILO's 11, in order
	Control    []findingForm // the HTCDS methods of control, in order

	Role, Days, ReceivedAmount, ReceivedCurrency, ExitMode string
	RecruitedOthers, Promoted                              bool

	Status, Reason, DecidedBy, Recommendation, Rationale string

	Errors map[string][]message
}

// findingForm is one indicator or method of control with its evidence.
type findingForm struct {
	Code     string
	Present  string         // yes, no, "" (not assessed); for methods of control yes or ""
	Evidence []evidenceForm // the pieces given, in the order typed (rows left blank dropped)
	ErrorKey string         // the field its errors are under
	Kinds    []string       // the kinds of evidence offered
}

// evidenceForm is one piece of evidence of a finding as typed. The form
// sends each piece as one row of three fields under the finding's names
// (ind.CODE.kind, .ref, .note), so the n-th value of each is the n-th
// piece.
type evidenceForm struct{ Kind, Ref, Note string }

// Rows are the pieces given and, while there is room for another, a
// blank row to type it in.
func (x findingForm) Rows() []evidenceForm {
	if len(x.Evidence) >= scrMaxEvidence {
		return x.Evidence
	}
	return append(slices.Clip(x.Evidence), evidenceForm{})
}

// readEvidence reads a finding's rows of evidence, dropping blank ones.
func readEvidence(v url.Values, prefix string) []evidenceForm {
	kinds, refs, notes := v[prefix+"kind"], v[prefix+"ref"], v[prefix+"note"]
	at := func(vs []string, i int) string {
		if i < len(vs) {
			return strings.TrimSpace(vs[i])
		}
		return ""
	}
	var out []evidenceForm
	for i := range min(max(len(kinds), len(refs), len(notes)), scrReadEvidence) {
		e := evidenceForm{Kind: at(kinds, i), Ref: at(refs, i), Note: at(notes, i)}
		if e != (evidenceForm{}) {
			out = append(out, e)
		}
	}
	return out
}

func newScreeningForm() *screeningForm {
	f := &screeningForm{Kind: "victim", TLP: store.TLPAmberStrict, PayCurrency: "USD", ReceivedCurrency: "USD"}
	for _, c := range casework.ILOIndicators {
		f.Indicators = append(f.Indicators, findingForm{Code: c, ErrorKey: "ind." + c, Kinds: casework.EvidenceKinds})
	}
	for _, c := range casework.MethodsOfControl {
		f.Control = append(f.Control, findingForm{Code: c, ErrorKey: "moc." + c, Kinds: casework.EvidenceKinds})
	}
	return f
}

func readScreeningForm(v url.Values) *screeningForm {
	f := newScreeningForm()
	tr := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	f.CaseID = tr("case")
	f.Kind, f.InterviewedAt, f.Interviewer, f.Interpreter = tr("kind"), tr("interviewed_at"), tr("interviewer"), tr("interpreter")
	f.Language, f.Setting, f.TLP, f.Counsel = tr("language"), tr("setting"), tr("tlp"), v.Get("counsel") == "yes"
	f.Channel, f.PromisedJob, f.PayAmount, f.PayCurrency = tr("channel"), tr("promised_job"), tr("promised_pay"), tr("promised_currency")
	f.Recruiter, f.AdText, f.KnewIllegal = tr("recruiter"), tr("ad_text"), tr("knew_illegal")
	for i := range f.Indicators {
		x := &f.Indicators[i]
		p := "ind." + x.Code + "."
		x.Present, x.Evidence = tr(p+"present"), readEvidence(v, p)
	}
	for i := range f.Control {
		x := &f.Control[i]
		p := "moc." + x.Code + "."
		x.Present, x.Evidence = tr(p+"present"), readEvidence(v, p)
	}
	f.Role, f.Days, f.ReceivedAmount, f.ReceivedCurrency = tr("role_in_compound"), tr("days_in_compound"), tr("pay_received"), tr("received_currency")
	f.ExitMode, f.RecruitedOthers, f.Promoted = tr("exit_mode"), v.Get("recruited_others") == "yes", v.Get("promoted") == "yes"
	f.Status, f.Reason, f.DecidedBy = tr("status"), tr("decision_reason"), tr("decided_by")
	f.Recommendation, f.Rationale = tr("recommendation"), tr("rationale")
	return f
}

// fail adds an error under a field, once: several pieces of evidence of
// one finding may make the same mistake.
func (f *screeningForm) fail(field, key string, args ...any) {
	if f.Errors == nil {
		f.Errors = map[string][]message{}
	}
	m := msg(key, args...)
	if !slices.ContainsFunc(f.Errors[field], func(o message) bool { return o.Key == m.Key && fmt.Sprint(o.Args) == fmt.Sprint(m.Args) }) {
		f.Errors[field] = append(f.Errors[field], m)
	}
}

// text checks a free-text field's length and encoding.
func (f *screeningForm) text(field, v string, max int, required bool) string {
	switch {
	case v == "" && required:
		f.fail(field, "repat.err.required")
	case len(v) > max || !utf8.ValidString(v):
		f.fail(field, "repat.err.too_long", fittingChars(v, max))
	}
	return v
}

func (f *screeningForm) choice(field, v string, set []string, optional bool) string {
	if (v != "" || !optional) && !slices.Contains(set, v) {
		f.fail(field, "repat.err.choose")
	}
	return v
}

// money reads an optional amount in a currency.
func (f *screeningForm) money(field, amount, cur string) *store.Money {
	if amount == "" {
		return nil
	}
	exp, ok := intake.CurrencyExponent(cur)
	if !ok || !slices.Contains(formCurrencies, cur) {
		f.fail(field, "repat.err.amount")
		return nil
	}
	minor, ok := parseMinor(amount, exp)
	if !ok {
		f.fail(field, "repat.err.amount")
		return nil
	}
	return &store.Money{AmountMinor: minor, Currency: cur}
}

// finding checks a finding's evidence, every piece given, and returns it.
func (f *screeningForm) finding(x *findingForm, needEvidence bool) []store.Evidence {
	if needEvidence && len(x.Evidence) == 0 {
		f.fail(x.ErrorKey, "repat.err.evidence")
		return nil
	}
	if len(x.Evidence) > scrMaxEvidence {
		f.fail(x.ErrorKey, "repat.err.evidence_many", scrMaxEvidence)
	}
	var out []store.Evidence
	for _, e := range x.Evidence {
		if !slices.Contains(casework.EvidenceKinds, e.Kind) {
			f.fail(x.ErrorKey, "repat.err.evidence_kind")
		}
		f.text(x.ErrorKey, e.Ref, scrMaxText, false)
		f.text(x.ErrorKey, e.Note, scrMaxNotes, false)
		out = append(out, store.Evidence{Kind: e.Kind, Ref: e.Ref, Note: e.Note})
	}
	return out
}

// input checks the form and turns it into a screening of the person, or
// fills f.Errors, each under its field.
func (f *screeningForm) input(personID string, today time.Time) *casework.ScreeningInput {
	in := &casework.ScreeningInput{PersonID: personID, CaseID: f.CaseID, TLP: f.choice("tlp", f.TLP, casework.TLPs, false),
		Kind: f.choice("kind", f.Kind, casework.ScreeningKinds, false), CounselPresent: f.Counsel}
	if t, err := time.Parse("2006-01-02", f.InterviewedAt); err != nil || t.After(today) || t.Year() < 2000 {
		f.fail("interviewed_at", "repat.err.date")
	} else {
		in.InterviewedAt = t
	}
	in.Interviewer = f.text("interviewer", f.Interviewer, scrMaxText, true)
	in.Interpreter = f.text("interpreter", f.Interpreter, scrMaxText, false)
	in.Language = f.text("language", f.Language, 35, false)
	in.Setting = f.text("setting", f.Setting, scrMaxText, false)

	r := &in.Recruitment
	r.Channel = f.choice("channel", f.Channel, casework.RecruitmentChannels, true)
	r.PromisedJob = f.text("promised_job", f.PromisedJob, scrMaxText, false)
	r.PromisedPay = f.money("promised_pay", f.PayAmount, f.PayCurrency)
	r.RecruiterHandle = f.text("recruiter", f.Recruiter, scrMaxText, false)
	r.AdText = f.text("ad_text", f.AdText, scrMaxNotes, false)
	r.KnewIllegal = f.choice("knew_illegal", f.KnewIllegal, casework.KnewIllegal, true)

	for i := range f.Indicators {
		x := &f.Indicators[i]
		switch x.Present {
		case "yes", "no":
			in.Indicators = append(in.Indicators, store.IndicatorFinding{Code: x.Code, Present: x.Present == "yes",
				Evidence: f.finding(x, x.Present == "yes")})
		case "":
		default:
			f.fail(x.ErrorKey, "repat.err.choose")
		}
	}
	for i := range f.Control {
		x := &f.Control[i]
		if x.Present == "yes" {
			in.Control = append(in.Control, store.ControlFinding{Code: x.Code, Evidence: f.finding(x, false)})
		}
	}

	in.RoleInCompound = f.text("role_in_compound", f.Role, scrMaxText, false)
	if f.Days != "" {
		n, err := strconv.Atoi(f.Days)
		if err != nil || n < 0 || n > 36500 {
			f.fail("days_in_compound", "repat.err.days")
		}
		in.DaysInCompound = n
	}
	if m := f.money("pay_received", f.ReceivedAmount, f.ReceivedCurrency); m != nil {
		in.PayReceived = []store.Money{*m}
	}
	in.RecruitedOthers, in.PromotedToManager = f.RecruitedOthers, f.Promoted
	in.ExitMode = f.choice("exit_mode", f.ExitMode, casework.ExitModes, true)

	in.Status = f.choice("status", f.Status, casework.TraffickingStatuses, false)
	in.DecisionReason = f.text("decision_reason", f.Reason, scrMaxNotes, true)
	in.DecidedBy = f.text("decided_by", f.DecidedBy, scrMaxText, true)
	in.NonPunishment.Recommendation = f.choice("recommendation", f.Recommendation, casework.Recommendations, false)
	in.NonPunishment.Rationale = f.text("rationale", f.Rationale, scrMaxNotes, true)
	return in
}

// screeningFields maps the service's field names to the form's.
var screeningFields = map[string]string{
	"recruitment_channel": "channel", "recruitment": "promised_job", "non_punishment": "recommendation",
	"non_punishment_rationale": "rationale", "indicator": "indicators", "indicator_evidence": "indicators",
	"method_of_control": "control", "method_of_control_evidence": "control",
}

// screeningFormFields are the fields the form shows errors at; a refusal
// of anything else is shown above the form.
var screeningFormFields = []string{"case", "kind", "interviewed_at", "interviewer", "interpreter", "language", "setting", "tlp",
	"channel", "promised_job", "promised_pay", "recruiter", "ad_text", "knew_illegal", "indicators", "control",
	"role_in_compound", "days_in_compound", "pay_received", "exit_mode", "status", "decision_reason", "decided_by",
	"recommendation", "rationale"}

func screeningField(f string) string {
	if g, ok := screeningFields[f]; ok {
		return g
	}
	if slices.Contains(screeningFormFields, f) {
		return f
	}
	return "form"
}
