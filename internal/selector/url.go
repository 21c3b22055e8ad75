package selector

func parseURL(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(URL, raw, "not implemented yet")
}

func parseDomain(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Domain, raw, "not implemented yet")
}
