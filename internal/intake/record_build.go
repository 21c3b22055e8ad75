package intake

import (
	"fmt"
	"strconv"
	"strings"

	"counterscam/internal/store"
)

// rawRow is one record's values as read, before any check.
type rawRow struct {
	val    [numFields]string
	has    [numFields]bool
	sels   []RawSelector
	losses []rawLoss // from a JSON losses array
}

// rawLoss is a loss as read: amount in the major unit, or minor in the
// minor unit (counterscam's export), and its currency.
type rawLoss struct{ amount, minor, currency string }

func (r *rawRow) reset() {
	*r = rawRow{sels: r.sels[:0], losses: r.losses[:0]}
}

// builder turns raw rows into checked records.
type builder struct {
	file string
	m    *Mapping
}

// value returns field f of row, checked for encoding and length, trimmed,
// translated by the mapping and defaulted; or why it is bad.
func (b *builder) value(row *rawRow, f fieldID) (string, *RowError) {
	s := row.val[f]
	if row.has[f] && s != "" {
		if e := checkTextCode(s, f == fNarrative); e != nil {
			return "", e
		}
		s = strings.TrimSpace(s)
	}
	if b.m != nil {
		if tr, ok := b.m.Values[f.String()][s]; ok && s != "" {
			s = tr
		}
		if s == "" {
			s = strings.TrimSpace(b.m.Defaults[f.String()])
		}
	}
	if len(s) > maxLen[f] {
		return "", &RowError{Code: RowFieldTooLong, Accepted: strconv.Itoa(maxLen[f]),
			Reason: fmt.Sprintf("is longer than %d bytes", maxLen[f])}
	}
	return s, nil
}

// build checks row and makes a record of it. Problems are reported in
// layout order, the first one only.
func (b *builder) build(row *rawRow, line int) (*Record, *RowError) {
	failed := func(f fieldID, e *RowError) (*Record, *RowError) {
		e.File, e.Line, e.Field = b.file, line, f.String()
		return nil, e
	}
	var v [numFields]string
	for f := fieldID(0); f < numFields; f++ {
		if f == fSelectors || f == fLosses {
			continue
		}
		s, e := b.value(row, f)
		if e == nil && s != "" {
			s, e = b.norm(f, s)
		}
		if e != nil {
			return failed(f, e)
		}
		v[f] = s
	}
	for _, f := range requiredFields {
		if v[f] == "" {
			return failed(f, &RowError{Code: RowMissing, Reason: "is missing"})
		}
	}
	rec := &Record{
		File:          b.file,
		Line:          line,
		ExternalRef:   v[fExternalRef],
		Origin:        v[fOrigin],
		Channel:       v[fChannel],
		ScamType:      v[fScamType],
		Narrative:     v[fNarrative],
		VictimRef:     v[fVictimRef],
		VictimCountry: v[fVictimCountry],
		TLP:           v[fTLP],
		LegalBasis:    v[fLegalBasis],
		Purpose:       v[fPurpose],
		PAP:           v[fPAP],
	}
	if v[fRecipients] != "" {
		rec.Recipients = strings.Split(v[fRecipients], ";")
	}
	if rec.Channel == "" {
		rec.Channel = "import"
	}
	if rec.TLP == "" {
		rec.TLP = DefaultTLP
	}
	rec.ReceivedAt, _ = b.parseTime(v[fReceivedAt], false)
	if v[fOccurredAt] != "" {
		rec.OccurredAt, _ = b.parseTime(v[fOccurredAt], true)
		if rec.OccurredAt.After(rec.ReceivedAt) {
			return failed(fOccurredAt, &RowError{Code: RowOccurredLate, Value: v[fOccurredAt],
				Reason: fmt.Sprintf("%s is after received_at", quote(v[fOccurredAt]))})
		}
	}

	// Losses: the loss_amount/loss_currency pair, then a JSON losses array.
	// A default currency alone does not make a loss.
	if v[fLossAmount] == "" && strings.TrimSpace(row.val[fLossCurrency]) == "" {
		v[fLossCurrency] = ""
	}
	if v[fLossAmount] != "" || v[fLossCurrency] != "" {
		switch {
		case v[fLossCurrency] == "":
			return failed(fLossCurrency, &RowError{Code: RowNeedsCurrency, Reason: "is missing: loss_amount needs a currency"})
		case v[fLossAmount] == "":
			return failed(fLossAmount, &RowError{Code: RowNeedsAmount, Reason: "is missing: loss_currency needs an amount"})
		}
		exp, _ := CurrencyExponent(v[fLossCurrency])
		n, code, reason := parseAmount(v[fLossAmount], v[fLossCurrency], exp, b.thousands())
		if reason != "" {
			e := &RowError{Code: code, Value: v[fLossAmount], Reason: reason}
			if code == RowTooManyDecimals {
				e.Accepted = strconv.Itoa(exp)
			}
			return failed(fLossAmount, e)
		}
		rec.Losses = append(rec.Losses, store.Loss{AmountMinor: n, Currency: v[fLossCurrency]})
	}
	for i, l := range row.losses {
		loss, e := b.loss(l, i)
		if e != nil {
			e.Reason = fmt.Sprintf("[%d]: %s", i, e.Reason)
			return failed(fLosses, e)
		}
		rec.Losses = append(rec.Losses, loss)
	}
	if len(rec.Losses) > MaxLosses {
		return failed(fLosses, &RowError{Code: RowTooManyLosses, Accepted: strconv.Itoa(MaxLosses),
			Reason: fmt.Sprintf("a record has at most %d losses", MaxLosses)})
	}

	sels, e := b.selectors(row.sels)
	if e != nil {
		return failed(fSelectors, e)
	}
	rec.Selectors = sels

	if v[fContactName] != "" || v[fContactEmail] != "" || v[fContactPhone] != "" {
		rec.Contact = &store.Contact{
			Name:    v[fContactName],
			Email:   v[fContactEmail],
			Phone:   v[fContactPhone],
			Consent: v[fContactConsent] == "true",
		}
	}
	return rec, nil
}

