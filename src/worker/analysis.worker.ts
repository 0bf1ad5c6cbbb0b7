/// <reference lib="webworker" />
// The analysis worker: thin. It runs the pipeline (src/worker/pipeline.ts) off the page, reports
// progress per stage, stops when cancelled or superseded, and answers in steps: the map's view as soon as
// clusters are named (typed arrays transferred), then the super-connector scores, run in two bridging
// threads (bridging-pool.ts): a first estimate over the first sampled sources, then the final scores, which
// go on from it (the CLI's bits). Once the page says it has shown the final scores, it refines the layout in
// chunks (ForceAtlas2 over typed arrays), sending positions until stable or stopped.
import { getLinkExplanations } from '../core/analysis/explain-link';
import { createForceLayout } from '../core/layout/force-layout';
import {
  PEOPLE_PART,
  type NetworkView,
  type PageMessage,
  type Stage,
  type WorkerFile,
  type WorkerMessage,
} from './protocol';
import { createBridgingPool, type BridgingPool } from './bridging-pool';
import { encodePeople, getPeopleTransfer } from './people-codec';
import { createSession } from './pipeline';
import { loadSampleFiles } from './sample';

const session = createSession();
// Nested workers exist in Chromium, Firefox and Safari ≥ 15.5; without them bridging runs in this thread.
const pool: BridgingPool | undefined =
  typeof Worker === 'undefined'
    ? undefined
    : createBridgingPool(() => new Worker(new URL('./bridging.worker.ts', import.meta.url), { type: 'module' }));
let current = 0;
let layoutStopped = 0;
/**
 * The request whose map the page is drawing. Its first draw is the slowest thing the page does (seconds at 30,000
 * people where WebGL is drawn in software), and bridging's two threads plus the evidence graph would take the
 * cores from it, so they start when the page says the map is drawn, or after MAX_DRAW_WAIT_MS at the latest.
 */
let awaitingDraw: { id: number; resolve(): void } | undefined;
const MAX_DRAW_WAIT_MS = 20_000;
/**
 * Longest wait, after the final scores, for the page to say it has shown them (see below). Its answer comes at
 * once but on a big map, which the page builds again for them first (1.2–1.5 s of its tasks at 225,000 people).
 */
const MAX_RESCORED_WAIT_MS = 10_000;

/**
 * Resolves when the page says the map of request `id` is drawn (a `drawn` message), the person uses it (links or an
 * Ask), a newer request arrives, or after `maxMs`.
 */
const untilDrawn = (id: number, maxMs: number) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      if (awaitingDraw?.id === id) awaitingDraw = undefined;
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    awaitingDraw?.resolve();
    awaitingDraw = { id, resolve: done };
  });
/** People from which the Ask index is built before the layout rather than after it (see below). */
const EARLY_ASK_INDEX_PEOPLE = 100_000;

const post = (msg: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);
const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** Iterations per message: about 100 ms of work at any size, so stop and supersede answer quickly. */
const chunkFor = (view: NetworkView) =>
  Math.max(1, Math.min(50, Math.round(5e6 / (view.people.length + view.edges.source.length + 1))));

/** Owners' spokes are left out of the layout (they would pull everyone into one star); owners sit at their connections' centre. */
function withoutOwnerSpokes(view: NetworkView): NetworkView['edges'] {
  const keep: number[] = [];
  for (let e = 0; e < view.edges.source.length; e++)
    if (!view.people[view.edges.source[e]!]?.ownerId && !view.people[view.edges.target[e]!]?.ownerId) keep.push(e);
  return {
    source: Uint32Array.from(keep, (e) => view.edges.source[e]!),
    target: Uint32Array.from(keep, (e) => view.edges.target[e]!),
    weight: Float32Array.from(keep, (e) => view.edges.weight[e]!),
    kinds: Uint8Array.from(keep, (e) => view.edges.kinds[e]!),
  };
}

