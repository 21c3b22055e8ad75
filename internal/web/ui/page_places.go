package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/store"
)

// placesData is the places page: the compounds the reader may read and
// the travel advisory zones in force on Day.
type placesData struct {
	Compounds []compoundRow
	Zones     []zoneRow
	Day       string // YYYY-MM-DD
}

// compoundRow is one compound as shown: its first name, the others as
// aliases, its coordinates as text with a map link, its raids newest first.
type compoundRow struct {
	C       *store.Compound
	Name    string
	Aliases []string
	Coords  string // "lat, lon", "" when unknown
	MapURL  string
	Raids   []store.Raid
}

// zoneRow is a zone in force with how loud its level is shown.
type zoneRow struct {
	Z    *store.AdvisoryZone
	Flag string // "danger" (3, 4), "warn" (2.5) or ""
}

// osmURL is an OpenStreetMap link with a marker at c.
func osmURL(c *store.Coordinates) string {
	lat, lon := strconv.FormatFloat(c.Lat, 'f', -1, 64), strconv.FormatFloat(c.Lon, 'f', -1, 64)
	return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=15/" + lat + "/" + lon
}

func compoundView(c *store.Compound) compoundRow {
	row := compoundRow{C: c}
	if len(c.Names) > 0 {
		row.Name, row.Aliases = c.Names[0], c.Names[1:]
	}
	if c.Coordinates != nil {
		row.Coords = strconv.FormatFloat(c.Coordinates.Lat, 'f', -1, 64) + ", " + strconv.FormatFloat(c.Coordinates.Lon, 'f', -1, 64)
		row.MapURL = osmURL(c.Coordinates)
	}
	row.Raids = slices.Clone(c.Raids)
	slices.Reverse(row.Raids) // the service keeps them oldest first
	return row
}

// placesPage shows the compounds (the service decides who may read them)
// and the advisory zones in force today, the highest level first.
func (s *Server) placesPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	cs, err := s.cw.Compounds(r.Context(), c.principal())
	if err != nil {
		return err
	}
	d := &placesData{Day: now().UTC().Format(time.DateOnly)}
	zs, err := s.cw.AdvisoryZones(r.Context(), d.Day)
	if err != nil {
		return err
	}
	for _, x := range cs {
		d.Compounds = append(d.Compounds, compoundView(x))
	}
	slices.SortStableFunc(d.Compounds, func(a, b compoundRow) int { return strings.Compare(a.Name, b.Name) })
	for _, z := range zs {
		row := zoneRow{Z: z}
		switch z.Level {
		case "3", "4":
			row.Flag = "danger"
		case "2.5":
			row.Flag = "warn"
		}
		d.Zones = append(d.Zones, row)
	}
	slices.SortStableFunc(d.Zones, func(a, b zoneRow) int {
		if a.Z.Level != b.Z.Level {
			return strings.Compare(b.Z.Level, a.Z.Level) // levels are one character or "2.5": text order is level order
		}
		return strings.Compare(a.Z.Name, b.Z.Name)
	})
	return s.render(w, r, c, http.StatusOK, "places", "places", msg("places.title"), d)
}