// loss checks element i of a JSON losses array.
func (b *builder) loss(l rawLoss, i int) (store.Loss, *RowError) {
	amount, cur := strings.TrimSpace(l.amount), strings.ToUpper(strings.TrimSpace(l.currency))
	minor := strings.TrimSpace(l.minor)
	if e := checkTextCode(amount+minor+cur, false); e != nil {
		return store.Loss{}, e
	}
	if minor != "" {
		amount = minor
	}
	if amount == "" || cur == "" {
		return store.Loss{}, &RowError{Code: RowLossIncomplete, Value: strconv.Itoa(i + 1), Reason: "needs both amount and currency"}
	}
	exp, ok := CurrencyExponent(cur)
	if !ok {
		return store.Loss{}, &RowError{Code: RowBadCurrency, Value: cur, Accepted: currencyExamples,
			Reason: fmt.Sprintf("currency %s is not an ISO 4217 code (or USDT, USDC, BTC, ETH, TRX)", quote(cur))}
	}
	if minor != "" {
		// Given in the minor unit (as counterscam exports it): a whole
		// number, read as one with no decimals.
		if !allDigits(minor) {
			return store.Loss{}, &RowError{Code: RowBadAmount, Value: minor,
				Reason: fmt.Sprintf("amount_minor %s is not a whole number of minor units", quote(minor))}
		}
		n, code, reason := parseAmount(minor, cur, 0, "")
		if reason != "" {
			return store.Loss{}, &RowError{Code: code, Value: minor, Reason: "amount_minor " + reason}
		}
		return store.Loss{AmountMinor: n, Currency: cur}, nil
	}
	n, code, reason := parseAmount(amount, cur, exp, b.thousands())
	if reason != "" {
		e := &RowError{Code: code, Value: amount, Reason: "amount " + reason}
		if code == RowTooManyDecimals {
			e.Accepted = strconv.Itoa(exp)
		}
		return store.Loss{}, e
	}
	return store.Loss{AmountMinor: n, Currency: cur}, nil
}

// selectors checks raw selectors and drops empty values and repeats.
func (b *builder) selectors(in []RawSelector) ([]RawSelector, *RowError) {
	var out []RawSelector
	seen := map[RawSelector]bool{}
	for i, s := range in {
		if e := checkTextCode(s.Value+s.Role+s.Kind, false); e != nil {
			e.Reason = fmt.Sprintf("value %d %s", i+1, e.Reason)
			if e.Code == RowControlChar {
				// The selector's number and the character; the
				// value itself is personal.
				e.Code, e.Value, e.Accepted = RowSelectorControl, strconv.Itoa(i+1), e.Value
			}
			return nil, e
		}
		s.Value = strings.TrimSpace(s.Value)
		s.Kind = strings.ToLower(strings.TrimSpace(s.Kind))
		s.Role = strings.ToLower(strings.TrimSpace(s.Role))
		if s.Value == "" {
			continue
		}
		if len(s.Value) > MaxSelectorBytes {
			return nil, &RowError{Code: RowSelectorTooLong, Value: strconv.Itoa(i + 1), Accepted: strconv.Itoa(MaxSelectorBytes),
				Reason: fmt.Sprintf("value %d is longer than %d bytes", i+1, MaxSelectorBytes)}
		}
		if e := checkKindRole(s.Kind, s.Role); e != nil {
			e.Reason = fmt.Sprintf("value %d: %s", i+1, e.Reason)
			return nil, e
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) > MaxSelectors {
			return nil, &RowError{Code: RowTooManySelectors, Accepted: strconv.Itoa(MaxSelectors),
				Reason: fmt.Sprintf("a record has at most %d selectors", MaxSelectors)}
		}
	}
	return out, nil
}

// splitSelectors appends the values of a selectors cell to row.
func (row *rawRow) splitSelectors(cell, sep, kind, role string) {
	if strings.TrimSpace(cell) == "" {
		return
	}
	for v := range strings.SplitSeq(cell, sep) {
		row.sels = append(row.sels, RawSelector{Value: v, Kind: kind, Role: role})
	}
}