function placeOwners(view: NetworkView, positions: Float32Array): Float32Array {
  view.people.forEach((p, i) => {
    if (!p.ownerId) return;
    let x = 0;
    let y = 0;
    let k = 0;
    view.people.forEach((q, j) => {
      if (q.owners.includes(p.ownerId!)) {
        x += positions[2 * j]!;
        y += positions[2 * j + 1]!;
        k++;
      }
    });
    if (k) [positions[2 * i], positions[2 * i + 1]] = [x / k, y / k];
  });
  return positions;
}

/**
 * Each position message makes the page redraw every drawn person and link. Where WebGL is drawn in software
 * (SwiftShader, as in headless Chromium here), one frame of 30,000 people and 60,000 links took seconds and held
 * the page's thread while it was read back for compositing (a Chromium trace in docs/performance.md), so
 * bigger maps do not animate: above ANIMATE_MAX people + links the page gets the progress every 500 ms and the
 * positions once, when the layout stops. Smaller maps get positions every 150 ms (the start sample: 39,000).
 */
const ANIMATE_MAX = 150_000;
const animates = (view: NetworkView) => view.people.length + view.edges.source.length <= ANIMATE_MAX;

async function refineLayout(id: number, view: NetworkView): Promise<void> {
  const layout = createForceLayout(view.positions, withoutOwnerSpokes(view));
  const chunk = chunkFor(view);
  const animated = animates(view);
  const interval = animated ? 150 : 500;
  let posted = performance.now();
  for (;;) {
    await tick();
    if (current !== id || layoutStopped === id) {
      // Stopped by the user: the anti-overlap pass still runs (a superseded layout is not shown, so it skips it).
      if (current === id) layout.finish();
      post({
        type: 'layout',
        id,
        positions: placeOwners(view, layout.positions()),
        iteration: layout.iteration,
        maxIterations: layout.maxIterations,
        done: true,
      });
      return;
    }
    const done = layout.step(chunk);
    // Between posts the layout keeps stepping (a chunk is ~100 ms, so a stop is still seen at once).
    if (!done && performance.now() - posted < interval) continue;
    posted = performance.now();
    const progress = {
      type: 'layout',
      id,
      iteration: layout.iteration,
      maxIterations: layout.maxIterations,
      done,
    } as const;
    if (done || animated) {
      const positions = placeOwners(view, layout.positions());
      post({ ...progress, positions }, [positions.buffer]);
    } else post(progress);
    if (done) return;
  }
}

