package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// benchReports is the size of the benchmarks' store: reports in
// communities of eight, each community's reports naming three of its
// twelve phone numbers, from two partner origins, 60% CLEAR, so that a
// good share of the numbers is publicly listed and networks stay small,
// as they mostly are.
const benchReports = 4000

func benchPhone(i int) string { return fmt.Sprintf("+82 10-1%03d-%04d", i/10000%1000, i%10000) }

// benchServer is a test server over a store filled with benchReports
// reports; phone numbers 0..pool-1 are named in them.
func benchServer(b *testing.B) (*testServer, int) {
	return benchServerTB(b, benchReports)
}

func benchServerTB(b testing.TB, reports int) (*testServer, int) {
	b.Helper()
	srv := newTestServer(b, Options{CheckRate: 1e12})
	ctx := context.Background()
	pool := reports / 8 * 12
	var batch []*store.Report
	flush := func() {
		if _, err := srv.svc.Submit(ctx, trust.Operator(), batch, nil); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	for i := range reports {
		in := &intel.ReportInput{Origin: []string{"KNPA", "CNP"}[i/3%2], ExternalRef: fmt.Sprint("B-", i),
			ScamType: "romance", VictimCountry: "KR", TLP: "AMBER", Narrative: "victim statement"}
		if i%5 < 3 {
			in.TLP = "CLEAR"
		}
		base := i / 8 * 12
		for _, k := range []int{i % 12, i * 5 % 12, (i*7 + 3) % 12} {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: benchPhone(base + k), Role: "contacted_by"})
		}
		r, err := srv.svc.Prepare(in)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, r)
		if len(batch) == 500 {
			flush()
		}
	}
	flush()
	// As serve does: the checks answer from the index of listed selectors.
	if err := srv.svc.WarmChecks(b.Context()); err != nil {
		b.Fatal(err)
	}
	return srv, pool
}

// checkBodies is a mix of public check bodies: stored numbers written the
// national way and the international way, numbers nobody reported, and
// text that is no identifier.
func checkBodies(pool, n int) []string {
	out := make([]string, n)
	for i := range out {
		k := i * 7919 % (2 * pool)
		switch {
		case i%10 == 9:
			out[i] = fmt.Sprintf(`{"query":"is this a scam %d"}`, i)
		case i%2 == 0:
			p := benchPhone(k)
			out[i] = `{"query":"0` + p[4:] + `","region":"KR"}`
		default:
			out[i] = `{"query":"` + benchPhone(k) + `"}`
		}
	}
	return out
}

// serveBodies runs POST path with each body in turn across the
// benchmark's goroutines straight into the server's handler.
func serveBodies(b *testing.B, h http.Handler, path, token string, bodies []string) {
	// One pass first, so that the benchmark measures a warm check cache
	// (the intel package's benchmarks measure cold lookups).
	for _, body := range bodies {
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(1)) % len(bodies)
			req := httptest.NewRequest("POST", path, strings.NewReader(bodies[i]))
			req.Header.Set("Content-Type", "application/json")
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("%s: %d %s", bodies[i], w.Code, w.Body)
			}
			io.Copy(io.Discard, w.Body)
		}
	})
}

// BenchmarkPublicCheck is the public check through the API's handler
// (decode, rate limit, normalise, look up in the index, encode), without
// the network.
func BenchmarkPublicCheck(b *testing.B) {
	srv, pool := benchServer(b)
	h := srv.Config.Handler
	serveBodies(b, h, "/api/v1/check", "", checkBodies(pool, 4096))
}

// BenchmarkCheckBatch is the partners' bulk check, 1,000 values a request;
// it reports values a second.
func BenchmarkCheckBatch(b *testing.B) {
	srv, pool := benchServer(b)
	h := srv.Config.Handler
	const per = 1000
	var bodies []string
	for j := range 8 {
		qs := make([]string, per)
		for i := range qs {
			k := (j*per + i) * 7919 % (2 * pool)
			qs[i] = `"` + benchPhone(k) + `"`
			if i%10 == 9 {
				qs[i] = `"not a number"`
			}
		}
		bodies = append(bodies, `{"queries":[`+strings.Join(qs, ",")+`],"region":"KR"}`)
	}
	serveBodies(b, h, "/api/v1/check/batch", srv.tokens["s@bank.test"], bodies)
	b.ReportMetric(float64(b.N*per)/b.Elapsed().Seconds(), "values/s")
}

// BenchmarkRange is the private range check for random prefixes.
func BenchmarkRange(b *testing.B) {
	srv, _ := benchServer(b)
	h := srv.Config.Handler
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			req := httptest.NewRequest("GET", fmt.Sprintf("/api/v1/range/%05x", i*104729%(1<<20)), nil)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
		}
	})
}
