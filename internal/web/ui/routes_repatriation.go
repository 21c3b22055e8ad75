package ui

// repatriationRoutes are the pages from screening to the flight home: the
// screening form, the prosecutor's dossier, the reconciliation review and
// the flight manifest. All are for signed-in members; the casework service
// decides who may read or change what.
func (s *Server) repatriationRoutes() []route {
	return []route{
		{"GET /persons/{id}/screenings/new", s.screeningForm, true},
		{"POST /persons/{id}/screenings", s.screeningSubmit, true},
		{"GET /persons/{id}/dossier", s.dossierPage, true},
		{"POST /persons/{id}/evidence", s.dossierEvidence, true},
		{"GET /reconcile", s.reconcileForm, true},
		{"POST /reconcile", s.reconcileUpload, true},
		{"GET /reconcile/{list}", s.reconcilePage, true},
		{"POST /reconcile/{list}/decisions", s.reconcileDecide, true},
		{"GET /flights", s.flightsPage, true},
		{"POST /flights", s.createFlight, true},
		{"GET /flights/{id}", s.flightPage, true},
		{"GET /flights/{id}/manifest.csv", s.manifestCSV, true},
		{"POST /flights/{id}/passengers", s.addPassenger, true},
		{"POST /flights/{id}/passengers/{person}", s.updatePassenger, true},
		{"POST /flights/{id}/passengers/{person}/outcome", s.passengerOutcome, true},
		{"POST /flights/{id}/passengers/{person}/remove", s.removePassenger, true},
		{"POST /flights/{id}/departed", s.flightDeparted, true},
		{"POST /flights/{id}/arrived", s.flightArrived, true},
		{"POST /flights/{id}/reschedule", s.rescheduleFlight, true},
	}
}
