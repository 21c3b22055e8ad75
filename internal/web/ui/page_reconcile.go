package ui

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/trust"
)

// Bounds of the reconciliation review: lists larger than this are for the
// command line (counterscam reconcile); uploaded lists are kept a while
// for the officer's decisions, then forgotten.
const (
	reconcileMaxRows = 5000
	// reconcileMaxBytes bounds an uploaded list: 5,000 rows take about
	// half a megabyte, and what is read (rows and rejected lines) is kept
	// in memory for the review.
	reconcileMaxBytes = 2 << 20
	reconcileKeep     = 4 * time.Hour
	reconcileLists    = 64
)

// partnerLists keeps uploaded partner lists in memory, each for the user
// who uploaded it, so that the review can be run again after each decision.
type partnerLists struct {
	mu    sync.Mutex
	lists map[string]*partnerList
}

type partnerList struct {
	user    string
	partner string
	file    string
	rows    []casework.PartnerRow
	rejects []*casework.RowError
	at      time.Time
}

func (pl *partnerLists) put(l *partnerList) string {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	oldest := ""
	for id, x := range pl.lists {
		if l.at.Sub(x.at) > reconcileKeep {
			delete(pl.lists, id)
		} else if oldest == "" || x.at.Before(pl.lists[oldest].at) {
			oldest = id
		}
	}
	if len(pl.lists) >= reconcileLists {
		delete(pl.lists, oldest)
	}
	var b [12]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	pl.lists[id] = l
	return id
}

func (pl *partnerLists) get(id, user string) *partnerList {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	l := pl.lists[id]
	if l == nil || l.user != user || now().Sub(l.at) > reconcileKeep {
		return nil
	}
	return l
}

// reconcileFormData is the upload form.
type reconcileFormData struct {
	Partner string
	Errors  map[string][]message
}

func (s *Server) reconcileForm(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if !casework.MayReadPersons(c.principal()) {
		return trust.ErrForbidden
	}
	return s.render(w, r, c, http.StatusOK, "reconcile", "reconcile", msg("repat.rec.title"), &reconcileFormData{})
}

// reconcileUpload reads an uploaded partner list and shows its review.
func (s *Server) reconcileUpload(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if !casework.MayReadPersons(c.principal()) {
		return trust.ErrForbidden
	}
	d := &reconcileFormData{Partner: strings.TrimSpace(r.PostFormValue("partner"))}
	fail := func(field, key string, args ...any) error {
		d.Errors = map[string][]message{field: {msg(key, args...)}}
		return s.render(w, r, c, http.StatusUnprocessableEntity, "reconcile", "reconcile", msg("repat.rec.title"), d)
	}
	if d.Partner == "" || len(d.Partner) > 100 {
		return fail("partner", "repat.rec.err.partner")
	}
	if r.MultipartForm == nil {
		return fail("file", "repat.rec.err.file")
	}
	fh, hdr, err := r.FormFile("file")
	if err != nil {
		return fail("file", "repat.rec.err.file")
	}
	defer fh.Close()
	if hdr.Size > reconcileMaxBytes {
		return fail("file", "repat.rec.err.too_big", reconcileMaxBytes>>20)
	}
	rows, rejects, err := casework.ReadPartnerList(hdr.Filename, io.LimitReader(fh, reconcileMaxBytes))
	if err != nil {
		return fail("file", "repat.rec.err.read", err.Error())
	}
	if len(rows)+len(rejects) > reconcileMaxRows {
		return fail("file", "repat.rec.err.too_many", reconcileMaxRows)
	}
	if len(rows) == 0 {
		if len(rejects) > 0 {
			return fail("file", "repat.rec.err.read", rejects[0].Error())
		}
		return fail("file", "repat.rec.err.empty")
	}
	id := s.lists.put(&partnerList{user: c.principal().UserID, partner: d.Partner, file: hdr.Filename,
		rows: rows, rejects: rejects, at: now()})
	http.Redirect(w, r, "/reconcile/"+id, http.StatusSeeOther)
	return nil
}

// reviewData is a reconciliation's review.
type reviewData struct {
	ID        string
	Partner   string
	File      string
	Rec       *casework.Reconciliation
	Matched   []reviewRow
	Conflicts []reviewRow
	Theirs    []reviewRow // on the list, found nowhere here
	Rejects   []*casework.RowError
	Decided   bool
	Problem   *message
	Write     bool // the member may record decisions
}

// reviewRow is a partner row beside its outcome.
type reviewRow struct {
	Row casework.PartnerRow
	Res casework.RowResult
	Key string // the row's key for decisions
}

func (s *Server) reviewData(r *http.Request, c *reqCtx, id string) (*reviewData, error) {
	l := s.lists.get(id, c.principal().UserID)
	if l == nil {
		return nil, &pageError{Code: http.StatusNotFound, Key: "repat.rec.gone"}
	}
	rec, err := s.cw.Reconcile(r.Context(), c.principal(), l.partner, l.rows)
	if err != nil {
		return nil, err
	}
	d := &reviewData{ID: id, Partner: l.partner, File: l.file, Rec: rec, Rejects: l.rejects, Write: c.principal().Can(auth.ActionWriteCase)}
	for i, res := range rec.Rows {
		rr := reviewRow{Row: l.rows[i], Res: res, Key: casework.PartnerRowKey(l.partner, res.RowRef)}
		switch res.Status {
		case casework.StatusMatched:
			d.Matched = append(d.Matched, rr)
		case casework.StatusConflict:
			d.Conflicts = append(d.Conflicts, rr)
		default:
			d.Theirs = append(d.Theirs, rr)
		}
	}
	return d, nil
}

// reconcilePage runs the uploaded list against the persons here again
// (decisions taken since count) and shows the review.
func (s *Server) reconcilePage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.reviewData(r, c, r.PathValue("list"))
	if err != nil {
		return err
	}
	d.Decided = r.URL.Query().Get("decided") == "1"
	return s.render(w, r, c, http.StatusOK, "reconcile_review", "reconcile", msg("repat.rec.review_title", d.Partner), d)
}

// reconcileDecide records an officer's decision that a row of the list
// is, or is not, a person here.
func (s *Server) reconcileDecide(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("list")
	l := s.lists.get(id, c.principal().UserID)
	if l == nil {
		return &pageError{Code: http.StatusNotFound, Key: "repat.rec.gone"}
	}
	rowRef, person := r.PostFormValue("row"), strings.TrimSpace(r.PostFormValue("person"))
	known := false
	for _, row := range l.rows {
		known = known || row.RowRef == rowRef
	}
	if !known || person == "" {
		return &pageError{Code: http.StatusBadRequest, Key: "error.bad_request"}
	}
	same := r.PostFormValue("same") == "yes"
	err := s.cw.DecideMatch(r.Context(), c.principal(), casework.PartnerRowKey(l.partner, rowRef), person, same, r.PostFormValue("note"))
	if fe := fieldError(err); fe != nil {
		d, err := s.reviewData(r, c, id)
		if err != nil {
			return err
		}
		p := msg("repat.err.service", fe.Reason)
		d.Problem = &p
		return s.render(w, r, c, http.StatusUnprocessableEntity, "reconcile_review", "reconcile", msg("repat.rec.review_title", d.Partner), d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/reconcile/"+id+"?decided=1", http.StatusSeeOther)
	return nil
}
