package selector

func parseIP(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(IP, raw, "not implemented yet")
}
