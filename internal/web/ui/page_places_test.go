package ui

import (
	"slices"
	"testing"

	"counterscam/internal/store"
)

// TestCompoundView: the first name is shown, the rest are aliases; the
// coordinates become text and an OpenStreetMap link; the raids, kept
// oldest first, are shown newest first without reordering the record's.
func TestCompoundView(t *testing.T) {
	c := &store.Compound{Names: []string{"Golden Crane Park", "금학 단지"}, Coordinates: &store.Coordinates{Lat: -8.5, Lon: 115.25},
		Raids: []store.Raid{{Date: "2024-03-01", Agency: "CNP"}, {Date: "2025-06-02", Agency: "GDI"}, {Date: "2025-11-09", Agency: "CNP"}}}
	v := compoundView(c)
	if v.Name != "Golden Crane Park" || !slices.Equal(v.Aliases, []string{"금학 단지"}) {
		t.Errorf("name %q, aliases %q", v.Name, v.Aliases)
	}
	if v.Coords != "-8.5, 115.25" || v.MapURL != "https://www.openstreetmap.org/?mlat=-8.5&mlon=115.25#map=15/-8.5/115.25" {
		t.Errorf("coordinates %q, map %q", v.Coords, v.MapURL)
	}
	var dates []string
	for _, r := range v.Raids {
		dates = append(dates, r.Date)
	}
	if !slices.Equal(dates, []string{"2025-11-09", "2025-06-02", "2024-03-01"}) {
		t.Errorf("raids in the order %v, want newest first", dates)
	}
	if c.Raids[0].Date != "2024-03-01" {
		t.Error("showing the raids reordered the record's")
	}
	if v := compoundView(&store.Compound{Names: []string{"Riverside Tower"}}); v.Coords != "" || v.MapURL != "" || len(v.Aliases) != 0 {
		t.Errorf("a compound without coordinates: %+v", v)
	}
}
