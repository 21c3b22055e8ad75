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
