#!/usr/bin/env python3
"""The igraph side of `npm run bench` (test/bench/run.ts), on the same graph in the same run.

Usage: /usr/bin/python3 test/bench/igraph_bench.py <dir> <nodes> <layout_iterations> <exact_max_nodes>

<dir> holds what test/bench/measure.ts wrote: the evidence graph without owners as src.i32, dst.i32
(node indices) and w.f64 (link weights), with our betweenness (betweenness.f64) and our clusters
(community.i32). Prints one JSON object:
  build_ms           igraph.Graph from the edge list (+ weight attribute)
  louvain_ms, modularity           community_multilevel(weights) (Blondel et al. 2008)
  our_modularity                   igraph's modularity of our clusters (cross-check of ours)
  betweenness_ms     exact weighted betweenness, length = 1 / weight as ours (only up to exact_max_nodes)
  spearman, top100   rank correlation and top-100 overlap of our (sampled) betweenness vs igraph's exact
  layout_ms          layout_fruchterman_reingold(niter=layout_iterations, grid=True)
Needs python3-igraph (Debian); prints {"error": ...} without it.
"""
import json
import sys
import time
from array import array


def read(path, code):
    a = array(code)
    with open(path, "rb") as f:
        a.frombytes(f.read())
    return a


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(ra)
    ma, mb = sum(ra) / n, sum(rb) / n
    sab = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    saa = sum((x - ma) ** 2 for x in ra)
    sbb = sum((y - mb) ** 2 for y in rb)
    return sab / (saa * sbb) ** 0.5 if saa > 0 and sbb > 0 else float("nan")


def top(values, k):
    return set(sorted(range(len(values)), key=lambda i: (-values[i], i))[:k])


def main():
    folder, n, iterations, exact_max = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    try:
        import igraph
    except ImportError:
        print(json.dumps({"error": "python3-igraph is not installed (apt-get install python3-igraph)"}))
        return
    src = read(f"{folder}/src.i32", "i")
    dst = read(f"{folder}/dst.i32", "i")
    w = read(f"{folder}/w.f64", "d")
    ours = read(f"{folder}/betweenness.f64", "d")
    community = read(f"{folder}/community.i32", "i")
    out = {"igraph": igraph.__version__}

    t = time.perf_counter()
    g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=False)
    g.es["weight"] = list(w)
    out["build_ms"] = (time.perf_counter() - t) * 1000

    t = time.perf_counter()
    parts = g.community_multilevel(weights="weight")
    out["louvain_ms"] = (time.perf_counter() - t) * 1000
    out["modularity"] = parts.modularity
    out["our_modularity"] = g.modularity(list(community), weights="weight")

    if n <= exact_max:
        g.es["length"] = [1 / x for x in w]
        t = time.perf_counter()
        exact = g.betweenness(directed=False, weights="length")
        out["betweenness_ms"] = (time.perf_counter() - t) * 1000
        out["spearman"] = spearman(list(ours), exact)
        k = min(100, n)
        out["top100"] = len(top(list(ours), k) & top(exact, k)) / k

    if iterations > 0:
        t = time.perf_counter()
        g.layout_fruchterman_reingold(niter=iterations, grid=True)
        out["layout_ms"] = (time.perf_counter() - t) * 1000
    print(json.dumps(out))


main()
