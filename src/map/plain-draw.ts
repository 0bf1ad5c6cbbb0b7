/**
 * Sigma's people and links drawn as plain triangles instead of instances.
 *
 * Sigma 4 draws every person and every link as one instance of a 4-vertex triangle strip
 * (`drawArraysInstanced`). Without a GPU, Chromium runs WebGL on SwiftShader, which pays a fixed cost per
 * instance: on the settled 30,000-people map (60,000 links drawn, a 660 × 630 canvas) the links' draw took
 * about 1.5 s and the people's 0.64 s, whatever the people's size on screen, while a plain `drawArrays` of the
 * same number of quads with a trivial shader took a fifth of the instanced time (docs/performance.md,
 * Session 7). A frame is main-thread time there (the compositor reads the canvas back), so it was the load's
 * longest task.
 *
 * `drawWithoutInstancing(program)` makes one sigma program draw its visible pass from an expanded buffer
 * instead: each item's attributes repeated for each vertex of its triangles (a strip of V vertices becomes
 * 3 (V − 2) vertices), with the constant per-vertex data (the quad's corner) beside them, and one
 * `drawArrays(TRIANGLES)`. The shaders are sigma's own and use neither `gl_InstanceID` nor `gl_VertexID`,
 * so they draw the same pixels. The picking pass is left instanced (the map draws none for people, and
 * sigma skips it for links when link events are off).
 *
 * Cost: the expanded buffer is rebuilt and uploaded only when sigma marks its own buffer changed
 * (`invalidateBuffers`, after processing items), O(items × 3 (V − 2) × slots), about 2.5 M 32-bit words
 * for 60,000 links; memory 3 (V − 2) times sigma's own instance buffer plus the corners.
 */

/** One attribute of a sigma program: each takes `size` float slots, or one slot for 4 packed bytes. */
interface AttributeSpec {
  name: string;
  size: number;
  type: number;
  normalized?: boolean;
}

/** What sigma's `Program.getProgramInfo` returns, as far as it is read here. */
interface ProgramInfo {
  gl: WebGL2RenderingContext;
  isPicking: boolean;
  attributeLocations: Record<string, number>;
}

/** The members of sigma 4's `Program` (rendering/program.ts) this module reads and replaces. */
export interface SigmaProgram {
  isInstanced: boolean;
  VERTICES: number;
  METHOD: number;
  ATTRIBUTES: AttributeSpec[];
  CONSTANT_ATTRIBUTES: AttributeSpec[];
  ATTRIBUTES_ITEMS_COUNT: number;
  constantArray?: Float32Array;
  floats?: Float32Array;
  capacity: number;
  renderOffset: number;
  renderCount: number;
  bindProgram(info: ProgramInfo): void;
  drawWebGL(method: number, info: ProgramInfo): void;
}

const GL_TRIANGLES = 4;
const GL_TRIANGLE_STRIP = 5;

/** Float slots an attribute takes in sigma's buffers (packed bytes: one). */
function slots(attribute: AttributeSpec): number {
  return attribute.normalized ? 1 : attribute.size;
}

/**
 * The vertex order that draws a `vertices`-vertex item of `method` as a plain list, and the method to draw
 * that list with: a triangle strip becomes its triangles; anything else is repeated as it is.
 */
export function toPlainOrder(method: number, vertices: number): { order: number[]; method: number } {
  if (method !== GL_TRIANGLE_STRIP) return { order: Array.from({ length: vertices }, (_, i) => i), method };
  const order: number[] = [];
  for (let k = 0; k + 2 < vertices; k++) order.push(k, k + 1, k + 2);
  return { order, method: GL_TRIANGLES };
}

/**
 * Sigma's instance buffer (`items` items of `itemSlots` 32-bit slots) and its per-vertex constants
 * (`constantSlots` slots per vertex) expanded into one plain vertex list, in `order` per item. Slots are
 * copied as bits (packed colours and ids are not floats).
 */
