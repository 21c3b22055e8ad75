package ui

// repatriationRoutes are the pages from screening to the flight home: the
// screening form, the reconciliation review and the flight manifest.
func (s *Server) repatriationRoutes() []route {
	return nil
}
