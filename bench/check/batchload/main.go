// Command batchload drives the partners' bulk check, POST
// /api/v1/check/batch, from several connections at once and prints how
// many values a second it answered, with request latencies:
//
//	go run ./bench/check/batchload -url http://127.0.0.1:8080 -token TOKEN \
//	    -bodies bodies-small.jsonl -c 8 -d 20s
//
// The values are those of a public check body file (one JSON object a
// line, {"query", "region"}), grouped by region into requests of -per
// values, taken in turn.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "server")
	token := flag.String("token", "", "API token of a partner")
	bodies := flag.String("bodies", "", "public check body file")
	per := flag.Int("per", 1000, "values a request")
	conns := flag.Int("c", 8, "connections")
	dur := flag.Duration("d", 20*time.Second, "how long")
	flag.Parse()
	if err := run(*url, *token, *bodies, *per, *conns, *dur); err != nil {
		fmt.Fprintln(os.Stderr, "batchload:", err)
		os.Exit(1)
	}
}

type query struct {
	Query  string `json:"query"`
	Region string `json:"region,omitempty"`
}

// requests groups the file's values by region into bodies of per values.
func requests(path string, per int) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byRegion := map[string][]string{}
	var order []string
	var out [][]byte
	flush := func(region string) error {
		b, err := json.Marshal(map[string]any{"queries": byRegion[region], "region": region})
		out = append(out, b)
		byRegion[region] = byRegion[region][:0]
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		var q query
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, err
		}
		if _, ok := byRegion[q.Region]; !ok {
			order = append(order, q.Region)
		}
		byRegion[q.Region] = append(byRegion[q.Region], q.Query)
		if len(byRegion[q.Region]) == per {
			if err := flush(q.Region); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range order {
		if len(byRegion[r]) > 0 {
			if err := flush(r); err != nil {
				return nil, err
			}
		}
	}
	return out, sc.Err()
}

func run(url, token, path string, per, conns int, dur time.Duration) error {
	reqs, err := requests(path, per)
	if err != nil {
		return err
	}
	var counts []int
	for _, r := range reqs {
		var b struct{ Queries []string }
		json.Unmarshal(r, &b)
		counts = append(counts, len(b.Queries))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conns, DisableCompression: true}}
	var (
		next, values atomic.Int64
		mu           sync.Mutex
		lat          []time.Duration
		firstErr     error
		wg           sync.WaitGroup
	)
	deadline := time.Now().Add(dur)
	start := time.Now()
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) {
				i := int(next.Add(1)-1) % len(reqs)
				req, _ := http.NewRequest("POST", url+"/api/v1/check/batch", bytes.NewReader(reqs[i]))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+token)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
				values.Add(int64(counts[i]))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	el := time.Since(start)
	if firstErr != nil {
		return firstErr
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("bulk check: %d requests, %d values in %.1fs: %.0f values/s; request p50 %v p99 %v (%d connections, %d values a request)\n",
		len(lat), values.Load(), el.Seconds(), float64(values.Load())/el.Seconds(), pct(0.5).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), conns, per)
	return nil
}
