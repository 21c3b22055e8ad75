package casework

import (
	"fmt"
	"testing"

	"counterscam/internal/store"
)

// boardingBench is a planned flight and n persons of the embassy with
// screened cases, ready to board, and as many more with a case only
// reported (listed as not ready), on the embedded store.
func boardingBench(b *testing.B, n int) (*fixture, *store.Flight, []*store.Case) {
	f := newFixture(b)
	fl, ready := f.manifest(n)
	for i := range n {
		in := minho()
		in.ExternalRef, in.Selectors = fmt.Sprintf("EMB-R%05d", i), nil
		f.openCase(f.officer, f.person(f.officer, in).ID, Reported)
	}
	return f, fl, ready
}

// BenchmarkBoarders lists who a flight could take, as the flight's page
// does on every view by an officer who may add passengers.
func BenchmarkBoarders(b *testing.B) {
	for _, n := range []int{64, 640} {
		b.Run(fmt.Sprintf("ready=%d,held=%d", n, n), func(b *testing.B) {
			f, fl, _ := boardingBench(b, n)
			for b.Loop() {
				bs, err := f.svc.Boarders(f.ctx, f.officer, fl.ID)
				if err != nil || len(bs) != 2*n {
					b.Fatalf("%d boarders, %v", len(bs), err)
				}
			}
		})
	}
}

// BenchmarkAddPassengers64 puts 64 persons on a flight: in one
// AddPassengers transaction, or in 64 AddPassenger calls, as the form
// did one person at a time. Taking them off again is not timed.
func BenchmarkAddPassengers64(b *testing.B) {
	for _, mode := range []string{"batch", "singly"} {
		b.Run(mode, func(b *testing.B) {
			f, fl, cases := boardingBench(b, 64)
			for b.Loop() {
				if mode == "batch" {
					var ins []*PassengerInput
					for _, c := range cases {
						ins = append(ins, &PassengerInput{CaseID: c.ID, LegalStatus: "victim"})
					}
					if _, err := f.svc.AddPassengers(f.ctx, f.officer, fl.ID, ins); err != nil {
						b.Fatal(err)
					}
				} else {
					for _, c := range cases {
						if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "victim"}); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.StopTimer()
				for _, c := range cases {
					if err := f.svc.RemovePassenger(f.ctx, f.officer, fl.ID, c.PersonID, ""); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
			}
		})
	}
}
