package postgres

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// pgTime is t as PostgreSQL keeps it: microseconds, cut rather than rounded
// (so a time never moves later), in UTC.
func pgTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// pgOptTime stores the zero time as NULL.
func pgOptTime(t time.Time) pgtype.Timestamptz {
	if t.IsZero() {
		return pgtype.Timestamptz{}
	}
	return pgtype.Timestamptz{Time: pgTime(t), Valid: true}
}

// fromOptTime reads a nullable time: NULL is the zero time.
func fromOptTime(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// pgText stores "" as NULL.
func pgText(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }
