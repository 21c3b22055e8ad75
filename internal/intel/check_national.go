package intel

import (
	"strings"

	"counterscam/internal/selector"
)

// CheckRegions are the countries whose national phone numbers ("010-...",
// "012 ...") the check reads when it is told the country, and tries when
// it is not (NationalReadings): the partner countries and their
// neighbours where the compounds are.
var CheckRegions = []string{"KR", "KH", "TH", "VN", "CN", "LA", "MM", "PH"}

// NationalReadings returns query read as a national phone number of each
// of CheckRegions where it is a valid one, in that order: what someone who
// typed a number without its country code may have meant. None for a
// value that is no such number, or one that has its country code.
func (s *Service) NationalReadings(query string) []selector.Selector {
	q := strings.TrimSpace(query)
	if q == "" || strings.HasPrefix(q, "+") {
		return nil
	}
	var out []selector.Selector
	for _, region := range CheckRegions {
		sel, err := s.norm.ParseAs(selector.Phone, q, selector.Options{Region: region})
		if err == nil && sel.Region == region {
			out = append(out, sel)
		}
	}
	return out
}

// explainNational rewrites the reason of an invalid answer whose value is a
// national phone number given without its country: which countries it may
// be from, and how to say which.
func (s *Service) explainNational(r *CheckResult, region string) {
	if region != "" {
		return
	}
	readings := s.NationalReadings(r.Query)
	if len(readings) == 0 {
		return
	}
	r.Problem = nationalError(r.Query, readings, "send its country in region")
	r.Reason, r.Code, r.Advice = r.Problem.Reason, r.Problem.Code, adviceNational
}

// nationalError is the error of query, a national phone number of each
// country of readings given without its country: which countries, and
// what to do (fix).
func nationalError(query string, readings []selector.Selector, fix string) *selector.Error {
	var b strings.Builder
	b.WriteString("a phone number without its country code; it is a valid number in ")
	regions := make([]string, len(readings))
	for i, sel := range readings {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString(sel.Region)
		b.WriteString(" (")
		b.WriteString(sel.Display)
		b.WriteString(")")
		regions[i] = sel.Region
	}
	b.WriteString(": " + fix + ", or write it with the country code")
	return &selector.Error{Kind: selector.Phone, Input: query, Reason: b.String(), Code: selector.CodePhoneNoRegion, Accepted: strings.Join(regions, ", ")}
}

// adviceNational is the advice for a phone number given without its
// country code: the general advice for an invalid value would say it is no
// phone number.
const adviceNational = "This looks like a phone number written without its country code. Say which country it is from, or write it with the country code (+82 for South Korea, +855 for Cambodia)."
