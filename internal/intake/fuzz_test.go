package intake

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"
)

// checkStream reads everything from rd and checks the reader's promises:
// every Next gives a record or a *RowError until io.EOF or a fatal error,
// lines only go forward (strictly, except between elements of a JSON
// array, which may share a line), and the offset never passes the input's length.
func checkStream(t *testing.T, rd *Reader, size int) {
	t.Helper()
	last := 0
	var lastOff int64
	for i := 0; ; i++ {
		if i > size+10 {
			t.Fatalf("more results than bytes")
		}
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		line := 0
		var re *RowError
		switch {
		case err == nil:
			if rec == nil {
				t.Fatal("nil record without error")
			}
			line = rec.Line
			if rec.ExternalRef == "" || rec.Origin == "" || rec.ReceivedAt.IsZero() || rec.ScamType == "" || rec.TLP == "" {
				t.Fatalf("record without a required field: %+v", rec)
			}
		case errors.As(err, &re):
			if rec != nil {
				t.Fatal("record with an error")
			}
			// Every problem is said in English; a coded one is a known kind.
			if re.Reason == "" || re.Code != "" && !slices.Contains(RowCodes, re.Code) {
				t.Fatalf("row error %#v", re)
			}
			line = re.Line
		default:
			if again, err2 := rd.Next(); again != nil || err2 != err {
				t.Fatalf("after a fatal error: %v, %v", again, err2)
			}
			return
		}
		if line < last || line == last && rd.arr == nil {
			t.Fatalf("line %d after line %d", line, last)
		}
		last = line
		if off := rd.Offset(); off < lastOff || off > int64(size) {
			t.Fatalf("offset %d (before %d, size %d)", off, lastOff, size)
		}
		lastOff = rd.Offset()
	}
	if rd.Offset() != int64(size) {
		t.Fatalf("offset %d at the end, size %d", rd.Offset(), size)
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(header + "R-1,KNPA,2025-03-01T14:30:00+09:00,romance,\"a \"\"b\"\"\nc\",KR,1500000,KRW,010-1234-5678;@x\n"))
	f.Add([]byte(header + "R,O,2025-13-01,x,,,,,\n\"open\n,,\n\r\n\"a\"b,\n"))
	f.Add([]byte("\ufeffexternal_ref;origin;received_at;scam_type;\n1;2;3;4;5\n"))
	f.Add([]byte(header + "R,O,2025-03-01T00:00:00Z,other,,,12.5,USD,\"a;b\";\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := newReader("f.csv", bytes.NewReader(data), CSV, nil, 64)
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("header error %T: %v", err, err)
			}
			return
		}
		checkStream(t, rd, len(data))
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"external_ref":"J-1","origin":"CNP","received_at":"2025-04-02T08:00:00+07:00","scam_type":"loan","losses":[{"amount":12.5,"currency":"USD"}],"selectors":["a",{"value":"b","role":"paid_to"}]}` + "\n{bad\n\n[1]\n"))
	f.Add([]byte("[\n{\"external_ref\":\"A\",\"origin\":\"O\",\"received_at\":\"2025-01-01T00:00:00Z\",\"scam_type\":\"other\"},\n{\"x\":[}]\n"))
	f.Add([]byte(`[{"a":"\"]}"}, 1, "s", null, {}]`))
	f.Add([]byte(`{"id":"01M8F48EDND1F5WQT6307HNKYZ","network_id":"x","external_ref":"E","origin":"CNP","received_at":"2025-01-03T03:57:51Z","scam_type":"loan","losses":[{"amount_minor":148300,"currency":"USD"},{"amount_minor":"1.5","currency":"BTC"}],"selectors":[{"id":"u","kind":"url","value":"https://a.cc/","display":"https://a.cc/","role":"website","source":"narrative"}]}` + "\n"))
	f.Add([]byte(`{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[` + "\n"))
	f.Add([]byte(`{"origin":"A","x":{"y:":":"},"origin":"B","\u006frigin":"C","s\\":"\\"}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := newReader("f.jsonl", bytes.NewReader(data), JSONL, nil, 64)
		var foreign *ForeignFormatError
		if errors.As(err, &foreign) {
			return // a STIX, TAXII, MISP or FollowTheMoney file, refused whole
		}
		if err != nil {
			t.Fatalf("NewReader: %v", err)
		}
		checkStream(t, rd, len(data))
	})
}

func FuzzMapping(f *testing.F) {
	f.Add([]byte(knpaMapping))
	f.Add([]byte(`{"columns":{"a":{"field":"selectors","kind":"phone"}},"defaults":{"tlp":"red"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := LoadMapping(bytes.NewReader(data))
		if err != nil {
			// Every mistake is one a program can name, with its line.
			var me *MappingError
			if !errors.As(err, &me) || !slices.Contains(MappingCodes, me.Code) || me.Line < 1 {
				t.Fatalf("%q: %#v", data, err)
			}
			return
		}
		// A mapping that loads must be usable.
		in := "external_ref,origin,received_at,scam_type\nR,O,2025-01-01T00:00:00Z,other\n"
		if rd, err := NewReader("m.csv", bytes.NewReader([]byte(in)), CSV, m); err == nil {
			checkStream(t, rd, len(in))
		}
	})
}
