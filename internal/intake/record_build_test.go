package intake

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

func TestValidRow(t *testing.T) {
	rec, rerr := one(t, `R-1, KNPA ,2025-03-01T14:30:00+09:00,Romance,"Met him online, then paid.",kr,1500000,krw, 010-1234-5678; @scam_hr ;;0xabc;@scam_hr`)
	if rerr != nil {
		t.Fatal(rerr)
	}
	want := &Record{
		File: "r.csv", Line: 2,
		ExternalRef: "R-1", Origin: "KNPA", Channel: "import",
		ReceivedAt: time.Date(2025, 3, 1, 5, 30, 0, 0, time.UTC),
		ScamType:   "romance", Narrative: "Met him online, then paid.",
		VictimCountry: "KR", TLP: "AMBER",
		Losses: []store.Loss{{AmountMinor: 1500000, Currency: "KRW"}},
		Selectors: []RawSelector{
			{Value: "010-1234-5678"}, {Value: "@scam_hr"}, {Value: "0xabc"},
		},
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("got  %+v\nwant %+v", rec, want)
	}
	rep := rec.Report()
	if rep.ExternalRef != "R-1" || rep.TLP != "AMBER" || len(rep.Losses) != 1 || rep.Selectors != nil {
		t.Errorf("Report() = %+v", rep)
	}
}

func TestFieldChecks(t *testing.T) {
	const ok = "R-1,KNPA,2025-03-01T00:00:00Z,romance,,KR,,,"
	set := func(kv ...any) string {
		f := strings.Split(ok, ",")
		for i := 0; i < len(kv); i += 2 {
			f[kv[i].(int)] = kv[i+1].(string)
		}
		return strings.Join(f, ",")
	}
	tests := []struct {
		name, row, field, reason string
	}{
		{"time not RFC 3339", set(2, "2025-13-01"), "received_at", "'2025-13-01' is not an RFC 3339 time (such as 2025-03-01T14:30:00+09:00)"},
		{"time without zone", set(2, "2025-03-01T10:00:00"), "received_at", "'2025-03-01T10:00:00' is not an RFC 3339 time"},
		{"time before 1970", set(2, "1969-12-31T00:00:00Z"), "received_at", "is not between 1970 and 2100"},
		{"received_at missing", set(2, ""), "received_at", "is missing"},
		{"external_ref missing", set(0, " "), "external_ref", "is missing"},
		{"origin missing", set(1, ""), "origin", "is missing"},
		{"scam type unknown", set(3, "fraud"), "scam_type", "'fraud' is not a scam type (one of romance, crypto_investment"},
		{"scam type missing", set(3, ""), "scam_type", "is missing"},
		{"country alpha-3", set(5, "KOR"), "victim_country", "'KOR' is not an ISO 3166-1 alpha-2 country code"},
		{"country user-assigned", set(5, "XK"), "victim_country", "'XK' is not an ISO 3166-1"},
		{"amount without currency", set(6, "100"), "loss_currency", "is missing: loss_amount needs a currency"},
		{"currency without amount", set(7, "USD"), "loss_amount", "is missing: loss_currency needs an amount"},
		{"negative", set(6, "-5", 7, "USD"), "loss_amount", "'-5' is negative"},
		{"too many decimals", set(6, "12.345", 7, "USD"), "loss_amount", "'12.345' has more than 2 decimals, the most USD has"},
		{"decimals for KRW", set(6, "1.5", 7, "KRW"), "loss_amount", "'1.5' has decimals, but KRW has no minor unit"},
		{"exponent", set(6, "1e3", 7, "USD"), "loss_amount", "write the amount without an exponent"},
		{"thousands separator", set(6, `"1,000"`, 7, "USD"), "loss_amount", "'1,000' is not a decimal amount"},
		{"unknown currency", set(6, "5", 7, "WON"), "loss_currency", "'WON' is not an ISO 4217 currency code"},
		{"too large", set(6, "99999999999999999", 7, "USD"), "loss_amount", "is too large"},
		{"narrative too long", set(4, strings.Repeat("n", MaxNarrative+1)), "narrative", "is longer than 65536 bytes"},
		{"invalid UTF-8", set(4, "caf\xe9"), "narrative", "is not valid UTF-8"},
		{"control character", set(1, "KN\x01PA"), "origin", "holds the control character U+0001"},
		{"ref too long", set(0, strings.Repeat("r", 129)), "external_ref", "is longer than 128 bytes"},
		{"selector too long", set(8, strings.Repeat("s", MaxSelectorBytes+1)), "selectors", "value 1 is longer than 1024 bytes"},
		{"too many selectors", set(8, strings.Repeat("x;", 300)+"x"), "selectors", ""}, // distinct values checked below
		{"field count", "R-1,KNPA,2025-03-01T00:00:00Z,romance", "", "has 4 fields; the header has 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "too many selectors" {
				var b strings.Builder
				for i := 0; i < 300; i++ {
					b.WriteString("v" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26) + ";")
				}
				tt.row, tt.reason = set(8, b.String()), "a record has at most 256 selectors"
			}
			rec, rerr := one(t, tt.row)
			if rerr == nil {
				t.Fatalf("accepted: %+v", rec)
			}
			if rerr.Field != tt.field || !strings.Contains(rerr.Reason, tt.reason) {
				t.Errorf("got %s: %s\nwant %s: ...%s...", rerr.Field, rerr.Reason, tt.field, tt.reason)
			}
			if rerr.Line != 2 || rerr.File != "r.csv" {
				t.Errorf("at %s:%d", rerr.File, rerr.Line)
			}
		})
	}
}