self.onmessage = async (event: MessageEvent<PageMessage>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    if (msg.id === current) {
      current = 0;
      pool?.abort();
      awaitingDraw?.resolve();
    }
    return;
  }
  if (msg.type === 'layout-stop') {
    layoutStopped = msg.id;
    return;
  }
  if (msg.type === 'drawn') {
    if (msg.id === awaitingDraw?.id) awaitingDraw.resolve();
    return;
  }
  if (msg.type === 'links' || msg.type === 'ask') {
    // The person is using the map, so it is drawn: ranking may start. The answer waits until the network on
    // screen can be read (right after), never reading the previous one.
    awaitingDraw?.resolve();
    await session.whenReady();
  }
  if (msg.type === 'links') {
    const graph = session.current()?.analysis.graph;
    post({
      type: 'links-result',
      id: msg.id,
      person: msg.person,
      links: graph ? getLinkExplanations(graph, msg.person) : [],
    });
    return;
  }
  if (msg.type === 'ask') {
    // Asks do not supersede the analysis or the layout: they read the network on screen.
    const started = performance.now();
    try {
      post({ type: 'ask-result', id: msg.id, answer: session.ask(msg.need, msg.me), ms: performance.now() - started });
    } catch (e) {
      post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  current = msg.id;
  pool?.abort();
  awaitingDraw?.resolve();
  const id = msg.id;
  const isCancelled = () => current !== id;
  const onProgress = (stage: Stage, fraction: number, message: string) =>
    post({ type: 'progress', id, stage, fraction, message });
  const started = performance.now();
  let forLayout: NetworkView | undefined;
  // A new import's changes come with the first scores after they were computed: the final ones (pipeline.ts).
  let changesSent: NetworkView['changes'] | undefined;
  // The first answer: the map, before bridging. The layout keeps its own copies of the arrays moved to the page.
  const onClusters = (v: NetworkView) => {
    if (isCancelled()) return;
    changesSent = v.changes;
    forLayout = {
      ...v,
      positions: v.positions.slice(),
      edges: {
        ...v.edges,
        source: v.edges.source.slice(),
        target: v.edges.target.slice(),
        weight: v.edges.weight.slice(),
      },
    };
    for (let i = 0; i < v.people.length; i += PEOPLE_PART) {
      const people = encodePeople(v.people.slice(i, i + PEOPLE_PART));
      post({ type: 'people', id, people }, getPeopleTransfer(people));
    }
    post({ type: 'result', id, view: { ...v, people: [] }, ms: performance.now() - started }, [
      v.positions.buffer,
      v.edges.source.buffer,
      v.edges.target.buffer,
      v.edges.weight.buffer,
      v.edges.kinds.buffer,
    ]);
  };
  // Bridging waits until the page says the map is drawn (or MAX_DRAW_WAIT_MS, or a newer request).
  const afterClusters = () => untilDrawn(id, MAX_DRAW_WAIT_MS);
  // The first estimate of the scores, posted at once; the final ones follow when the rest of the sources is done,
  // in the same two threads. The layout waits for them: beside both threads it slowed them and itself (three
  // busy threads on two cores), and scores that came after its last positions cost the page a redraw of their own
  // (about a second at 30,000 people in software WebGL; see docs/performance.md).
  const postScores = (v: NetworkView, estimate: boolean) => {
    const scores = Float32Array.from(v.people, (p) => p.score);
    const ms = performance.now() - started;
    const changes = v.changes !== changesSent && v.changes.length ? { changes: v.changes } : {};
    changesSent = v.changes;
    post({ type: 'scores', id, scores, superConnectors: v.superConnectors, estimate, ms, ...changes }, [scores.buffer]);
  };
  const onEstimate = (v: NetworkView) => {
    if (!isCancelled() && forLayout) postScores(v, true);
  };
  const hooks = {
    onProgress,
    isCancelled,
    onClusters,
    afterClusters,
    onEstimate,
    ...(pool ? { bridge: pool.run, similar: pool.similar, prepareThread: pool.prepare } : {}),
  };
  try {
    let files: WorkerFile[] | undefined;
    if (msg.type === 'analyze') {
      files = msg.input.kind === 'sample' ? await loadSampleFiles() : msg.input.files;
      // The message would keep the files' bytes (10.7 MB at 30k) alive for the whole run; the import drops them.
      if (msg.input.kind === 'files') msg.input.files = [];
    }
    const result = files
      ? await session.analyze(files.splice(0), msg.settings, hooks)
      : await session.recluster(msg.settings, hooks);
    if (result === 'cancelled' || isCancelled() || !forLayout) {
      post({ type: 'cancelled', id });
      return;
    }
    postScores(result, false);
    // The Ask index and the layout wait until the page has shown the final scores: on a big map, where WebGL draws
    // only the largest people, it builds the map again for them, and beside this thread's work (two busy threads and
    // the GPU process on two cores) that was the load's longest task, 0.94–1.15 s; waiting, 0.82–0.92 s (225,000
    // people, three runs each, docs/performance.md, Session 10). Elsewhere the page answers at once.
    await untilDrawn(id, MAX_RESCORED_WAIT_MS);
    // A big network's Ask index before its layout (which runs for minutes there, while the person uses the map):
    // built after it, the first Ask and the first person opened as the layout settled waited for it (1.7–1.9 s
    // and about 1 s at 225,000 people). Smaller networks keep the layout first, below.
    if (result.people.length >= EARLY_ASK_INDEX_PEOPLE && current === id) session.prepareAsk();
    await refineLayout(id, forLayout);
    // The first Ask as fast as the next (about 1 s of CPU at 30,000 people), once the layout has settled: not
    // beside bridging's two threads on two cores, nor before the layout (it delayed the settled map by as much).
    // An Ask before then builds the index itself.
    if (current === id) session.prepareAsk();
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
};
