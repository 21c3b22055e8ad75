package screen

import (
	"strings"
	"testing"
)

func TestFindContacts(t *testing.T) {
	tests := []struct {
		in   string
		want []string // kind:platform:value
	}{
		{"contact on Telegram @kh_jobs88 now", []string{"handle:telegram:@kh_jobs88"}},
		{"apply at https://t.me/fastjob_hr", []string{"handle:telegram:@fastjob_hr"}},
		{"join t.me/+AbCdEf123", []string{"handle:telegram:t.me/+AbCdEf123"}},
		{"wa.me/85512345678", []string{"handle:whatsapp:wa.me/85512345678"}},
		{"카톡 아이디 bkk777 로 연락", []string{"handle:kakaotalk:bkk777"}},
		{"Line ID: hr_888", []string{"handle:line:hr_888"}},
		{"Telegram for details", nil},
		{"send CV to jobs@example.com.kh", []string{"email::jobs@example.com.kh"}},
		{"see www.example.com/jobs.", []string{"url::www.example.com/jobs"}},
		{"call 010-1234-5678 or +855 12 345 678", []string{"phone::01012345678", "phone::+85512345678"}},
		{"월 1,000만 원, 15.000.000đ, 20000000원", nil},
		{"order #12345678", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range FindContacts(tt.in) {
			got = append(got, c.Kind+":"+c.Platform+":"+c.Value)
			if c.Start < 0 || c.End > len(tt.in) || c.Start >= c.End {
				t.Errorf("FindContacts(%q): bad span %d:%d", tt.in, c.Start, c.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("FindContacts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSelectorContactsMessengerLinks checks that a chat link found by the
// selector extractor is a messenger handle (so a job offered only through
// it is "messenger only"), while an ordinary link stays a link.
func TestSelectorContactsMessengerLinks(t *testing.T) {
	tests := []struct {
		in   string
		want string // kind:platform of the first contact
	}{
		{"Please contact discuss detail: wa.me/919165146378 SSBO.", "handle:whatsapp"},
		{"Liên hệ zalo: https://zalo.me/84901234567", "handle:zalo"},
		{"apply at https://t.me/fastjob_hr", "handle:telegram"},
		{"see https://www.example.com/jobs for the vacancy", "url:"},
		{"send an email to info@thethaiger.com", "email:"},
	}
	for _, tt := range tests {
		cs := SelectorContacts(tt.in)
		if len(cs) == 0 {
			t.Errorf("SelectorContacts(%q): no contact", tt.in)
			continue
		}
		if got := cs[0].Kind + ":" + cs[0].Platform; got != tt.want {
			t.Errorf("SelectorContacts(%q)[0] = %s (%q), want %s", tt.in, got, cs[0].Value, tt.want)
		}
	}
	if _, ok := messengerURL("wa.me/"); ok {
		t.Error("messengerURL(wa.me/) with no chat name is a messenger link")
	}
	if _, ok := messengerURL("https://example.com/wa.me/1"); ok {
		t.Error("a path containing wa.me/ is not a messenger link")
	}
	if p, ok := messengerURL("http://www.line.me/R/ti/p/@abc"); !ok || p != "line" {
		t.Errorf("messengerURL(line.me link) = %q, %v; want line", p, ok)
	}
}