func TestNormalisedValues(t *testing.T) {
	tests := []struct {
		in, field string
		check     func(*Record) bool
	}{
		{"R,O,2025-03-01T00:00:00.123Z,Pig-Butchering,,,,,", "scam_type", func(r *Record) bool { return r.ScamType == "crypto_investment" }},
		{"R,O,2025-03-01T00:00:00Z,RECRUITMENT,,,,,", "scam_type", func(r *Record) bool { return r.ScamType == "job_lure" }},
		{"R,O,2025-03-01T00:00:00Z,voice phishing,,,,,", "scam_type", func(r *Record) bool { return r.ScamType == "voice_phishing" }},
		{"R,O,2025-03-01T00:00:00Z,vishing,,kh,,,", "victim_country", func(r *Record) bool { return r.ScamType == "voice_phishing" && r.VictimCountry == "KH" }},
		{"R,O,2025-03-01T00:00:00Z,other,,,12.50,usd,", "loss", func(r *Record) bool { return r.Losses[0] == store.Loss{AmountMinor: 1250, Currency: "USD"} }},
		{"R,O,2025-03-01T00:00:00Z,other,,,100.000,KRW,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 100 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,12.123456,USDT,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 12123456 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,1.5,ETH,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 1500000000 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,0.00000001,BTC,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 1 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,5000.5,KHR,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 500050 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,2.125,KWD,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 2125 }},
		{"R,O,2025-03-01T00:00:00Z,other,,,9223372036854775807,KRW,", "loss", func(r *Record) bool { return r.Losses[0].AmountMinor == 9223372036854775807 }},
		{"R,O,2025-03-01T00:00:00Z,other,\"two\nlines\",,,,", "narrative", func(r *Record) bool { return r.Narrative == "two\nlines" }},
	}
	for _, tt := range tests {
		rec, rerr := one(t, tt.in)
		if rerr != nil {
			t.Errorf("%s: %v", tt.in, rerr)
			continue
		}
		if !tt.check(rec) {
			t.Errorf("%s: %s not as expected: %+v", tt.in, tt.field, rec)
		}
	}
}

func TestOptionalColumns(t *testing.T) {
	hdr := "external_ref,origin,received_at,scam_type,occurred_at,victim_ref,tlp,channel,contact_name,contact_email,contact_phone,contact_consent\n"
	base := []string{"R", "O", "2025-03-01T09:00:00+09:00", "loan", "", "", "", "", "", "", "", ""}
	row := func(kv ...string) string {
		f := append([]string(nil), base...)
		names := strings.Split(strings.TrimSpace(hdr), ",")
		for i := 0; i < len(kv); i += 2 {
			for j, n := range names {
				if n == kv[i] {
					f[j] = kv[i+1]
				}
			}
		}
		return strings.Join(f, ",")
	}
	tests := []struct {
		row, field, reason string
		check              func(*Record) bool
	}{
		{row: row("occurred_at", "2025-02-28"), check: func(r *Record) bool {
			return r.OccurredAt.Equal(time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC))
		}},
		{row: row("occurred_at", "2025-03-01T00:00:01Z"), field: "occurred_at", reason: "'2025-03-01T00:00:01Z' is after received_at"},
		{row: row("occurred_at", "yesterday"), field: "occurred_at", reason: "is not an RFC 3339 time or date"},
		{row: row("tlp", "tlp:amber+strict"), check: func(r *Record) bool { return r.TLP == "AMBER+STRICT" }},
		{row: row("tlp", "White"), check: func(r *Record) bool { return r.TLP == "CLEAR" }},
		{row: row("tlp", "PINK"), field: "tlp", reason: "'PINK' is not a TLP label"},
		{row: row("channel", "WEB"), check: func(r *Record) bool { return r.Channel == "web" }},
		{row: row("channel", "email"), field: "channel", reason: "'email' is not a channel"},
		{row: row("victim_ref", "V-77"), check: func(r *Record) bool { return r.VictimRef == "V-77" && r.Contact == nil }},
		{row: row("contact_name", "Kim", "contact_email", "k@example.org", "contact_phone", "+82 10-1234-5678", "contact_consent", "Y"),
			check: func(r *Record) bool {
				return r.Contact != nil && *r.Contact == store.Contact{Name: "Kim", Email: "k@example.org", Phone: "+82 10-1234-5678", Consent: true}
			}},
		{row: row("contact_consent", "yes"), check: func(r *Record) bool { return r.Contact == nil }},
		{row: row("contact_email", "kim at example"), field: "contact_email", reason: "is not an e-mail address"},
		{row: row("contact_phone", "call me"), field: "contact_phone", reason: "is not a phone number"},
		{row: row("contact_phone", "123"), field: "contact_phone", reason: "needs 5 to 17 digits"},
		{row: row("contact_consent", "maybe"), field: "contact_consent", reason: "'maybe' is not yes or no"},
	}
	for _, tt := range tests {
		res, err := readAll(t, "o.csv", hdr+tt.row+"\n", CSV, nil)
		if err != nil || len(res) != 1 {
			t.Fatalf("%s: %v %v", tt.row, res, err)
		}
		rec, rerr := res[0].rec, res[0].err
		if tt.check != nil {
			if rerr != nil || !tt.check(rec) {
				t.Errorf("%s: got %+v %v", tt.row, rec, rerr)
			}
			continue
		}
		if rerr == nil || rerr.Field != tt.field || !strings.Contains(rerr.Reason, tt.reason) {
			t.Errorf("%s: got %v, want %s: ...%s...", tt.row, rerr, tt.field, tt.reason)
		}
	}
}

func TestPersonalDataNotQuoted(t *testing.T) {
	secret := "Kim Secret"
	res, _ := readAll(t, "p.csv", "external_ref,origin,received_at,scam_type,contact_email\nR,O,2025-03-01T00:00:00Z,romance,"+secret+"\n", CSV, nil)
	if len(res) != 1 || res[0].err == nil {
		t.Fatalf("%+v", res)
	}
	if strings.Contains(res[0].err.Error(), "Secret") {
		t.Errorf("reason quotes personal data: %v", res[0].err)
	}
}
