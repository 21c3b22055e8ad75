// Package intake reads files of scam reports for `counterscam import`: CSV,
// JSON Lines or a JSON array, streamed one record at a time, each field
// checked, with errors a person can act on ("reports.csv:17: received_at:
// '2025-13-01' is not an RFC 3339 time ..."). A bad record is reported as a
// *RowError and reading goes on; the good records are never held back.
//
// Selectors are returned raw (RawSelector): the import pipeline parses them,
// with the record's victim_country as the region of national phone numbers.
//
// # The default layout
//
// A CSV file has a header line naming its columns, in any order and any
// case. JSON Lines has one object per line with the same names as keys.
//
//	external_ref    the origin's own reference; required (re-importing a file
//	                skips records whose origin and external_ref are stored)
//	origin          the organisation the report comes from; required
//	received_at     when it was received, RFC 3339 (2025-03-01T14:30:00+09:00);
//	                required
//	scam_type       romance, crypto_investment, gambling, job_lure,
//	                voice_phishing, impersonation, sextortion, loan, shopping,
//	                other; case, spaces and hyphens do not matter; aliases:
//	                pig_butchering, recruitment, vishing; required
//	narrative       the victim's account, up to 64 KiB; may hold line breaks
//	victim_country  ISO 3166-1 alpha-2 (KR, KH, ...)
//	loss_amount     decimal in the currency's major unit (1500000, 1234.56):
//	                no exponent, no sign, no more decimals than the currency
//	                has; kept exactly as integer minor units
//	loss_currency   ISO 4217 (KRW, USD, KHR, THB, VND, CNY, ...) or one of
//	                USDT (6 decimals), USDC (6), BTC (8), ETH (9: kept in
//	                gwei, as wei would overflow), TRX (6); an amount needs a
//	                currency and a currency an amount
//	selectors       raw phone numbers, accounts, wallets, handles, sites,
//	                separated by ";" (a value cannot hold ";" in CSV; use JSON)
//
// Optional:
//
//	occurred_at     when it happened: RFC 3339 or a date (2025-03-01); not
//	                after received_at
//	victim_ref      a pseudonymous key of the victim (never a name)
//	tlp             CLEAR, GREEN, AMBER, AMBER+STRICT or RED ("TLP:" prefix
//	                and case ignored; WHITE means CLEAR). Default AMBER: see
//	                DefaultTLP
//	channel         web, api, import or partner; default import
//	contact_name, contact_email, contact_phone, contact_consent (yes/no,
//	                true/false, y/n, 1/0): the reporter's contact, kept apart
//	                from the report
//
// In JSON, values may also be numbers and booleans (an amount keeps its
// literal digits), null means absent, "selectors" may be an array of strings
// or of {"value", "role", "kind"} objects, and "losses" an array of
// {"amount", "currency"} objects (added to loss_amount/loss_currency). What
// counterscam's JSON Lines export writes is read too: its "id" and
// "network_id" keys are left out, a loss may give "amount_minor" (a whole
// number of minor units) in place of "amount", and a selector object may
// add "id", "display" and "source" (one whose source is "narrative" is
// skipped: the narrative gives it again). A
// role is a lower-case word such as contacted_by, paid_to, recruited_via,
// website or mentioned; a kind is a selector kind (phone, email, url,
// domain, ip, crypto, bank_account, card, handle).
//
// All text must be UTF-8 (a byte order mark at the start is skipped); text
// in another encoding is rejected, naming the field, rather than guessed
// at. Single-line fields may not hold control characters. Values are
// trimmed.
//
// # Limits
//
// A CSV record, JSON line or array element is at most 1 MiB
// (MaxRecordBytes); a longer one is reported ("line 9: line longer than 1
// MiB") and skipped without being read into memory, and reading resumes at
// the next line break (in CSV whatever the quoting: a record that long most
// often means a closing quote is missing). A narrative is at most 64 KiB, a selector 1 KiB, and
// a record holds at most 256 selectors and 32 losses.
//
// # Errors
//
// An unknown column is an error at the header, naming the column; an
// unknown JSON key is an error on its line. A CSV row with the wrong number
// of fields, a malformed JSON line, or a field that fails its check is a
// *RowError for that record only. Reasons quote the offending value for
// codes, times and amounts, but never for personal fields (narrative,
// victim_ref, selectors, contact_*), so errors and reject files can be
// logged. WriteReject writes one tab-separated reject line: file, line,
// field, reason (RejectHeader is the header line).
//
// # Mapping files
//
// Another layout is read through a mapping file, JSON:
//
//	{
//	  "columns": {
//	    "접수번호": "external_ref",
//	    "접수일시": "received_at",
//	    "피해유형": "scam_type",
//	    "피해내용": "narrative",
//	    "피해금액": "loss_amount",
//	    "계좌번호": {"field": "selectors", "kind": "bank_account", "role": "paid_to"},
//	    "연락처":   {"field": "selectors", "kind": "phone", "role": "contacted_by"},
//	    "담당자":   "-"
//	  },
//	  "defaults": {"origin": "KNPA", "victim_country": "KR", "loss_currency": "KRW", "tlp": "AMBER"},
//	  "values": {"scam_type": {"로맨스스캠": "romance", "투자리딩": "crypto_investment"}},
//	  "time_format": "2006-01-02 15:04",
//	  "time_zone": "Asia/Seoul",
//	  "delimiter": ",",
//	  "selector_separator": ";",
//	  "thousands_separator": ","
//	}
//
// columns maps a column (or JSON key; case and surrounding spaces ignored)
// to a field, to "-" to ignore it, or to {"field": "selectors", "kind",
// "role"} so every value in it gets that kind and role; several columns may
// feed selectors. Columns named like fields need no entry. defaults fill a
// field where its column is absent or empty (not external_ref; a default
// loss_currency applies only to rows with an amount). values
// translate a field's values before they are checked. time_format is a Go
// layout (2006 year, 01 month, 02 day, 15 hour, 04 minute, 05 second) tried
// before RFC 3339; time_zone (IANA name or offset, default UTC) applies to
// times without an offset. delimiter is one of , ; | or a tab. A column
// without a name in the header is ignored as long as it stays empty.
//
// A mapping file that cannot be used is a *MappingError: a code for the
// kind of mistake (MappingCodes lists them), the line, the setting and the
// name at fault, the offending value and what would be accepted, so a
// program can say it in its reader's language; its Error text says it in
// English.
package intake
