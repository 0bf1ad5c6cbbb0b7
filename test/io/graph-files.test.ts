import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { getGraphFormat, parseGraphFile, toGexf, toGraphJson, toGraphml } from '../../src/io/graph-files';
import { importFixture, messages } from './helpers';

function sampleGraph(): Graph {
  const g = new Graph({ type: 'undirected' });
  g.addNode('linkedin.com/in/ana', {
    label: 'Ana Ferreira',
    url: 'https://www.linkedin.com/in/ana',
    city: 'Porto',
    score: 0.5,
    x: 1,
    y: 2,
    size: 3,
  });
  g.addNode('email:bo@example.org', { label: 'Bo <Chan> & "Co"', email: 'bo@example.org', tags: ['a', 'b'] });
  g.addNode('n3', { label: 'Chen Wu', owner: true });
  g.addEdge('linkedin.com/in/ana', 'email:bo@example.org', { weight: 2.5, type: 'colleague' });
  g.addEdge('email:bo@example.org', 'n3', { weight: 1 });
  return g;
}

describe('graph files', () => {
  it.each([
    ['gexf', toGexf],
    ['graphml', toGraphml],
    ['graph-json', toGraphJson],
  ] as const)('%s round-trips people, attributes and weighted edges', (kind, write) => {
    const text = write(sampleGraph());
    expect(getGraphFormat(text)).toBe(kind);
    const r = parseGraphFile(text, `map.${kind}`);
    expect(r.issues).toEqual([]);
    expect(r.nodes).toBe(3);
    const ana = r.attributes.find((a) => a.person.localId === 'linkedin.com/in/ana');
    expect(ana?.person).toEqual({
      localId: 'linkedin.com/in/ana',
      url: 'https://www.linkedin.com/in/ana',
      name: 'Ana Ferreira',
    });
    expect(ana?.attributes).toMatchObject({ city: 'Porto', score: '0.5' });
    expect(ana?.attributes).not.toHaveProperty('x');
    const bo = r.attributes.find((a) => a.person.localId === 'email:bo@example.org');
    expect(bo?.person).toMatchObject({ email: 'bo@example.org', name: 'Bo <Chan> & "Co"' });
    expect(bo?.attributes.tags).toBe('["a","b"]');
    expect(r.edges.map((e) => [e.source.localId, e.target.localId, e.weight ?? 1])).toEqual([
      ['linkedin.com/in/ana', 'email:bo@example.org', 2.5],
      ['email:bo@example.org', 'n3', 1],
    ]);
    expect(r.edges[0]?.type).toBe('colleague');
    expect(r.attributes.every((a) => a.source === 'graph')).toBe(true);
  });

  it('reads the fixtures written by hand (Gephi-style)', async () => {
    const r = await importFixture('graph');
    expect(r.summary.map((s) => [s.file, s.kind, s.rows])).toEqual([
      ['graph/small.gexf', 'gexf', 3],
      ['graph/small.graphml', 'graphml', 3],
      ['graph/small.json', 'graph-json', 3],
      ['graph/truncated.gexf', 'gexf', 0],
    ]);
    expect(messages(r, 'error')).toEqual([
      'graph/truncated.gexf: io/graph-files: the gexf file could not be read (the file ends before its closing tag); nothing was read from it. Re-export it from Gephi or check it is complete.',
    ]);
    expect(r.dataset.attributes[0]).toMatchObject({
      person: { localId: 'n1', name: 'Ana Ferreira' },
      attributes: { location: 'Porto' },
      ref: { file: 'graph/small.gexf', line: 6 },
    });
    expect(r.dataset.edges.map((e) => e.ref)).toEqual([
      { file: 'graph/small.gexf', line: 10 },
      { file: 'graph/small.graphml', line: 7 },
      { file: 'graph/small.json' },
    ]);
  });

  it('turns garbage into an issue, never a throw', () => {
    expect(parseGraphFile('{"nodes": 3}', 'x.json').issues[0]?.message).toMatch(/could not be read/);
    expect(parseGraphFile('<graphml><graph><node id="a"/>', 'x.graphml').issues[0]?.severity).toBe('error');
    expect(parseGraphFile('hello', 'x.txt').issues[0]?.message).toMatch(/not a GEXF, GraphML/);
  });
});
