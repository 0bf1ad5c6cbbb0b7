/**
 * The veil: a translucent white quad over the whole map, drawn by sigma between the ordinary depth
 * layers and the top ones (MAP_DEPTH_LAYERS). Everything under it looks dimmed, everything in the top
 * layers (a hovered person's links and neighbours, search results) stays bright. Dimming this way
 * costs one draw call, where recolouring every person and link through the reducers cost O(people +
 * links) per hover at 30,000 people.
 *
 * Wiring (mount-map.ts): `new Sigma(graph, el, { primitives: { ...DEFAULT_PRIMITIVES, depthLayers:
 * MAP_DEPTH_LAYERS } })`, then `sigma.addCustomLayerProgram('veil', VEIL_DEPTH, (gl) =>
 * createVeilProgram(gl, () => alpha))`.
 */

/** Sigma's depth layers with the veil between the ordinary ones and the top ones. */
export const MAP_DEPTH_LAYERS = ['edges', 'nodes', 'veil', 'topEdges', 'topNodes'] as const;
export const VEIL_DEPTH = 'veil';

const VERTEX = `#version 300 es
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); }`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform float u_alpha;
out vec4 fragColor;
// Premultiplied white (sigma blends with ONE, ONE_MINUS_SRC_ALPHA).
void main() { fragColor = vec4(u_alpha, u_alpha, u_alpha, u_alpha); }`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('map/veil: could not create a WebGL shader.');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`map/veil: shader did not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  return shader;
}

/** A sigma custom layer program drawing the veil with the opacity `getAlpha()` gives (0 draws nothing). */
export function createVeilProgram(
  gl: WebGL2RenderingContext,
  getAlpha: () => number,
): { render(): void; kill(): void } {
  const vs = compile(gl, gl.VERTEX_SHADER, VERTEX);
  const fs = compile(gl, gl.FRAGMENT_SHADER, FRAGMENT);
  const program = gl.createProgram();
  if (!program) throw new Error('map/veil: could not create a WebGL program.');
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`map/veil: program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
  const alphaLocation = gl.getUniformLocation(program, 'u_alpha');
  const vao = gl.createVertexArray();
  const buffer = gl.createBuffer();
  const previousVao = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1]), gl.STATIC_DRAW);
  const position = gl.getAttribLocation(program, 'a_position');
  gl.enableVertexAttribArray(position);
  gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(previousVao);

  return {
    render() {
      const alpha = getAlpha();
      if (!(alpha > 0)) return;
      const depthTest = gl.isEnabled(gl.DEPTH_TEST);
      const blend = gl.isEnabled(gl.BLEND);
      const previousProgram = gl.getParameter(gl.CURRENT_PROGRAM) as WebGLProgram | null;
      const previous = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
      if (depthTest) gl.disable(gl.DEPTH_TEST);
      if (!blend) gl.enable(gl.BLEND);
      gl.useProgram(program);
      gl.bindVertexArray(vao);
      gl.uniform1f(alphaLocation, Math.min(1, alpha));
      gl.drawArrays(gl.TRIANGLES, 0, 6);
      gl.bindVertexArray(previous);
      gl.useProgram(previousProgram);
      if (depthTest) gl.enable(gl.DEPTH_TEST);
      if (!blend) gl.disable(gl.BLEND);
    },
    kill() {
      gl.deleteBuffer(buffer);
      gl.deleteVertexArray(vao);
      gl.deleteProgram(program);
      gl.deleteShader(vs);
      gl.deleteShader(fs);
    },
  };
}
