package selector

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// IDOf is uuid.NewSHA1 of the namespace and "<kind>:<value>", whatever
// the value's length (the stack buffer takes 128 bytes).
func TestIDOfIsUUIDv5(t *testing.T) {
	values := []string{"", "+85512345678", "scam-desk.com", "ÄÖ", strings.Repeat("x", 90), strings.Repeat("y", 200), strings.Repeat("z", 5000)}
	for k := range parsers {
		for _, v := range values {
			want := uuid.NewSHA1(namespace, []byte(string(k)+":"+v))
			if got := IDOf(k, v); got != want {
				t.Errorf("IDOf(%s, %.20q) = %s, want %s", k, v, got, want)
			}
		}
	}
	// Every server mints the same ID: this one is Python's uuid.uuid5 of
	// the same namespace and name.
	if got := IDOf(Phone, "+85512345678").String(); got != "1599c1fc-3aa7-5885-b78e-6cc4a2d8e422" {
		t.Errorf("IDOf(phone, +85512345678) = %s", got)
	}
}
