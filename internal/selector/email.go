package selector

func parseEmail(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Email, raw, "not implemented yet")
}
