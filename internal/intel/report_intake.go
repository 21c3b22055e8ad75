package intel

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterscam/internal/auth"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ScamTypes is the scam-type vocabulary.
var ScamTypes = []string{"romance", "crypto_investment", "gambling", "job_lure", "voice_phishing", "impersonation", "sextortion", "loan", "shopping", "other"}

// TLPs are the TLP 2.0 labels.
var TLPs = []string{store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed}

// Channels a report can arrive through.
var Channels = []string{"web", "api", "import", "partner"}

// Limits on a report's parts.
const (
	MaxNarrative = 64 << 10
	MaxSelectors = 200
)

// ReportInput is a report as it arrives, before normalisation.
type ReportInput struct {
	Origin        string
	ExternalRef   string
	Channel       string
	ReceivedAt    time.Time // zero: now
	OccurredAt    time.Time
	ScamType      string
	Narrative     string
	VictimRef     string
	VictimCountry string
	TLP           string // empty: GREEN
	Losses        []store.Loss
	Selectors     []SelectorInput
	Contact       *store.Contact
	CreatedBy     string   // user ID of the creator
	Recipients    []string // TLP:RED: the user IDs it is for
	// RecipientEmails name RED recipients by e-mail; ResolveRecipients
	// turns them into Recipients.
	RecipientEmails []string
	PAP             string // optional PAP label
	LegalBasis      string // why it may be held (personal data)
	Purpose         string // what for
}

// SelectorInput is a selector given in a field, as written.
type SelectorInput struct {
	Value string
	Kind  string // empty: detect
	Role  string // empty: "mentioned"
}

