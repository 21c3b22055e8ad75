package casework

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReadCountry: partner lists write nationalities as codes or as
// names, in English, Korean and Khmer; each reads as its alpha-2 code,
// "Korea" alone as the Republic of Korea, and a name that is no country
// is refused with what to write instead.
func TestReadCountry(t *testing.T) {
	for in, want := range map[string]string{
		"KR": "KR", " kh ": "KH", "KOR": "KR", "khm": "KH", "PRK": "KP",
		"Korea": "KR", "KOREA": "KR", "South Korea": "KR", "Republic of Korea": "KR",
		"Korea, Republic of": "KR", "Korea (Rep.)": "KR", "ROK": "KR",
		"대한민국": "KR", "한국": "KR", "남한": "KR", "កូរ៉េខាងត្បូង": "KR", "កូរ៉េ\u200bខាង\u200bត្បូង": "KR",
		"North Korea": "KP", "DPRK": "KP", "D.P.R.K.": "KP", "Democratic People's Republic of Korea": "KP", "북한": "KP",
		"Cambodia": "KH", "cambodia": "KH", "Kingdom of Cambodia": "KH", "캄보디아": "KH", "កម្ពុជា": "KH",
		"Thailand": "TH", "태국": "TH", "Myanmar": "MM", "Laos": "LA", "Burma": "MM", "미얀마": "MM", "China": "CN", "중국": "CN",
		"Viet Nam": "VN", "Vietnam": "VN", "the Philippines": "PH", "United Kingdom": "GB",
	} {
		got, err := readCountry("nationality", in)
		if err != nil || got != want {
			t.Errorf("readCountry(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"Koreana", "Atlantis", "K", "KORE", "123", "the", "Korea Korea", "XYZ"} {
		got, err := readCountry("nationality", in)
		if err == nil {
			t.Errorf("readCountry(%q) = %q, want an error", in, got)
			continue
		}
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != "nationality" || !strings.Contains(fe.Reason, "is not a country: write an ISO 3166-1 code") {
			t.Errorf("readCountry(%q): %v", in, err)
		}
	}
}

// TestPartnerListCountryNames: a partner list with nationalities written
// as names is read, row by row, as codes; a name that is no country is
// refused with the file, line and column.
func TestPartnerListCountryNames(t *testing.T) {
	in := "row_ref,name_latin,nationality\n" +
		"1,PARK MINHO,Korea\n" +
		"2,LEE SEOYEON,Republic of Korea\n" +
		"3,SOK DARA,កម្ពុជា\n" +
		"4,CHOI JUNYOUNG,대한민국\n" +
		"5,KIM JIHUN,Narnia\n"
	rows, rejects, err := ReadPartnerList("cnp.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.RowRef+":"+r.Nationality)
	}
	if want := "1:KR 2:KR 3:KH 4:KR"; strings.Join(got, " ") != want {
		t.Errorf("rows read as %q, want %q", strings.Join(got, " "), want)
	}
	if len(rejects) != 1 || rejects[0].Error() != `cnp.csv:6: nationality: "Narnia" is not a country: write an ISO 3166-1 code (KR, KOR) or the country's name in English, Korean or Khmer` {
		t.Errorf("rejects = %v", rejects)
	}
	recs, rejected := readPersons(t, "external_ref,name,nationality\nR1,박민호,South Korea\nR2,សុខ ដារា,Cambodia\n")
	if len(rejected) != 0 || len(recs) != 2 || recs[0].Input.Nationalities[0] != "KR" || recs[1].Input.Nationalities[0] != "KH" {
		t.Errorf("persons import: %+v, rejected %v", recs, rejected)
	}
}

// FuzzReadCountry: whatever a partner writes, readCountry returns a code
// of two capital letters or a FieldError whose reason is valid UTF-8.
func FuzzReadCountry(f *testing.F) {
	for _, s := range []string{"KR", "KOR", "Korea", "대한민국", "កម្ពុជា", "the", "", "\xff", strings.Repeat("é", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		cc, err := readCountry("nationality", in)
		if err != nil {
			fe, ok := err.(*FieldError)
			if !ok || !utf8.ValidString(fe.Reason) && utf8.ValidString(in) {
				t.Fatalf("readCountry(%q): %v", in, err)
			}
			return
		}
		if len(cc) != 2 || strings.Trim(cc, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Fatalf("readCountry(%q) = %q", in, cc)
		}
	})
}
