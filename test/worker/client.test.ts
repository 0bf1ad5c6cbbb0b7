// The page's side of the worker protocol (client.ts) with a stand-in worker: the view's people come in parts
// before the view, and are joined; a superseded request's parts are dropped.
import { describe, expect, it } from 'vitest';
import { createAnalysisClient } from '../../src/worker/client';
import { encodePeople } from '../../src/worker/people-codec';
import type { NetworkView, PageMessage, PersonView, WorkerMessage } from '../../src/worker/protocol';

function makeWorker() {
  const sent: PageMessage[] = [];
  const worker = {
    onmessage: undefined as ((e: MessageEvent<WorkerMessage>) => void) | undefined,
    onerror: undefined as unknown,
    postMessage: (m: PageMessage) => void sent.push(m),
    terminate: () => undefined,
  };
  const reply = (m: WorkerMessage) => worker.onmessage!({ data: m } as MessageEvent<WorkerMessage>);
  return { worker: worker as unknown as Worker, sent, reply };
}

const person = (name: string): PersonView => ({ id: name, name, owners: [], degree: 1, cluster: 0, score: 0 });
/** A part as the worker posts it: in columns. */
const part = (...people: PersonView[]) => encodePeople(people);
const emptyView = { people: [] } as unknown as NetworkView;

describe('the analysis client', () => {
  it("joins the people's parts into the view, in order", async () => {
    const { worker, reply } = makeWorker();
    const client = createAnalysisClient(() => worker);
    const answer = client.analyze({ kind: 'sample' }, { seed: 1, resolution: 1 });
    reply({ type: 'people', id: 1, people: part(person('a'), person('b')) });
    reply({ type: 'people', id: 1, people: part(person('c')) });
    reply({ type: 'result', id: 1, view: emptyView, ms: 5 });
    const got = await answer;
    if (got === 'cancelled') throw new Error('cancelled');
    expect(got.view.people.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(got.ms).toBe(5);
  });

  it("drops a superseded request's parts", async () => {
    const { worker, reply } = makeWorker();
    const client = createAnalysisClient(() => worker);
    const first = client.analyze({ kind: 'sample' }, { seed: 1, resolution: 1 });
    reply({ type: 'people', id: 1, people: part(person('old')) });
    const second = client.analyze({ kind: 'sample' }, { seed: 1, resolution: 1 });
    expect(await first).toBe('cancelled');
    reply({ type: 'people', id: 1, people: part(person('late')) });
    reply({ type: 'people', id: 2, people: part(person('new')) });
    reply({ type: 'result', id: 2, view: emptyView, ms: 1 });
    const got = await second;
    if (got === 'cancelled') throw new Error('cancelled');
    expect(got.view.people.map((p) => p.name)).toEqual(['new']);
  });
});
