package screen

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Rate is how many US dollars one unit of a currency buys.
type Rate struct {
	Currency string
	PerUnit  float64
	Note     string
}

// RoleRange is the usual monthly pay for a job in a country, in US dollars.
type RoleRange struct {
	Role    string // "customer_service", or "*" for any job
	Country string // ISO 3166-1 alpha-2, or "*" for anywhere
	Min     float64
	Max     float64
	Note    string
}

// readTSV calls fn for each data line (not blank, not '#') split on tabs.
func readTSV(name string, r io.Reader, fn func(line int, cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxRuleLine+1)
	line := 0
	for sc.Scan() {
		line++
		if line > maxRuleLines {
			return &RuleError{File: name, Line: line, Msg: fmt.Sprintf("more than %d lines", maxRuleLines)}
		}
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		if err := fn(line, strings.Split(s, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// ParseRates reads rates.tsv: currency, US dollars per unit, note.
func ParseRates(name string, r io.Reader) (map[string]Rate, error) {
	rates := map[string]Rate{}
	err := readTSV(name, r, func(line int, cols []string) error {
		if len(cols) < 2 {
			return &RuleError{File: name, Line: line, Msg: "want currency<TAB>usd_per_unit[<TAB>note]"}
		}
		cur := strings.TrimSpace(cols[0])
		if len(cur) != 3 || strings.ToUpper(cur) != cur {
			return &RuleError{File: name, Line: line, Field: "currency", Msg: fmt.Sprintf("%q is not an ISO 4217 code", cur)}
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(cols[1]), 64)
		if err != nil || !(v > 0) || v > 1e6 {
			return &RuleError{File: name, Line: line, Field: "usd_per_unit", Msg: fmt.Sprintf("%q is not a positive number", cols[1])}
		}
		if _, dup := rates[cur]; dup {
			return &RuleError{File: name, Line: line, Field: "currency", Msg: cur + " is given twice"}
		}
		note := ""
		if len(cols) > 2 {
			note = strings.TrimSpace(cols[2])
		}
		rates[cur] = Rate{Currency: cur, PerUnit: v, Note: note}
		return nil
	})
	return rates, err
}

// ParseRoles reads roles.tsv: role, country, min and max monthly US dollars, note.
func ParseRoles(name string, r io.Reader) ([]RoleRange, error) {
	var roles []RoleRange
	seen := map[string]int{}
	err := readTSV(name, r, func(line int, cols []string) error {
		if len(cols) < 4 {
			return &RuleError{File: name, Line: line, Msg: "want role<TAB>country<TAB>min_usd<TAB>max_usd[<TAB>note]"}
		}
		role, country := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		if role != "*" && !reID.MatchString(role) {
			return &RuleError{File: name, Line: line, Field: "role", Msg: fmt.Sprintf("%q is not a role id", role)}
		}
		if !reCountry.MatchString(country) {
			return &RuleError{File: name, Line: line, Field: "country", Msg: fmt.Sprintf("%q is not a country code or *", country)}
		}
		lo, err1 := strconv.ParseFloat(strings.TrimSpace(cols[2]), 64)
		hi, err2 := strconv.ParseFloat(strings.TrimSpace(cols[3]), 64)
		if err1 != nil || err2 != nil || !(lo > 0) || !(hi >= lo) || hi > 1e6 {
			return &RuleError{File: name, Line: line, Field: "min_usd", Msg: "want 0 < min_usd <= max_usd"}
		}
		key := role + "/" + country
		if l, dup := seen[key]; dup {
			return &RuleError{File: name, Line: line, Field: "role", Msg: fmt.Sprintf("%s in %s is already given on line %d", role, country, l)}
		}
		seen[key] = line
		note := ""
		if len(cols) > 4 {
			note = strings.TrimSpace(cols[4])
		}
		roles = append(roles, RoleRange{Role: role, Country: country, Min: lo, Max: hi, Note: note})
		return nil
	})
	return roles, err
}

// payRange finds the usual pay for a role in a country, falling back to
// any role in the country, then the role anywhere, then anything anywhere.
func (rs *Ruleset) payRange(role, country string) (RoleRange, bool) {
	for _, k := range [][2]string{{role, country}, {"*", country}, {role, "*"}, {"*", "*"}} {
		for _, r := range rs.Roles {
			if r.Role == k[0] && r.Country == k[1] {
				return r, true
			}
		}
	}
	return RoleRange{}, false
}

// toUSD converts an amount to US dollars; ok is false for an unknown currency.
func (rs *Ruleset) toUSD(v float64, currency string) (float64, bool) {
	r, ok := rs.Rates[currency]
	if !ok {
		return 0, false
	}
	return v * r.PerUnit, true
}
