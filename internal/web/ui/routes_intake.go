package ui

// intakeRoutes are the pages from a missing person's report to a consular
// case: the public form, the triage queue, the person and the case.
func (s *Server) intakeRoutes() []route {
	return []route{
		{"GET /missing", s.missingFormPage, false},
		{"POST /missing", s.missingSubmit, false},
		{"GET /missing/sent", s.missingSent, false},
		{"GET /triage", s.triagePage, true},
		{"GET /intakes/{id}", s.intakePage, true},
		{"POST /intakes/{id}/triage", s.intakeTriage, true},
		{"GET /persons", s.personsPage, true},
		{"GET /persons/{id}", s.personPage, true},
		{"POST /persons/{id}/documents", s.personDocument, true},
		{"POST /persons/{id}/cases", s.personOpenCase, true},
		{"GET /cases/{id}", s.casePage, true},
		{"POST /cases/{id}/move", s.caseMove, true},
		{"POST /cases/{id}/actions", s.caseAction, true},
		{"POST /cases/{id}/roles", s.caseRole, true},
	}
}
