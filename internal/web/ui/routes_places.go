package ui

// placesRoutes are the read-only pages on places: the compounds with
// their raids, and the travel advisory zones in force.
func (s *Server) placesRoutes() []route {
	return []route{
		{"GET /places", s.placesPage, true},
	}
}
