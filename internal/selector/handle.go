package selector

func parseHandle(raw string, o Options) (Selector, error) {
	return Selector{}, invalid(Handle, raw, "not implemented yet")
}
