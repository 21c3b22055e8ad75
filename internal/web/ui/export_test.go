package ui

import "counterscam/internal/intake"

// ReadMessages lets the external tests read a language's catalogue as
// the server merges it.
var ReadMessages = readMessages

// SetNetworksFetch changes how many networks the list page asks the store
// for, until the returned function puts it back.
func SetNetworksFetch(n int) (restore func()) {
	old := networksFetch
	networksFetch = n
	return func() { networksFetch = old }
}

// SetListLimits changes how many reports a selector's page and a search
// page list, until the returned function puts them back.
func SetListLimits(n int) (restore func()) {
	sel, search := selectorReportsShown, searchLimit
	selectorReportsShown, searchLimit = n, n
	return func() { selectorReportsShown, searchLimit = sel, search }
}

// AddCodelessReject lists a rejected record with no code (its English
// Reason alone) on import job id, as the page would list a reason intake
// has no code for; false when there is no such job.
func (s *Server) AddCodelessReject(id string, line int, field, reason string) bool {
	s.jobs.mu.Lock()
	j, ok := s.jobs.jobs[id]
	s.jobs.mu.Unlock()
	if ok {
		j.update(func(st *importState) {
			st.Rejects = append(st.Rejects, importReject{RowError: intake.RowError{Line: line, Field: field, Reason: reason}})
		})
	}
	return ok
}
