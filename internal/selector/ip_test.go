package selector

import "testing"

func TestParseIP(t *testing.T) {
	tests := []struct{ in, value, subtype string }{
		{"192.0.2.1", "192.0.2.1", "v4"},
		{"192.0.2[.]1", "192.0.2.1", "v4"},
		{"2001:DB8:0:0:0:0:0:1", "2001:db8::1", "v6"},
		{"[2001:db8::1]", "2001:db8::1", "v6"},
		{"fe80::1%eth0", "fe80::1", "v6"},
		{"::ffff:192.0.2.1", "192.0.2.1", "v4"},
		{"::1", "::1", "v6"},
	}
	for _, tc := range tests {
		got, err := ParseAs(IP, tc.in, Options{Region: "KH"})
		want := Selector{Kind: IP, Value: tc.value, Display: tc.value, Subtype: tc.subtype}
		if err != nil || got != want {
			t.Errorf("ParseAs(ip, %q) = %+v, %v; want %+v", tc.in, got, err, want)
		}
	}
	for _, in := range []string{"192.0.2", "192.0.2.256", "01.2.3.4", "1.2.3.4%eth0", "2001:db8::g", "example.com", "1.2.3.4:80", "[::1", "\xff"} {
		if s, err := ParseAs(IP, in, Options{}); err == nil {
			t.Errorf("ParseAs(ip, %q) = %+v, want an error", in, s)
		}
	}
}
