package casework

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// HTCDS export: victim cases under the field names of the Human
// Trafficking Case Data Standard 2.0 (the prs_, vic_ and cas_ names of its
// survey form, and the MethodsOfControl* booleans of its field
// definitions), one JSON object per person whose current screening found
// them a possible or actual victim.

var htcdsStatus = map[string]string{
	"possible": "PossibleVictimOfTrafficking",
	"actual":   "ActualVictimOfTrafficking",
	"not":      "NotAVictimOfTrafficking",
}

var htcdsRecruitment = map[string]string{
	"online_ad":    "ThroughAnOnlineAdvertisement",
	"social_media": "ThroughOnlineSocialNetworks",
	"messenger":    "ThroughOnlineSocialNetworks",
	"friend":       "ThroughFriendsOrSocialEvents",
	"family":       "ThroughFamilyOrFamilyEvents",
	"agency":       "AtAPlaceOfBusiness",
	"other":        "Other",
}

var htcdsGender = map[string]string{"M": "Masculine", "F": "Feminine", "X": "NonSpecifiedUnknown", "": "NonSpecifiedUnknown"}

// htcdsDeciders maps an organisation's kind to HTCDS's decision-making
// organisation.
var htcdsDeciders = map[string]string{
	"police":     "Police",
	"ngo":        "NGO",
	"prosecutor": "CourtOrProsecution",
	"embassy":    "NonPoliceGovernmentalOrganization",
}

// ExportHTCDS calls fn with each victim case as an HTCDS record (keys are
// HTCDS field names), by person ID. Only those who may both export and
// read screenings may (auth.ActionExport and auth.ActionReadScreening);
// the export is audited.
func (s *Service) ExportHTCDS(ctx context.Context, p trust.Principal, fn func(map[string]any) error) (int, error) {
	if !mayReadAny(p, auth.ActionExport) || !mayReadAny(p, auth.ActionReadScreening) {
		return 0, trust.ErrForbidden
	}
	var screenings []*store.Screening
	err := s.st.CurrentScreenings(ctx, func(sc *store.Screening) error {
		if (sc.Status == "possible" || sc.Status == "actual") && mayRead(p, auth.ActionReadScreening, screeningMarking(sc)) {
			screenings = append(screenings, sc)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	// The records are made before any leaves, so that the audit entry,
	// written first, says how many leave and their most restrictive label
	// (of the person and of the screening).
	var recs []map[string]any
	highest := 0
	for _, sc := range screenings {
		person, err := s.st.GetPerson(ctx, sc.PersonID)
		if err != nil {
			return 0, err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			continue
		}
		rec, err := s.htcdsRecord(ctx, person, sc)
		if err != nil {
			return 0, err
		}
		recs = append(recs, rec)
		highest = max(highest, slices.Index(TLPs, person.TLP), slices.Index(TLPs, sc.TLP))
	}
	what := fmt.Sprintf("%d victim cases as HTCDS", len(recs))
	if len(recs) == 1 {
		what = "1 victim case as HTCDS"
	}
	if len(recs) > 0 {
		what += ", up to TLP:" + TLPs[highest]
	}
	if err := s.audit(ctx, p, "export", "htcds", what, "allow"); err != nil {
		return 0, err
	}
	for i, rec := range recs {
		if err := fn(rec); err != nil {
			return i, err
		}
	}
	return len(recs), nil
}

func (s *Service) htcdsRecord(ctx context.Context, person *store.Person, sc *store.Screening) (map[string]any, error) {
	family, given := splitLatin(person)
	rec := map[string]any{
		"prs_First_Name":                         given,
		"prs_Second_Name":                        family,
		"prs_Birthdate":                          person.DOB,
		"prs_Gender":                             htcdsGender[person.Sex],
		"vic_TraffickingStatus":                  htcdsStatus[sc.Status],
		"vic_TraffickingStatusDecisionMakingOrg": "Other",
		"vic_TypeOfExploitation":                 "ForcedLabour",
		"cas_Status":                             "Active",
		"cas_ReferringOrganisation":              person.Origin,
	}
	if len(person.Nationalities) > 0 {
		rec["prs_Citizenship"] = person.Nationalities[0]
	}
	if m, ok := htcdsRecruitment[sc.Recruitment.Channel]; ok {
		rec["vic_MethodOfRecruitment"] = m
	}
	if org, err := s.st.GetOrg(ctx, sc.DecidingOrg); err == nil {
		if d, ok := htcdsDeciders[org.Kind]; ok {
			rec["vic_TraffickingStatusDecisionMakingOrg"] = d
		}
	}
	found := map[string]bool{}
	var methods []string
	for _, c := range sc.Control {
		found[c.Code] = true
		methods = append(methods, c.Code)
	}
	for _, m := range MethodsOfControl {
		rec[m] = found[m]
	}
	rec["vic_Methods_of_Control"] = methods
	if sc.CompoundID != "" {
		if c, err := s.st.GetCompound(ctx, sc.CompoundID); err == nil && len(c.Names) > 0 {
			rec["vic_LocationOfExploitation"] = strings.Join([]string{c.Names[0], c.Province, c.Country}, ", ")
		}
	}
	cases, err := s.st.ListCases(ctx, store.CaseFilter{PersonID: person.ID})
	if err != nil {
		return nil, err
	}
	if len(cases) > 0 {
		if last := cases[len(cases)-1]; State(last.State) == Closed {
			rec["cas_Status"] = "Closed"
		}
	}
	return rec, nil
}

// splitLatin is the family and given name in Latin letters: the passport
// spelling's parts, else its first word as the family name (the order of
// Korean and Cambodian passports' name lines).
func splitLatin(p *store.Person) (family, given string) {
	for _, n := range p.Names {
		if n.Kind != "passport" && n.Script != "Latn" {
			continue
		}
		if n.Family != "" || n.Given != "" {
			return n.Family, n.Given
		}
		f, g, _ := strings.Cut(strings.TrimSpace(n.Text), " ")
		return f, strings.TrimSpace(g)
	}
	return "", ""
}
