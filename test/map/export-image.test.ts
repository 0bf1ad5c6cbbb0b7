import { describe, expect, it } from 'vitest';
import { buildDisplayGraph } from '../../src/map/display-graph';
import {
  getLegendHeight,
  OWNER_LEGEND_ITEM,
  toLegendRows,
  toSvg,
  toSvgAsync,
  toXmlText,
  type LegendItem,
} from '../../src/map/export-image';
import { CLUSTER_COLORS, getClusterColor, OTHER_CLUSTERS_COLOR } from '../../src/map/palette';
import { makeView } from '../ui/view-fixture';

/** Minimal well-formedness check: tags balance, no raw '<' or '&' in text. */
function checkXml(xml: string): string[] {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const re = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(amp|lt|gt|quot|apos);)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (!m[2]) throw new Error(`stray ${m[0]} at ${m.index}: ${body.slice(m.index - 20, m.index + 20)}`);
    if (m[4]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else stack.push(m[2]);
  }
  return stack;
}

const legendOf = (view: ReturnType<typeof makeView>): LegendItem[] =>
  view.clusters.map((c, i) => ({ label: c.label, color: getClusterColor(i), size: c.size }));

describe('toSvg', () => {
  it('builds the same document in chunks (toSvgAsync) as in one go', async () => {
    const view = makeView();
    const graph = buildDisplayGraph(view);
    for (const options of [{}, { maxEdges: 1 }, { hideNames: true, hidden: new Set(['3']) }])
      expect(await toSvgAsync(graph, legendOf(view), options)).toBe(toSvg(graph, legendOf(view), options));
  });

  it("draws every person as a circle, every link but owners' spokes as a line, cluster names and a legend", () => {
    const view = makeView();
    const svg = toSvg(buildDisplayGraph(view), legendOf(view));
    expect(checkXml(svg)).toEqual([]);
    expect(svg.match(/<circle /g)?.length).toBe(6);
    expect(svg.match(/<line /g)?.length).toBe(2); // 1-2 colleague, 2-3; the owner's two spokes are not drawn
    expect(svg.match(/>Software · Berlin</g)?.length).toBe(1); // at the centre (legend adds the size)
    expect(svg).toContain('>Software · Berlin (3)<');
    expect(svg).toContain('>Björn Quill<');
  });

  it('omits every person name in presentation mode', () => {
    const view = makeView();
    const svg = toSvg(buildDisplayGraph(view), legendOf(view), { hideNames: true });
    for (const p of view.people) expect(svg).not.toContain(toXmlText(p.name));
    expect(svg).toContain('>Finance · Paris<');
  });

  it('leaves out hidden people, their links and hidden link kinds', () => {
    const view = makeView();
    const svg = toSvg(buildDisplayGraph(view), legendOf(view), { hidden: new Set(['3']), edgeKindMask: 0b11110 });
    expect(svg.match(/<circle /g)?.length).toBe(5);
    expect(svg.match(/<line /g)?.length).toBe(1); // 1-2 colleague; 2-3 goes with person 3; connections hidden
    expect(svg).not.toContain('Dario Fenn');
  });

  it('keeps the heaviest links when capped', () => {
    const view = makeView();
    const graph = buildDisplayGraph(view);
    // Of the two drawn links (1-2 weight 0.5, 2-3 weight 0.3), the heavier is kept: make it stand out.
    graph.setEdgeAttribute(graph.edge('1', '2')!, 'color', '#123456');
    const svg = toSvg(graph, legendOf(view), { maxEdges: 1 });
    expect(svg.match(/<line /g)?.length).toBe(1);
    expect(svg).toContain('stroke="#123456"');
  });

  it('escapes names so they stay text', () => {
    const view = makeView();
    view.people[1] = { ...view.people[1]!, name: '<script>alert("x")</script> & \u0007Co' };
    view.clusters[0] = { ...view.clusters[0]!, label: 'R&D <lab>' };
    const svg = toSvg(buildDisplayGraph(view), legendOf(view));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(svg).toContain('R&amp;D &lt;lab&gt;');
    expect(checkXml(svg)).toEqual([]);
  });

  it('gives the grey "other clusters" one row, then summarises a long legend', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `Cluster ${i}`, color: getClusterColor(i), size: 2 }));
    const rows = toLegendRows([...many, OWNER_LEGEND_ITEM]);
    const coloured = CLUSTER_COLORS.length;
    expect(rows.map((r) => r.label)).toEqual([
      ...many.slice(0, coloured).map((m) => m.label),
      `Other clusters (${30 - coloured} clusters, ${2 * (30 - coloured)} people)`,
      OWNER_LEGEND_ITEM.label,
    ]);
    expect(rows[coloured]!.color).toBe(OTHER_CLUSTERS_COLOR);
    const svg = toSvg(buildDisplayGraph(makeView()), many);
    expect(svg).toContain(`>Other clusters (${30 - coloured} clusters, ${2 * (30 - coloured)} people)<`);
    expect(svg.match(new RegExp(`fill="${OTHER_CLUSTERS_COLOR}"/>`, 'g'))?.length).toBe(1); // one grey swatch
    const short = toSvg(buildDisplayGraph(makeView()), many, { maxLegendItems: 5 });
    expect(short).toContain(`+ ${coloured + 1 - 5} more clusters`);
    expect(short).not.toContain('>Cluster 6 (2)<');
    expect(getLegendHeight(30, 10)).toBeGreaterThan(getLegendHeight(3, 10));
  });
});
