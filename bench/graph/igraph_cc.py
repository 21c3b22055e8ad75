"""Time python-igraph's connected_components on counterscam's edge list.

Usage: igraph_cc.py EDGES SIZES_OUT RUNS

Loads the edge list written by bench/graph (report and selector nodes, a
bipartite graph), times only Graph.connected_components (median of RUNS),
and writes the component-size histogram in the same form as the Go side,
sizes counted in reports.
"""

import statistics
import sys
import time
from collections import Counter

import igraph


def main():
    edges_path, sizes_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(edges_path) as f:
        header = f.readline().split()
        n_reports, n_selectors = int(header[2]), int(header[4])
        nums = list(map(int, f.read().split()))
    reports = nums[0::2]
    selectors = [n_reports + s for s in nums[1::2]]
    g = igraph.Graph(n=n_reports + n_selectors, edges=list(zip(reports, selectors)))

    times = []
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        cc = g.connected_components()
        times.append(time.perf_counter() - start)

    per_component = Counter(cc.membership[:n_reports])
    hist = Counter(per_component.values())
    with open(sizes_path, "w") as out:
        out.write(f"components {len(cc)}\n")
        for size in sorted(hist):
            out.write(f"{size} {hist[size]}\n")
    print(f"igraph {igraph.__version__} nodes {g.vcount()} edges {g.ecount()}")
    print(f"runs {len(times)} min_ms {min(times) * 1000:.2f} median_ms {statistics.median(times) * 1000:.2f}")


if __name__ == "__main__":
    main()
