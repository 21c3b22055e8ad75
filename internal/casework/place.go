package casework

import (
	"context"
	"math"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// CompoundInput describes a compound; on update every field is replaced
// except its raids, which grow through AddRaid.
type CompoundInput struct {
	Origin         string // console operator only
	TLP            string // empty: AMBER
	Names          []string
	Country        string
	Province       string
	Coordinates    *store.Coordinates
	Operators      []string
	StillOperating bool
	Note           string
}

func compoundMarking(c *store.Compound) marking { return marking{c.Origin, c.TLP, ""} }

func checkCoordinates(c *store.Coordinates) error {
	if c != nil && (math.IsNaN(c.Lat) || math.IsNaN(c.Lon) || math.Abs(c.Lat) > 90 || math.Abs(c.Lon) > 180) {
		return fieldErr("coordinates", "latitude must lie in -90..90 and longitude in -180..180")
	}
	return nil
}

// PutCompound creates a compound (id "") or replaces what is known of one.
func (s *Service) PutCompound(ctx context.Context, p trust.Principal, id string, in *CompoundInput) (*store.Compound, error) {
	if !canWrite(p, writePlace) {
		return nil, trust.ErrForbidden
	}
	if len(in.Names) == 0 {
		return nil, fieldErr("names", "missing: a compound needs a name")
	}
	c := &store.Compound{Coordinates: in.Coordinates, StillOperating: in.StillOperating}
	var err error
	for _, n := range in.Names {
		if n, err = checkText("names", n, maxText, true); err != nil {
			return nil, err
		}
		c.Names = append(c.Names, n)
	}
	for _, o := range in.Operators {
		if o, err = checkText("operators", o, maxText, true); err != nil {
			return nil, err
		}
		c.Operators = append(c.Operators, o)
	}
	if c.Country, err = normCountry("country", in.Country); err != nil {
		return nil, err
	}
	if c.Province, err = checkText("province", in.Province, maxText, false); err != nil {
		return nil, err
	}
	if c.Note, err = checkText("note", in.Note, maxNotes, false); err != nil {
		return nil, err
	}
	if err := checkCoordinates(c.Coordinates); err != nil {
		return nil, err
	}
	if c.TLP, err = normTLP(in.TLP, store.TLPAmber); err != nil {
		return nil, err
	}
	now := s.now()
	c.UpdatedAt = now
	if id == "" {
		c.ID, c.Origin, c.CreatedAt = s.newID(), originOf(p, in.Origin), now
	}
	err = s.update(ctx, p, "update", "compound", c.ID, func(w store.Writer) error {
		if id != "" {
			old, err := w.GetCompound(ctx, id)
			if err != nil {
				return err
			}
			if !mayRead(p, auth.ActionReadReport, compoundMarking(old)) {
				return store.ErrNotFound
			}
			c.ID, c.Origin, c.CreatedAt, c.Raids = old.ID, old.Origin, old.CreatedAt, old.Raids
		}
		return w.PutCompound(ctx, c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// AddRaid records a raid on a compound; stillOperating says whether it
// runs on after it.
func (s *Service) AddRaid(ctx context.Context, p trust.Principal, compoundID string, r store.Raid, stillOperating bool) (*store.Compound, error) {
	if !canWrite(p, writePlace) {
		return nil, trust.ErrForbidden
	}
	if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
		return nil, fieldErr("date", "%q is not YYYY-MM-DD", r.Date)
	}
	var err error
	if r.Agency, err = checkText("agency", r.Agency, maxText, true); err != nil {
		return nil, err
	}
	if r.Result, err = checkText("result", r.Result, maxNotes, false); err != nil {
		return nil, err
	}
	var out *store.Compound
	err = s.update(ctx, p, "update", "compound", compoundID, func(w store.Writer) error {
		c, err := w.GetCompound(ctx, compoundID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadReport, compoundMarking(c)) {
			return store.ErrNotFound
		}
		raids := append([]store.Raid(nil), c.Raids...)
		i := len(raids)
		for i > 0 && raids[i-1].Date > r.Date {
			i--
		}
		raids = append(raids[:i], append([]store.Raid{r}, raids[i:]...)...)
		c.Raids, c.StillOperating, c.UpdatedAt = raids, stillOperating, s.now()
		out = c
		return w.PutCompound(ctx, c)
	})
	return out, err
}

// Compounds lists the compounds p may read.
func (s *Service) Compounds(ctx context.Context, p trust.Principal) ([]*store.Compound, error) {
	if !mayReadAny(p, auth.ActionReadReport) {
		return nil, trust.ErrForbidden
	}
	all, err := s.st.ListCompounds(ctx)
	if err != nil {
		return nil, err
	}
	var out []*store.Compound
	for _, c := range all {
		if mayRead(p, auth.ActionReadReport, compoundMarking(c)) {
			out = append(out, c)
		}
	}
	return out, nil
}

// ZoneInput is a travel advisory zone.
type ZoneInput struct {
	Name        string
	Country     string
	Province    string
	Coordinates *store.Coordinates
	Level       string // 1, 2, 2.5 (special advisory), 3, 4
	From        string // YYYY-MM-DD
	Until       string // YYYY-MM-DD or ""
	Source      string
	Note        string
}

// PutAdvisoryZone creates a zone (id "") or replaces one. Advisory zones
// are public.
func (s *Service) PutAdvisoryZone(ctx context.Context, p trust.Principal, id string, in *ZoneInput) (*store.AdvisoryZone, error) {
	if !canWrite(p, writePlace) {
		return nil, trust.ErrForbidden
	}
	z := &store.AdvisoryZone{ID: id, Coordinates: in.Coordinates, Level: in.Level, From: in.From, Until: in.Until}
	var err error
	if z.Name, err = checkText("name", in.Name, maxText, true); err != nil {
		return nil, err
	}
	if z.Country, err = normCountry("country", in.Country); err != nil {
		return nil, err
	}
	if z.Province, err = checkText("province", in.Province, maxText, false); err != nil {
		return nil, err
	}
	if z.Source, err = checkText("source", in.Source, 1000, false); err != nil {
		return nil, err
	}
	if z.Note, err = checkText("note", in.Note, maxNotes, false); err != nil {
		return nil, err
	}
	if err := oneOf("level", z.Level, AdvisoryLevels, false); err != nil {
		return nil, err
	}
	if err := checkCoordinates(z.Coordinates); err != nil {
		return nil, err
	}
	from, err := time.Parse(time.DateOnly, z.From)
	if err != nil {
		return nil, fieldErr("from", "%q is not YYYY-MM-DD", z.From)
	}
	if z.Until != "" {
		until, err := time.Parse(time.DateOnly, z.Until)
		if err != nil || until.Before(from) {
			return nil, fieldErr("until", "%q is not a YYYY-MM-DD on or after from", z.Until)
		}
	}
	if z.ID == "" {
		z.ID = s.newID()
	}
	z.UpdatedAt = s.now()
	err = s.update(ctx, p, "update", "advisory_zone", z.ID, func(w store.Writer) error { return w.PutAdvisoryZone(ctx, z) })
	if err != nil {
		return nil, err
	}
	return z, nil
}

// AdvisoryZones lists the zones in force on day (YYYY-MM-DD; "" lists
// every zone, past ones included). Anyone may read them.
func (s *Service) AdvisoryZones(ctx context.Context, day string) ([]*store.AdvisoryZone, error) {
	all, err := s.st.ListAdvisoryZones(ctx)
	if err != nil || day == "" {
		return all, err
	}
	var out []*store.AdvisoryZone
	for _, z := range all {
		if z.From <= day && (z.Until == "" || day <= z.Until) {
			out = append(out, z)
		}
	}
	return out, nil
}
