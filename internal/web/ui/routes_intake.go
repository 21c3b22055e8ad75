package ui

// intakeRoutes are the pages from a missing person's report to a consular
// case: the public form, the triage queue, the person and the case.
func (s *Server) intakeRoutes() []route {
	return []route{
		{"GET /missing", s.missingFormPage, false},
		{"POST /missing", s.missingSubmit, false},
		{"GET /missing/sent", s.missingSent, false},
	}
}
