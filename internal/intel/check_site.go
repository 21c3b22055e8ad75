package intel

import (
	"context"

	"counterscam/internal/selector"
)

// A scam website is reported under whatever spelling the victim had:
// "https://www.coin-tiger.net/", "coin-tiger.net", "http://coin-tiger.net/".
// The public types it the way they saw it, often without the scheme or the
// "www.". So a website (a URL or a domain) that is not listed under its own
// spelling is listed when the site it stands for is: the bare domain, its
// "www." twin, or the front page of either (https or http), of its host or
// of its registrable domain. Only the site's own names count: a listed page
// at some path of a site lists that page, not the site, and allow-listed
// hosts (platforms) never get here, since the check answers them first.

// siteName is one name of a website: a selector's ID and its canonical
// value.
type siteName struct{ id, value string }

// siteNames returns the names of the website sel stands for, sel's own
// (ID own) left out; none for another kind.
func siteNames(sel *selector.Selector, own string) []siteName {
	var host string
	switch sel.Kind {
	case selector.URL:
		host = hostOf(sel.Value)
	case selector.Domain:
		host = sel.Value
	default:
		return nil
	}
	if host == "" {
		return nil
	}
	hosts := []string{host}
	if reg := sel.Subtype; reg != "" {
		for _, h := range []string{reg, "www." + reg} {
			if h != host {
				hosts = append(hosts, h)
			}
		}
	}
	names := make([]siteName, 0, 3*len(hosts))
	for _, h := range hosts {
		for _, c := range [...]struct {
			kind  selector.Kind
			value string
		}{{selector.Domain, h}, {selector.URL, "https://" + h + "/"}, {selector.URL, "http://" + h + "/"}} {
			if id := selector.IDOf(c.kind, c.value).String(); id != own {
				names = append(names, siteName{id, c.value})
			}
		}
	}
	return names
}

// answerSites lists the not-listed websites among rs whose site is listed
// (see above), with the answer of the site's name that has the most
// public reports, and that name in ListedAs.
func (s *Service) answerSites(ctx context.Context, rs []*CheckResult) error {
	var ids []string
	var per map[*CheckResult][]siteName
	for _, r := range rs {
		if r.Status != StatusNotListed || r.Selector == nil {
			continue
		}
		if names := siteNames(r.Selector, r.id); len(names) > 0 {
			if per == nil {
				per = map[*CheckResult][]siteName{}
			}
			per[r] = names
			for _, n := range names {
				ids = append(ids, n.id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	entries, err := s.publicEntries(ctx, ids, nil)
	if err != nil {
		return err
	}
	for r, names := range per {
		var best *publicEntry
		var name string
		for _, n := range names {
			if pe := entries[n.id]; pe != nil && pe.listed && (best == nil || pe.stats.Reports > best.stats.Reports) {
				best, name = pe, n.value
			}
		}
		if best != nil {
			r.answer(best)
			r.ListedAs = name
		}
	}
	return nil
}
