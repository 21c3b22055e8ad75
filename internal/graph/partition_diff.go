package graph

import (
	"cmp"
	"slices"
)

// Redirects compares the partition before a rebuild with the one after it
// and returns, sorted by From, every network ID of before that is not a
// network ID of after, with the network its reports went to:
//
//   - if the ID's report (the network's old root) is still there, To is the
//     network that report is in now (it merged into an older one);
//   - if that report is gone (deleted), To is the network of the oldest of
//     the old members still there;
//   - if none of the old members is left, the ID gets no redirect.
//
// A network that split keeps its ID for the part holding its oldest report;
// the other parts are new networks named after their own oldest reports, so
// they need no redirect.
func Redirects(before, after *Partition) []Redirect {
	var out []Redirect
	for i, par := range before.parent {
		if par >= 0 {
			continue // not a root
		}
		root := int32(i)
		id := before.reports.at(before.oldest[root])
		if _, ok := after.networkRoot(id); ok {
			continue
		}
		if to, ok := after.NetworkOf(id); ok {
			out = append(out, Redirect{From: id, To: to})
			continue
		}
		heir := ""
		for x := root; ; {
			rid := before.reports.at(x)
			if _, ok := after.reports.get(rid); ok && (heir == "" || rid < heir) {
				heir = rid
			}
			if x = before.next[x]; x == root {
				break
			}
		}
		if heir != "" {
			to, _ := after.NetworkOf(heir)
			out = append(out, Redirect{From: id, To: to})
		}
	}
	slices.SortFunc(out, func(a, b Redirect) int { return cmp.Compare(a.From, b.From) })
	return out
}
