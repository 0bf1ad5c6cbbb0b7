/**
 * Just enough of the DOM for mounting a view in Node (the project has no jsdom): elements and text nodes, the
 * tree operations the views use, simple selectors (tags, classes, descendants) and the focus as browsers keep
 * it: `focus()` on a focusable element in the document makes it `document.activeElement`, and taking a node
 * holding the focus out of the document (removing, replacing or moving it) sends the focus back to the body.
 */

type Child = ShimNode | string;

class ShimNode {
  parentNode: ShimElement | undefined = undefined;
  constructor(readonly ownerDocument: ShimDocument) {}

  get parentElement(): ShimElement | undefined {
    return this.parentNode;
  }
  get isConnected(): boolean {
    return this.ownerDocument.documentElement.contains(this);
  }
  get textContent(): string {
    return '';
  }
  contains(other: ShimNode | null | undefined): boolean {
    for (let n = other ?? undefined; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  remove(): void {
    const parent = this.parentNode;
    if (!parent) return;
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1);
    this.parentNode = undefined;
    const doc = this.ownerDocument;
    if (doc.focused && this.contains(doc.focused)) doc.focused = undefined;
  }
  before(...nodes: Child[]): void {
    this.parentNode?.insert(this.ownerDocument.toNodes(nodes), this);
  }
  after(...nodes: Child[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = parent.childNodes[parent.childNodes.indexOf(this) + 1];
    parent.insert(this.ownerDocument.toNodes(nodes), next);
  }
  replaceWith(...nodes: Child[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = parent.childNodes[parent.childNodes.indexOf(this) + 1];
    this.remove();
    parent.insert(this.ownerDocument.toNodes(nodes), next);
  }
}

class ShimText extends ShimNode {
  constructor(
    doc: ShimDocument,
    public data: string,
  ) {
    super(doc);
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(value: string) {
    this.data = value;
  }
}

const FOCUSABLE = new Set(['button', 'input', 'select', 'textarea']);

class ShimElement extends ShimNode {
  readonly childNodes: ShimNode[] = [];
  readonly attributes = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  hidden = false;
  value = '';

  constructor(
    doc: ShimDocument,
    readonly localName: string,
  ) {
    super(doc);
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }
  get className(): string {
    return this.attributes.get('class') ?? '';
  }
  set className(value: string) {
    this.attributes.set('class', value);
  }
  get classList(): { contains(name: string): boolean } {
    return { contains: (name) => this.className.split(/\s+/).includes(name) };
  }
  get children(): ShimElement[] {
    return this.childNodes.filter((n): n is ShimElement => n instanceof ShimElement);
  }
  get firstChild(): ShimNode | null {
    return this.childNodes[0] ?? null;
  }
  override get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }
  override set textContent(value: string) {
    this.replaceChildren(value);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }
  click(): void {
    for (const l of this.listeners.get('click') ?? []) l({ type: 'click', target: this, preventDefault() {} });
  }
  focus(): void {
    const focusable =
      FOCUSABLE.has(this.localName) ||
      (this.localName === 'a' && this.attributes.has('href')) ||
      this.attributes.has('tabindex');
    if (focusable && this.isConnected) this.ownerDocument.focused = this;
  }
  append(...nodes: Child[]): void {
    this.insert(this.ownerDocument.toNodes(nodes), undefined);
  }
  replaceChildren(...nodes: Child[]): void {
    const fresh = this.ownerDocument.toNodes(nodes);
    for (const n of [...this.childNodes]) n.remove();
    this.insert(fresh, undefined);
  }
  /** Insert before `next` (at the end without it), taking each node out of where it was first. */
  insert(nodes: ShimNode[], next: ShimNode | undefined): void {
    for (const n of nodes) {
      if (n.contains(this)) throw new Error('dom-shim: a node cannot go inside itself');
      n.remove();
      const at = next ? this.childNodes.indexOf(next) : -1;
      this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, n);
      n.parentNode = this;
    }
  }
  querySelectorAll(selector: string): ShimElement[] {
    const parts = selector.trim().split(/\s+/);
    const found: ShimElement[] = [];
    const walk = (e: ShimElement) => {
      for (const c of e.children) {
        if (matchesPath(c, parts)) found.push(c);
        walk(c);
      }
    };
    walk(this);
    return found;
  }
  querySelector(selector: string): ShimElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

/** `tag`, `.class`, `tag.class.other`: anything else is not supported here (and says so). */
function matchesSimple(e: ShimElement, simple: string): boolean {
  const m = /^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)$/i.exec(simple);
  if (!m) throw new Error(`dom-shim: selector "${simple}" is not supported (tags and classes only)`);
  if (m[1] && m[1].toLowerCase() !== e.localName) return false;
  const classes = (m[2] ?? '').split('.').filter(Boolean);
  return classes.every((c) => e.classList.contains(c));
}

/** Whether `e` matches the last part and its ancestors, in order, the parts before it (descendant combinators). */
function matchesPath(e: ShimElement, parts: string[]): boolean {
  const last = parts[parts.length - 1];
  if (last === undefined || !matchesSimple(e, last)) return false;
  let rest = parts.length - 2;
  for (let a = e.parentNode; a && rest >= 0; a = a.parentNode) if (matchesSimple(a, parts[rest]!)) rest--;
  return rest < 0;
}

class ShimDocument {
  readonly documentElement: ShimElement;
  readonly body: ShimElement;
  focused: ShimElement | undefined = undefined;

  constructor() {
    this.documentElement = new ShimElement(this, 'html');
    this.body = new ShimElement(this, 'body');
    this.documentElement.append(this.body);
  }
  get activeElement(): ShimElement {
    return this.focused ?? this.body;
  }
  createElement(tag: string): ShimElement {
    return new ShimElement(this, tag.toLowerCase());
  }
  createTextNode(text: string): ShimText {
    return new ShimText(this, text);
  }
  toNodes(nodes: Child[]): ShimNode[] {
    return nodes.map((n) => (typeof n === 'string' ? this.createTextNode(n) : n));
  }
}

/** Installs a fresh `document` as a global; the returned function puts back what was there. */
export function installDom(): () => void {
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = new ShimDocument();
  return () => {
    g.document = before;
  };
}
