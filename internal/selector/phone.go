package selector

func parsePhone(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Phone, raw, "not implemented yet")
}
