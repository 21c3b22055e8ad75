package cli

import (
	"context"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/demo"
	"counterscam/internal/trust"
)

// TestConsularSceneAfterTheDemo loads the consular scene the way
// runDemo would, after the intelligence scene and its organisations: the
// embassy then shares with the police unit KNPA as well.
func TestConsularSceneAfterTheDemo(t *testing.T) {
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
	if err := loadScene(ctx, svc, demo.Generate(7, demo.Options{Networks: 3, Lone: 10}), users); err != nil {
		t.Fatal(err)
	}
	cs, err := demo.LoadConsular(ctx, st, svc, ts, 7, demo.ConsularOptions{Password: demoPassword})
	if err != nil {
		t.Fatal(err)
	}
	if cs.Queued != 2 || cs.Overdue != 2 || cs.CharterID == "" || len(cs.Users) != 4 {
		t.Errorf("consular scene = %+v", cs)
	}
	org, err := st.GetOrg(ctx, "MOFA-KH")
	if err != nil || len(org.Partners) != 2 || org.Partners[0] != "KNPA" {
		t.Errorf("the embassy's partners = %+v, %v", org, err)
	}
}