export function expandInstances(
  instances: Uint32Array,
  itemSlots: number,
  items: number,
  constants: Uint32Array,
  constantSlots: number,
  order: readonly number[],
  out?: Uint32Array,
): Uint32Array {
  const width = itemSlots + constantSlots;
  const size = items * order.length * width;
  const target = out && out.length === size ? out : new Uint32Array(size);
  let o = 0;
  for (let i = 0; i < items; i++) {
    const base = i * itemSlots;
    for (const v of order) {
      for (let a = 0; a < itemSlots; a++) target[o++] = instances[base + a]!;
      const c0 = v * constantSlots;
      for (let c = 0; c < constantSlots; c++) target[o++] = constants[c0 + c]!;
    }
  }
  return target;
}

/** Indices of `items` items of `vertices` vertices each, in `order` per item. */
export function toIndices(order: readonly number[], vertices: number, items: number): Uint32Array {
  const out = new Uint32Array(items * order.length);
  let o = 0;
  for (let i = 0; i < items; i++) for (const v of order) out[o++] = i * vertices + v;
  return out;
}

/**
 * Make `program` draw its visible pass without instancing (see the module comment). Does nothing to a
 * program that is not instanced. Returns whether it changed the program.
 */
export function drawWithoutInstancing(program: SigmaProgram): boolean {
  if (!program.isInstanced || !program.constantArray) return false;
  const { order, method } = toPlainOrder(program.METHOD, program.VERTICES);
  const itemSlots = program.ATTRIBUTES_ITEMS_COUNT;
  const constantSlots = program.CONSTANT_ATTRIBUTES.reduce((n, a) => n + slots(a), 0);
  const width = itemSlots + constantSlots;
  const constants = new Uint32Array(program.constantArray.buffer.slice(0));
  const baseBind = program.bindProgram;
  const baseDraw = program.drawWebGL;
  const vertexOrder = Array.from({ length: program.VERTICES }, (_, i) => i);
  let buffer: WebGLBuffer | null = null;
  let indexBuffer: WebGLBuffer | null = null;
  let expanded: Uint32Array | undefined;
  /** The sigma buffer and generation the expanded buffer was made from. */
  let madeFrom: Float32Array | undefined;
  let madeAt = -1;

  program.bindProgram = function (this: SigmaProgram, info: ProgramInfo) {
    if (info.isPicking) return baseBind.call(this, info);
    const gl = info.gl;
    const floats = this.floats;
    const generation = (this as unknown as { bufferGeneration: number }).bufferGeneration;
    buffer ??= gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    if (floats && (floats !== madeFrom || generation !== madeAt)) {
      const instances = new Uint32Array(floats.buffer, floats.byteOffset, this.capacity * itemSlots);
      expanded = expandInstances(instances, itemSlots, this.capacity, constants, constantSlots, vertexOrder, expanded);
      gl.bufferData(gl.ARRAY_BUFFER, expanded, gl.DYNAMIC_DRAW);
      if (madeFrom?.length !== floats.length) {
        indexBuffer ??= gl.createBuffer();
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, toIndices(order, vertexOrder.length, this.capacity), gl.STATIC_DRAW);
      }
      madeFrom = floats;
      madeAt = generation;
    }
    if (indexBuffer) gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
    let offset = 0;
    for (const attribute of [...this.ATTRIBUTES, ...this.CONSTANT_ATTRIBUTES]) {
      const location = info.attributeLocations[attribute.name] ?? -1;
      if (location !== -1) {
        gl.enableVertexAttribArray(location);
        gl.vertexAttribPointer(
          location,
          attribute.size,
          attribute.type,
          Boolean(attribute.normalized),
          width * 4,
          offset,
        );
        gl.vertexAttribDivisor(location, 0);
      }
      offset += slots(attribute) * 4;
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  };

  program.drawWebGL = function (this: SigmaProgram, glMethod: number, info: ProgramInfo) {
    if (info.isPicking) return baseDraw.call(this, glMethod, info);
    const count = this.renderCount >= 0 ? this.renderCount : this.capacity;
    info.gl.drawElements(method, count * order.length, info.gl.UNSIGNED_INT, this.renderOffset * order.length * 4);
  };
  return true;
}
