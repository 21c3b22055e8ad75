package migrate

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_second.sql": {Data: []byte("CREATE TABLE b (x int);")},
		"m/0001_init.sql":   {Data: []byte("CREATE TABLE a (x int);")},
		"m/README.md":       {Data: []byte("not a migration")},
	}
	ms, err := Load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("got %d migrations, want 2", len(ms))
	}
	if ms[0].Version != 1 || ms[0].Name != "0001_init" || !strings.Contains(ms[0].SQL, "TABLE a") {
		t.Errorf("first = %+v", ms[0])
	}
	if ms[1].Version != 2 || ms[1].Name != "0002_second" {
		t.Errorf("second = %+v", ms[1])
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"gap", fstest.MapFS{"m/0001_a.sql": {Data: []byte("x")}, "m/0003_c.sql": {Data: []byte("x")}}, "expected version 2"},
		{"repeat", fstest.MapFS{"m/0001_a.sql": {Data: []byte("x")}, "m/0001_b.sql": {Data: []byte("x")}}, "appears twice"},
		{"no number", fstest.MapFS{"m/init.sql": {Data: []byte("x")}}, "not named"},
		{"short number", fstest.MapFS{"m/1_init.sql": {Data: []byte("x")}}, "not named"},
		{"zero", fstest.MapFS{"m/0000_init.sql": {Data: []byte("x")}}, "not named"},
		{"empty file", fstest.MapFS{"m/0001_init.sql": {Data: []byte("  \n")}}, "is empty"},
		{"none", fstest.MapFS{"m/README": {Data: []byte("x")}}, "none found"},
		{"no dir", fstest.MapFS{}, "migrations:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.files, "m")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPending(t *testing.T) {
	ms := []Migration{{Version: 1}, {Version: 2}, {Version: 3}}
	tests := []struct {
		applied, upTo int
		want          []int
	}{
		{0, 0, []int{1, 2, 3}},
		{1, 0, []int{2, 3}},
		{3, 0, nil},
		{0, 2, []int{1, 2}},
		{1, 2, []int{2}},
		{2, 2, nil},
	}
	for _, tt := range tests {
		got := Pending(ms, tt.applied, tt.upTo)
		var vs []int
		for _, m := range got {
			vs = append(vs, m.Version)
		}
		if len(vs) != len(tt.want) {
			t.Errorf("Pending(applied=%d, upTo=%d) = %v, want %v", tt.applied, tt.upTo, vs, tt.want)
			continue
		}
		for i := range vs {
			if vs[i] != tt.want[i] {
				t.Errorf("Pending(applied=%d, upTo=%d) = %v, want %v", tt.applied, tt.upTo, vs, tt.want)
			}
		}
	}
}
