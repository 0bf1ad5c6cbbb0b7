import { describe, expect, it } from 'vitest';
import {
  drawWithoutInstancing,
  expandInstances,
  toIndices,
  toPlainOrder,
  type SigmaProgram,
} from '../../src/map/plain-draw';

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const POINTS = 0;

describe('toPlainOrder', () => {
  it("draws a 4-vertex strip as its two triangles, with the strip's vertices", () => {
    expect(toPlainOrder(TRIANGLE_STRIP, 4)).toEqual({ order: [0, 1, 2, 1, 2, 3], method: TRIANGLES });
    expect(toPlainOrder(TRIANGLE_STRIP, 5).order).toEqual([0, 1, 2, 1, 2, 3, 2, 3, 4]);
  });

  it('keeps other methods as they are', () => {
    expect(toPlainOrder(TRIANGLES, 3)).toEqual({ order: [0, 1, 2], method: TRIANGLES });
    expect(toPlainOrder(POINTS, 1)).toEqual({ order: [0], method: POINTS });
  });
});

describe('expandInstances', () => {
  it("repeats each item's slots for every vertex, with that vertex's constants after them", () => {
    // Two items of two slots; three vertices of one constant slot each.
    const out = expandInstances(Uint32Array.of(10, 11, 20, 21), 2, 2, Uint32Array.of(7, 8, 9), 1, [0, 1, 2]);
    expect([...out]).toEqual([10, 11, 7, 10, 11, 8, 10, 11, 9, 20, 21, 7, 20, 21, 8, 20, 21, 9]);
  });

  it('copies bits, not numbers (packed colours are not floats)', () => {
    const floats = new Float32Array(1);
    const bits = new Uint32Array(floats.buffer);
    bits[0] = 0x7fc00001; // a NaN with a payload: a float copy could change it
    const out = expandInstances(bits, 1, 1, new Uint32Array(0), 0, [0, 0]);
    expect([...out]).toEqual([0x7fc00001, 0x7fc00001]);
  });

  it('reuses the output array when it has the right size', () => {
    const first = expandInstances(Uint32Array.of(1), 1, 1, Uint32Array.of(2), 1, [0]);
    expect(expandInstances(Uint32Array.of(3), 1, 1, Uint32Array.of(4), 1, [0], first)).toBe(first);
    expect([...first]).toEqual([3, 4]);
  });
});

describe('toIndices', () => {
  it("offsets each item's triangles by its vertices", () => {
    expect([...toIndices([0, 1, 2, 1, 2, 3], 4, 2)]).toEqual([0, 1, 2, 1, 2, 3, 4, 5, 6, 5, 6, 7]);
  });
});

/** A stand-in for sigma's Program and a WebGL context that records the calls made on it. */
function makeProgram(instanced = true) {
  const calls: unknown[][] = [];
  const gl = new Proxy(
    { ARRAY_BUFFER: 34962, ELEMENT_ARRAY_BUFFER: 34963, DYNAMIC_DRAW: 35048, STATIC_DRAW: 35044, UNSIGNED_INT: 5125 },
    {
      get: (target, name: string) =>
        name in target
          ? target[name as keyof typeof target]
          : (...args: unknown[]) => {
              calls.push([name, ...args.map((a) => (ArrayBuffer.isView(a) ? [...(a as Uint32Array)] : a))]);
              return name === 'createBuffer' ? { buffer: calls.length } : undefined;
            },
    },
  ) as unknown as WebGL2RenderingContext;
  const base: string[] = [];
  const floats = new Float32Array(4);
  new Uint32Array(floats.buffer).set([1, 2, 3, 4]);
  const program = {
    isInstanced: instanced,
    VERTICES: 4,
    METHOD: TRIANGLE_STRIP,
    ATTRIBUTES: [
      { name: 'a_index', size: 1, type: 5126 },
      { name: 'a_color', size: 4, type: 5121, normalized: true },
    ],
    CONSTANT_ATTRIBUTES: [{ name: 'a_corner', size: 2, type: 5126 }],
    ATTRIBUTES_ITEMS_COUNT: 2,
    constantArray: Float32Array.of(-1, -1, 1, -1, -1, 1, 1, 1),
    floats,
    capacity: 2,
    renderOffset: 1,
    renderCount: 1,
    bufferGeneration: 1,
    bindProgram: (_info: unknown) => void base.push('bind'),
    drawWebGL: (_method: number, _info: unknown) => void base.push('draw'),
  };
  const info = (isPicking: boolean) => ({
    gl,
    isPicking,
    attributeLocations: { a_index: 0, a_color: 1, a_corner: 2 } as Record<string, number>,
  });
  return { program, gl, calls, base, info };
}

