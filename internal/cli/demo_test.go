package cli

import (
	"context"
	"slices"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/demo"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestDemoRecoversPlantedNetworks loads the demo scene and checks that the
// networks found are exactly the planted ones: every planted network is one
// network holding exactly its reports, and every lone report is alone, in
// spite of the shared infrastructure sprinkled over all of them.
func TestDemoRecoversPlantedNetworks(t *testing.T) {
	ctx := context.Background()
	st, svc := newService(t)
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	users, err := setUpDemoOrgs(ctx, ts)
	if err != nil {
		t.Fatal(err)
	}
	sc := demo.Generate(7, demo.Options{})
	if err := loadScene(ctx, svc, sc, users); err != nil {
		t.Fatal(err)
	}
	netOf := map[string]string{} // external ref -> network
	members := map[string][]string{}
	reps, err := st.ListReports(ctx, store.ReportFilter{Scope: store.Scope{All: true}, Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != len(sc.Records) {
		t.Fatalf("stored %d reports of %d", len(reps), len(sc.Records))
	}
	for _, r := range reps {
		netOf[r.ExternalRef] = r.NetworkID
		members[r.NetworkID] = append(members[r.NetworkID], r.ExternalRef)
	}
	for _, pn := range sc.Networks {
		id := netOf[pn.Refs[0]]
		got := slices.Clone(members[id])
		want := slices.Clone(pn.Refs)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("planted network %q: found %d reports in its network, planted %d", pn.Name, len(got), len(want))
		}
	}
	for _, ref := range sc.Lone {
		if n := len(members[netOf[ref]]); n != 1 {
			t.Errorf("lone report %s is in a network of %d", ref, n)
		}
	}
	c, _ := st.Counts(ctx, store.Scope{All: true})
	if c.Networks != len(sc.Networks)+len(sc.Lone) {
		t.Errorf("%d networks, want %d planted + %d lone", c.Networks, len(sc.Networks), len(sc.Lone))
	}
}