// FieldError says which field of a report is wrong and why: Reason in
// English, Code (when set) the kind of mistake, with the offending Value
// and what would be Accepted instead (names, codes or numbers that read
// the same in every language), or "".
type FieldError struct {
	Field    string
	Reason   string
	Code     FieldCode
	Value    string
	Accepted string
	// Selector is why a selector does not parse (Code FieldBadSelector),
	// with its own code and facts; or nil.
	Selector *selector.Error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// Unwrap gives the selector's error, if any.
func (e *FieldError) Unwrap() error {
	if e.Selector == nil {
		return nil
	}
	return e.Selector
}

// selectorErr is the FieldError of the selector raw, which did not parse.
func selectorErr(raw string, err error) error {
	fe := &FieldError{Field: "selectors", Reason: err.Error(), Code: FieldBadSelector, Value: raw}
	if !errors.As(err, &fe.Selector) {
		fe.Code = ""
	}
	return fe
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// Prepare validates a report and normalises its selectors: those given in
// fields (an invalid one is an error naming it) and those found in the
// narrative, and gives it a new ID. The result is ready for Submit.
func (s *Service) Prepare(in *ReportInput) (*store.Report, error) {
	r, err := s.PrepareUnnumbered(in)
	if err != nil {
		return nil, err
	}
	s.Number(r)
	return r, nil
}

// PrepareUnnumbered is Prepare but for the ID, so that an import prepares
// records on several goroutines at once (it is safe for that) and numbers
// them in the order of its file: IDs grow with each report numbered, and
// the stores append reports given in ID order at the end of their trees.
func (s *Service) PrepareUnnumbered(in *ReportInput) (*store.Report, error) {
	if strings.TrimSpace(in.Origin) == "" {
		return nil, codedErr(FieldMissing, "origin", "", "", "missing")
	}
	if in.Channel == "" {
		in.Channel = "api"
	}
	if !oneOf(in.Channel, Channels) {
		return nil, codedErr(FieldBadChannel, "channel", in.Channel, strings.Join(Channels, ", "),
			fmt.Sprintf("%q is not one of %s", in.Channel, strings.Join(Channels, ", ")))
	}
	if in.ScamType == "" {
		in.ScamType = "other"
	}
	if !oneOf(in.ScamType, ScamTypes) {
		return nil, codedErr(FieldBadScamType, "scam_type", in.ScamType, strings.Join(ScamTypes, ", "),
			fmt.Sprintf("%q is not one of %s", in.ScamType, strings.Join(ScamTypes, ", ")))
	}
	if in.TLP == "" {
		in.TLP = store.TLPGreen
	}
	in.TLP = strings.ToUpper(in.TLP)
	if !oneOf(in.TLP, TLPs) {
		return nil, codedErr(FieldBadTLP, "tlp", in.TLP, "CLEAR, GREEN, AMBER, AMBER+STRICT, RED",
			fmt.Sprintf("%q is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)", in.TLP))
	}
	if len(in.Narrative) > MaxNarrative {
		return nil, codedErr(FieldTooLong, "narrative", "", strconv.Itoa(MaxNarrative), fmt.Sprintf("longer than %d bytes", MaxNarrative))
	}
	if !utf8.ValidString(in.Narrative) {
		return nil, codedErr(FieldBadUTF8, "narrative", "", "", "not valid UTF-8")
	}
	if in.VictimCountry != "" {
		in.VictimCountry = strings.ToUpper(in.VictimCountry)
		if len(in.VictimCountry) != 2 || strings.Trim(in.VictimCountry, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return nil, codedErr(FieldBadCountry, "victim_country", in.VictimCountry, "",
				fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 code", in.VictimCountry))
		}
	}
	for i, l := range in.Losses {
		if l.AmountMinor < 0 {
			return nil, codedErr(FieldNegative, "loss_amount", "", "", "negative amount")
		}
		if len(l.Currency) < 3 || len(l.Currency) > 5 {
			return nil, codedErr(FieldBadCurrency, "loss_currency", l.Currency, "", fmt.Sprintf("%q is not a currency code", l.Currency))
		}
		in.Losses[i].Currency = strings.ToUpper(l.Currency)
	}
	if len(in.Selectors) > MaxSelectors {
		return nil, codedErr(FieldTooMany, "selectors", "", strconv.Itoa(MaxSelectors), fmt.Sprintf("more than %d selectors", MaxSelectors))
	}
	now := s.cfg.Now().UTC()
	if in.ReceivedAt.IsZero() {
		in.ReceivedAt = now
	}
	r := &store.Report{
		Origin:        in.Origin,
		ExternalRef:   in.ExternalRef,
		Channel:       in.Channel,
		ReceivedAt:    in.ReceivedAt.UTC(),
		OccurredAt:    in.OccurredAt.UTC(),
		ScamType:      in.ScamType,
		Narrative:     in.Narrative,
		VictimRef:     in.VictimRef,
		VictimCountry: in.VictimCountry,
		TLP:           in.TLP,
		Losses:        in.Losses,
		CreatedAt:     now,
		CreatedBy:     in.CreatedBy,
		Recipients:    in.Recipients,
		PAP:           in.PAP,
		LegalBasis:    in.LegalBasis,
		Purpose:       in.Purpose,
	}
	if r.TLP == store.TLPRed && len(r.Recipients) == 0 && r.CreatedBy == "" {
		return nil, codedErr(FieldRedNoRecipients, "tlp", "", "", "a RED report is for named recipients: give them, or mark it AMBER+STRICT")
	}
	if in.OccurredAt.IsZero() {
		r.OccurredAt = time.Time{}
	}
	opts := selector.Options{Region: in.VictimCountry}
	// Room for the fields' selectors and one more from the narrative
	// (which mostly names those again): a link is 176 bytes to copy at
	// each growth. Without fields, nil as before (the JSON says null).
	if len(in.Selectors) > 0 {
		r.Selectors = make([]store.ReportSelector, 0, len(in.Selectors)+1)
	}
	// A selector is linked once per role. Its ID is a function of its kind
	// and value, so those are compared, and the ID is minted only for a
	// new link; a map takes over from the scan past a few dozen links (a
	// long narrative).
	var seen map[[3]string]bool
	add := func(sel selector.Selector, role, source, raw string) {
		if seen == nil {
			for i := range r.Selectors {
				if x := &r.Selectors[i]; x.Value == sel.Value && x.Kind == string(sel.Kind) && x.Role == role {
					return
				}
			}
			if len(r.Selectors) >= 32 {
				seen = make(map[[3]string]bool, 2*len(r.Selectors))
				for _, x := range r.Selectors {
					seen[[3]string{x.Kind, x.Value, x.Role}] = true
				}
			}
		}
		if seen != nil {
			key := [3]string{string(sel.Kind), sel.Value, role}
			if seen[key] {
				return
			}
			seen[key] = true
		}
		r.Selectors = append(r.Selectors, store.ReportSelector{
			SelectorID: sel.ID().String(), Kind: string(sel.Kind), Value: sel.Value, Display: sel.Display,
			Region: sel.Region, Subtype: sel.Subtype, Role: role, Source: source, Raw: raw,
		})
	}
	for _, si := range in.Selectors {
		var (
			sel selector.Selector
			err error
		)
		if si.Kind != "" {
			k, kerr := selector.ParseKindName(si.Kind)
			if kerr != nil {
				return nil, codedErr(FieldBadKind, "selectors", si.Kind, strings.Join(kindNames(), ", "), kerr.Error())
			}
			sel, err = s.norm.ParseAs(k, si.Value, opts)
		} else {
			sel, err = s.norm.Parse(si.Value, opts)
		}
		if err != nil {
			var se *selector.Error
			if opts.Region == "" && errors.As(err, &se) && (se.Code == selector.CodeUnrecognised || se.Code == selector.CodePhoneNoRegion) {
				// A national number, and the report names no victim
				// country to read it in: say so, not that it is
				// nothing at all.
				if readings := s.NationalReadings(si.Value); len(readings) > 0 {
					err = nationalError(si.Value, readings, "give victim_country")
				}
			}
			return nil, selectorErr(si.Value, err)
		}
		role := si.Role
		if role == "" {
			role = "mentioned"
		}
		add(sel, role, "field", si.Value)
	}
	for _, m := range selector.Extract(in.Narrative, selector.Hints{Region: in.VictimCountry, Normalizer: s.norm}) {
		add(m.Selector, "mentioned", "narrative", m.Raw)
	}
	return r, nil
}

// Number gives a prepared report its ID, after every report numbered
// before it.
func (s *Service) Number(r *store.Report) { r.ID = s.newID() }

// PublicOrigin is the origin of reports the public files through the web
// form; they are marked GREEN, for the organisations on this server.
const PublicOrigin = "public"

// CreateReport prepares and stores one report (with its reporter's contact,
// kept apart) and links it into the networks. The origin is p's
// organisation and the creator p; the public's reports come from
// PublicOrigin, marked GREEN.
func (s *Service) CreateReport(ctx context.Context, p trust.Principal, in *ReportInput) (*store.Report, bool, error) {
	if !p.Can(auth.ActionCreateReport) {
		return nil, false, trust.ErrForbidden
	}
	switch {
	case p.IsOperator():
	case p.UserID == "" || p.Role == auth.RolePublic:
		in.Origin, in.TLP, in.Channel, in.Recipients = PublicOrigin, store.TLPGreen, "web", nil
	default:
		in.Origin, in.CreatedBy = p.Org, p.UserID
	}
	if err := s.ResolveRecipients(ctx, in); err != nil {
		return nil, false, err
	}
	r, err := s.Prepare(in)
	if err != nil {
		return nil, false, err
	}
	var contacts []*store.Contact
	if in.Contact != nil {
		c := *in.Contact
		contacts = []*store.Contact{&c}
	}
	res, err := s.Submit(ctx, p, []*store.Report{r}, contacts)
	if err != nil {
		return nil, false, err
	}
	if !res.Inserted[0] {
		// Already stored under the same origin and reference: answer with
		// it, when p may read it. A colleague's RED report is no more
		// p's to see for sharing its reference: p learns that the
		// reference is taken, nothing of the report.
		old, err := s.st.GetReportByRef(ctx, r.Origin, r.ExternalRef)
		if err != nil {
			return nil, false, err
		}
		if !s.mayRead(p, old) {
			if err := s.audit(ctx, p, "read", "report", old.ID, "deny"); err != nil {
				return nil, false, err
			}
			return nil, false, ErrRefTaken
		}
		return old, false, nil
	}
	return r, true, nil
}

// ErrRefTaken refuses a report whose origin and external_ref a stored
// report has that the filer may not read.
var ErrRefTaken = fmt.Errorf("external_ref: a report of your organisation that you may not read has this reference; give another: %w", store.ErrConflict)

// ResolveRecipients turns the e-mail addresses of a RED report's
// recipients into user IDs; an address of nobody here is an error.
func (s *Service) ResolveRecipients(ctx context.Context, in *ReportInput) error {
	for _, e := range in.RecipientEmails {
		u, err := s.st.GetUserByEmail(ctx, e)
		if errors.Is(err, store.ErrNotFound) {
			return codedErr(FieldUnknownRecipient, "recipients", e, "", fmt.Sprintf("no user %s on this server", e))
		}
		if err != nil {
			return err
		}
		in.Recipients = append(in.Recipients, u.ID)
	}
	in.RecipientEmails = nil
	return nil
}
