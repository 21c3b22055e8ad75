package intake

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestRowCodes: each kind of problem with a record that has a code says
// it, with its line, field, value and what is accepted, and still says it
// in English as before.
func TestRowCodes(t *testing.T) {
	const hdr = "external_ref,origin,received_at,scam_type,loss_amount,loss_currency,narrative\n"
	times := "2025-03-01T14:30:00+09:00, 2025-03-01"
	var many []string
	for i := range MaxSelectors + 1 {
		many = append(many, "user"+strconv.Itoa(i)+"@example.org")
	}
	manySelectors := strings.Join(many, ";")
	cases := []struct {
		name   string
		format Format
		max    int
		input  string
		want   RowError
	}{
		{"missing", CSV, 0, hdr + "R1,,2025-01-01T00:00:00Z,romance,,,\n",
			RowError{Line: 2, Field: "origin", Code: RowMissing, Reason: "is missing"}},
		{"no column", CSV, 0, "external_ref,origin,received_at\nR1,KNPA,2025-01-01T00:00:00Z\n",
			RowError{Line: 1, Field: "scam_type", Code: RowNoColumn}},
		{"unknown column", CSV, 0, "external_ref,origin,received_at,scam_type,colour\n",
			RowError{Line: 1, Field: "colour", Code: RowUnknownColumn, Accepted: strings.Join(Columns, ", ")}},
		{"field count", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance\n",
			RowError{Line: 2, Code: RowFieldCount, Value: "4", Accepted: "7", Reason: "has 4 fields; the header has 7"}},
		{"bad time", CSV, 0, hdr + "R1,KNPA,yesterday,romance,,,\n",
			RowError{Line: 2, Field: "received_at", Code: RowBadTime, Value: "yesterday", Accepted: "2025-03-01T14:30:00+09:00"}},
		{"bad date", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","occurred_at":"last week"}` + "\n",
			RowError{Line: 1, Field: "occurred_at", Code: RowBadTime, Value: "last week", Accepted: times}},
		{"time range", CSV, 0, hdr + "R1,KNPA,1900-01-01T00:00:00Z,romance,,,\n",
			RowError{Line: 2, Field: "received_at", Code: RowTimeRange, Value: "1900-01-01T00:00:00Z"}},
		{"occurred late", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","occurred_at":"2025-02-01"}` + "\n",
			RowError{Line: 1, Field: "occurred_at", Code: RowOccurredLate, Value: "2025-02-01"}},
		{"bad amount", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,12.3.4,USD,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowBadAmount, Value: "12.3.4"}},
		{"negative", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,-5,USD,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowNegative, Value: "-5", Reason: "'-5' is negative"}},
		{"bad currency", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,5,dollars,\n",
			RowError{Line: 2, Field: "loss_currency", Code: RowBadCurrency, Value: "dollars", Accepted: "KRW, USD, THB, KHR, USDT, USDC, BTC, ETH, TRX"}},
		{"needs currency", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,5,,\n",
			RowError{Line: 2, Field: "loss_currency", Code: RowNeedsCurrency, Reason: "is missing: loss_amount needs a currency"}},
		{"needs amount", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,,USD,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowNeedsAmount, Reason: "is missing: loss_currency needs an amount"}},
		{"utf8", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,,,caf\xe9\n",
			RowError{Line: 2, Field: "narrative", Code: RowBadUTF8}},
		{"json utf8", JSONL, 0, "{\"external_ref\":\"R\xff\"}\n",
			RowError{Line: 1, Field: "external_ref", Code: RowBadUTF8, Reason: "is not valid UTF-8"}},
		{"control", CSV, 0, hdr + "R1,KNPA\x01,2025-01-01T00:00:00Z,romance,,,\n",
			RowError{Line: 2, Field: "origin", Code: RowControlChar, Value: "U+0001", Reason: "holds the control character U+0001"}},
		{"field too long", CSV, 0, hdr + "R1," + strings.Repeat("K", maxLen[fOrigin]+1) + ",2025-01-01T00:00:00Z,romance,,,\n",
			RowError{Line: 2, Field: "origin", Code: RowFieldTooLong, Accepted: "128", Reason: "is longer than 128 bytes"}},
		{"scam type", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,lottery,,,\n",
			RowError{Line: 2, Field: "scam_type", Code: RowBadScamType, Value: "lottery", Accepted: strings.Join(ScamTypes, ", ")}},
		{"country", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","victim_country":"Korea"}` + "\n",
			RowError{Line: 1, Field: "victim_country", Code: RowBadCountry, Value: "Korea"}},
		{"tlp", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","tlp":"purple"}` + "\n",
			RowError{Line: 1, Field: "tlp", Code: RowBadTLP, Value: "purple", Accepted: "CLEAR, GREEN, AMBER, AMBER+STRICT, RED"}},
		{"channel", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","channel":"pigeon"}` + "\n",
			RowError{Line: 1, Field: "channel", Code: RowBadChannel, Value: "pigeon", Accepted: strings.Join(Channels, ", ")}},
		{"unknown key", JSONL, 0, `{"external_ref":"R1","colour":"red"}` + "\n",
			RowError{Line: 1, Field: "colour", Code: RowUnknownKey, Accepted: strings.Join(Columns, ", ")}},
		{"csv too long", CSV, 100, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,,," + strings.Repeat("n", 120) + "\n",
			RowError{Line: 2, Code: RowTooLong, Accepted: "100 bytes", Reason: "record longer than 100 bytes"}},
		{"jsonl too long", JSONL, 100, `{"narrative":"` + strings.Repeat("n", 120) + `"}` + "\n",
			RowError{Line: 1, Code: RowTooLong, Accepted: "100 bytes", Reason: "line longer than 100 bytes"}},
		{"json array too long", JSONL, 100, `[{"narrative":"` + strings.Repeat("n", 120) + `"}]`,
			RowError{Line: 1, Code: RowTooLong, Accepted: "100 bytes", Reason: "array element longer than 100 bytes"}},
		{"unclosed quote", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,,,\"never closed\n",
			RowError{Line: 2, Code: RowUnclosedQuote, Value: "7", Reason: "the quoted field in column 7 is not closed before the end of the file"}},
		{"quote too long", CSV, 100, hdr + "R1,\"KNPA\n" + strings.Repeat("n\n", 60),
			RowError{Line: 2, Code: RowQuoteTooLong, Value: "2", Accepted: "100 bytes", Reason: "record longer than 100 bytes (is a closing quote missing in column 2?)"}},
		{"text after quote", CSV, 0, hdr + "R1,\"KNPA\"x,2025-01-01T00:00:00Z,romance,,,\n",
			RowError{Line: 2, Code: RowTextAfterQuote, Value: "2", Reason: "column 2: text after a closing quote (a quote inside a quoted field is written twice: \"\")"}},
		{"header quote", CSV, 0, "external_ref,\"origin\"s,received_at\n",
			RowError{Line: 1, Code: RowTextAfterQuote, Value: "2", Reason: "header: column 2: text after a closing quote (a quote inside a quoted field is written twice: \"\")"}},
		{"empty file", CSV, 0, "\n\n",
			RowError{Line: 1, Code: RowEmptyFile, Reason: "the file is empty (a CSV file starts with a header line)"}},
		{"header name", CSV, 0, "external_ref,orig\x01in\n",
			RowError{Line: 1, Field: "column 2", Code: RowControlChar, Value: "U+0001", Reason: "name holds the control character U+0001"}},
		{"unnamed value", CSV, 0, strings.TrimSuffix(hdr, "\n") + ",\nR1,KNPA,2025-01-01T00:00:00Z,romance,,,,note\n",
			RowError{Line: 2, Field: "column 8", Code: RowUnnamedValue, Reason: "the column has no name in the header but holds a value here"}},
		{"duplicate column", CSV, 0, "external_ref,origin,ORIGIN\n",
			RowError{Line: 1, Field: "ORIGIN", Code: RowDuplicateColumn, Value: "origin", Reason: "gives origin, as column 'origin' does already"}},
		{"losses in csv", CSV, 0, "external_ref,Verluste\n",
			RowError{Line: 1, Field: "Verluste", Code: RowLossesInCSV, Reason: "losses is for JSON only; a CSV file gives loss_amount and loss_currency"}},
		{"pap", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","pap":"AMBER+STRICT"}` + "\n",
			RowError{Line: 1, Field: "pap", Code: RowBadPAP, Value: "AMBER+STRICT", Accepted: "CLEAR, GREEN, AMBER, RED", Reason: "'AMBER+STRICT' is not a PAP label (CLEAR, GREEN, AMBER or RED)"}},
		{"consent", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","contact_consent":"maybe"}` + "\n",
			RowError{Line: 1, Field: "contact_consent", Code: RowBadBool, Value: "maybe", Accepted: "true/false, yes/no, y/n, 1/0", Reason: "'maybe' is not yes or no (true/false, yes/no, y/n, 1/0)"}},
		{"contact email", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","contact_email":"kim at example"}` + "\n",
			RowError{Line: 1, Field: "contact_email", Code: RowBadEmail, Reason: "is not an e-mail address"}},
		{"recipient", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","recipients":"a@example.org;nobody"}` + "\n",
			RowError{Line: 1, Field: "recipients", Code: RowBadEmail, Reason: "a recipient is not an e-mail address"}},
		{"contact phone", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","contact_phone":"12-34"}` + "\n",
			RowError{Line: 1, Field: "contact_phone", Code: RowBadPhone, Accepted: "5–17", Reason: "is not a phone number (it needs 5 to 17 digits)"}},
		{"decimals", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,10.505,USD,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowTooManyDecimals, Value: "10.505", Accepted: "2", Reason: "'10.505' has more than 2 decimals, the most USD has"}},
		{"no decimals", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,1000.5,KRW,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowTooManyDecimals, Value: "1000.5", Accepted: "0", Reason: "'1000.5' has decimals, but KRW has no minor unit"}},
		{"amount too large", CSV, 0, hdr + "R1,KNPA,2025-01-01T00:00:00Z,romance,99999999999999999999,USD,\n",
			RowError{Line: 2, Field: "loss_amount", Code: RowAmountTooLarge, Value: "99999999999999999999", Reason: "'99999999999999999999' is too large"}},
		{"selector too long", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":["+855 12 345 678","` + strings.Repeat("x", MaxSelectorBytes+1) + `"]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorTooLong, Value: "2", Accepted: strconv.Itoa(MaxSelectorBytes)}},
		{"too many selectors", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":"` + manySelectors + `"}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowTooManySelectors, Accepted: strconv.Itoa(MaxSelectors), Reason: "a record has at most " + strconv.Itoa(MaxSelectors) + " selectors"}},
		{"selector control", CSV, 0, "external_ref,origin,received_at,scam_type,selectors\nR1,KNPA,2025-01-01T00:00:00Z,romance,+855 12 345 678;+855 12\x01345 679\n",
			RowError{Line: 2, Field: "selectors", Code: RowSelectorControl, Value: "2", Accepted: "U+0001", Reason: "value 2 holds the control character U+0001"}},
		{"selector role control", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":[{"value":"+855 12 345 678","role":"paid\tto"}]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorControl, Value: "1", Accepted: "U+0009", Reason: "value 1 holds the control character U+0009"}},
		{"selector utf8", CSV, 0, "external_ref,origin,received_at,scam_type,selectors\nR1,KNPA,2025-01-01T00:00:00Z,romance,caf\xe9.example\n",
			RowError{Line: 2, Field: "selectors", Code: RowBadUTF8}},
		{"selector kind", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":["a.example",{"value":"+855 12 345 678","kind":"fone"}]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorKind, Value: "fone", Accepted: "phone, email, url, domain, ip, crypto, bank_account, card, handle",
				Reason: `value 2: unknown selector kind "fone" (one of phone, email, url, domain, ip, crypto, bank_account, card, handle)`}},
		{"selector role", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":[{"value":"+855 12 345 678","role":"paid-to"}]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorRole, Value: "paid-to", Accepted: "contacted_by, paid_to, recruited_via, website, mentioned",
				Reason: "value 1: role 'paid-to': use lower-case letters, digits and _ (contacted_by, paid_to, recruited_via, website, mentioned)"}},
		{"selector role too long", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","selectors":[{"value":"+855 12 345 678","role":"` + strings.Repeat("r", 33) + `"}]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorRole, Value: strings.Repeat("r", 33), Accepted: "contacted_by, paid_to, recruited_via, website, mentioned", Reason: "value 1: a role is at most 32 characters"}},
		{"json type", JSONL, 0, `{"external_ref":"R1","origin":{"name":"KNPA"}}` + "\n",
			RowError{Line: 1, Field: "origin", Code: RowJSONType, Reason: "must be a string, number or boolean"}},
		{"not json", JSONL, 0, `{"external_ref":"R1",}` + "\n",
			RowError{Line: 1, Code: RowNotJSON}},
		{"duplicate key", JSONL, 0, `{"external_ref":"R1","Origin":"KNPA","origin":"CNP"}` + "\n",
			RowError{Line: 1, Field: "origin", Code: RowDuplicateKey, Value: "Origin", Reason: "given by both 'Origin' and 'origin'"}},
		{"key twice", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","selectors":["+855 12 345 678"],"origin":"CNP"}` + "\n",
			RowError{Line: 1, Field: "origin", Code: RowDuplicateKey, Value: "origin", Reason: "'origin' is given twice"}},
		{"selectors twice", JSONL, 0, `{"external_ref":"R1","selectors":"@golden_job_kh","note":{"a":1,"b":":"},"selectors":"+855 12 345 678"}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowDuplicateKey, Value: "selectors", Reason: "'selectors' is given twice"}},
		{"selectors shape", JSONL, 0, `{"external_ref":"R1","selectors":{"phone":"+855 12 345 678"}}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorsShape}},
		{"selector shape", JSONL, 0, `{"external_ref":"R1","selectors":["+855 12 345 678",{"phone":"+855 12 345 679"}]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorShape, Value: "2", Reason: "[1] has the unknown key 'phone' (a selector object has value and optional role and kind)"}},
		{"selector number", JSONL, 0, `{"external_ref":"R1","selectors":[85512345678]}` + "\n",
			RowError{Line: 1, Field: "selectors", Code: RowSelectorShape, Value: "1"}},
		{"losses shape", JSONL, 0, `{"external_ref":"R1","losses":"500 USD"}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossesShape, Reason: "must be an array of {amount, currency} objects"}},
		{"loss shape", JSONL, 0, `{"external_ref":"R1","losses":[{"amount":5,"currency":"USD"},"500 USD"]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossShape, Value: "2", Reason: "[1] must be an object with amount and currency"}},
		{"loss key", JSONL, 0, `{"external_ref":"R1","losses":[{"amount":5,"curency":"USD"}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossShape, Value: "1", Reason: "[0] has the unknown key 'curency' (a loss has amount and currency)"}},
		{"loss amount shape", JSONL, 0, `{"external_ref":"R1","losses":[{"amount":[5],"currency":"USD"}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossShape, Value: "1", Reason: "[0]: amount must be a string, number or boolean"}},
		{"loss incomplete", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","losses":[{"amount":5,"currency":"USD"},{"amount":5}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossIncomplete, Value: "2", Reason: "[1]: needs both amount and currency"}},
		{"loss currency", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","losses":[{"amount":5,"currency":"dollars"}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowBadCurrency, Value: "DOLLARS", Accepted: "KRW, USD, THB, KHR, USDT, USDC, BTC, ETH, TRX", Reason: "[0]: currency 'DOLLARS' is not an ISO 4217 code (or USDT, USDC, BTC, ETH, TRX)"}},
		{"loss amount", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","losses":[{"amount":"1.505","currency":"USD"}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowTooManyDecimals, Value: "1.505", Accepted: "2"}},
		{"too many losses", JSONL, 0, `{"external_ref":"R1","origin":"KNPA","received_at":"2025-01-01T00:00:00Z","scam_type":"romance","losses":[` + strings.Repeat(`{"amount":1,"currency":"USD"},`, MaxLosses) + `{"amount":1,"currency":"USD"}]}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowTooManyLosses, Accepted: strconv.Itoa(MaxLosses), Reason: "a record has at most " + strconv.Itoa(MaxLosses) + " losses"}},
		{"loss currency shape", JSONL, 0, `{"external_ref":"R1","losses":{"amount":5,"currency":{"code":"USD"}}}` + "\n",
			RowError{Line: 1, Field: "losses", Code: RowLossShape, Value: "1", Reason: "[0]: currency must be a string, number or boolean"}},
	}
	mappings := map[string]string{"losses in csv": `{"columns": {"Verluste": "losses"}}`}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			max := c.max
			if max == 0 {
				max = MaxRecordBytes
			}
			var got *RowError
			var m *Mapping
			if mf := mappings[c.name]; mf != "" {
				var err error
				if m, err = LoadMapping(strings.NewReader(mf)); err != nil {
					t.Fatal(err)
				}
			}
			rd, err := newReader("f", strings.NewReader(c.input), c.format, m, max)
			if err == nil {
				_, err = rd.Next()
			}
			if !errors.As(err, &got) {
				t.Fatalf("got %v, want a RowError", err)
			}
			g := *got
			if c.want.Reason == "" {
				g.Reason = ""
			}
			c.want.File = "f"
			if g != c.want {
				t.Errorf("got  %+v\nwant %+v", g, c.want)
			}
		})
	}
	for _, code := range RowCodes {
		found := false
		for _, c := range cases {
			found = found || c.want.Code == code
		}
		if !found {
			t.Errorf("no case gives %s", code)
		}
	}
}