describe('drawWithoutInstancing', () => {
  it('binds an expanded vertex buffer and draws indexed triangles from the render offset', () => {
    const { program, calls, info } = makeProgram();
    expect(drawWithoutInstancing(program as unknown as SigmaProgram)).toBe(true);
    program.bindProgram.call(program, info(false));
    program.drawWebGL.call(program, TRIANGLE_STRIP, info(false));
    const uploads = calls.filter((c) => c[0] === 'bufferData');
    // 2 items × 4 vertices × (2 item slots + 2 corner slots); corners as float bits.
    const corner = (x: number, y: number) => [...new Uint32Array(Float32Array.of(x, y).buffer)];
    expect(uploads[0]![2]).toEqual([
      ...[1, 2, ...corner(-1, -1), 1, 2, ...corner(1, -1), 1, 2, ...corner(-1, 1), 1, 2, ...corner(1, 1)],
      ...[3, 4, ...corner(-1, -1), 3, 4, ...corner(1, -1), 3, 4, ...corner(-1, 1), 3, 4, ...corner(1, 1)],
    ]);
    expect(uploads[1]![2]).toEqual([0, 1, 2, 1, 2, 3, 4, 5, 6, 5, 6, 7]);
    // One vertex is 4 slots (16 bytes): the index at 0, the packed colour at 4, the corner at 8; no divisors.
    expect(calls.filter((c) => c[0] === 'vertexAttribPointer')).toEqual([
      ['vertexAttribPointer', 0, 1, 5126, false, 16, 0],
      ['vertexAttribPointer', 1, 4, 5121, true, 16, 4],
      ['vertexAttribPointer', 2, 2, 5126, false, 16, 8],
    ]);
    expect(calls.filter((c) => c[0] === 'vertexAttribDivisor').every((c) => c[2] === 0)).toBe(true);
    // The second item only (offset 1, count 1): 6 indices from index 6, in bytes 24.
    expect(calls.at(-1)).toEqual(['drawElements', TRIANGLES, 6, 5125, 24]);
  });

  it('uploads again only when sigma marks its buffer changed', () => {
    const { program, calls, info } = makeProgram();
    drawWithoutInstancing(program as unknown as SigmaProgram);
    const uploads = () => calls.filter((c) => c[0] === 'bufferData').length;
    program.bindProgram.call(program, info(false));
    expect(uploads()).toBe(2); // vertices and indices
    program.bindProgram.call(program, info(false));
    expect(uploads()).toBe(2);
    program.bufferGeneration++;
    program.bindProgram.call(program, info(false));
    expect(uploads()).toBe(3); // vertices only: the item count did not change
  });

  it("leaves the picking pass and programs that are not instanced to sigma's own code", () => {
    const { program, base, info } = makeProgram();
    drawWithoutInstancing(program as unknown as SigmaProgram);
    program.bindProgram.call(program, info(true));
    program.drawWebGL.call(program, TRIANGLE_STRIP, info(true));
    expect(base).toEqual(['bind', 'draw']);
    const plain = makeProgram(false);
    expect(drawWithoutInstancing(plain.program as unknown as SigmaProgram)).toBe(false);
  });
});
