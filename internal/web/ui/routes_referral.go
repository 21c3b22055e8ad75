package ui

// referralRoutes are the pages of a survivor's referral to a support
// organisation: the referring side's list and form on a person, and the
// shelter worker's inbox with the consented fields only. The casework
// service decides who sees what; withdrawing consent ends the sharing.
func (s *Server) referralRoutes() []route {
	return []route{
		{"GET /persons/{id}/referrals", s.personReferrals, true},
		{"POST /persons/{id}/referrals", s.referralSubmit, true},
		{"POST /referrals/{id}/withdraw", s.referralWithdraw, true},
		{"GET /referrals", s.referredPage, true},
		{"GET /referrals/{id}", s.referredView, true},
	}
}
