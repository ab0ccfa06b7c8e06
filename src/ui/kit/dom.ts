type Child = Node | string | number | null | undefined | false;
type Handler = (ev: Event) => void;
export type Attrs = Record<string, string | number | boolean | Handler | undefined>;

/** Event handlers are kept as properties, so a redraw can hand the fresh ones to the elements on the page. */
const HANDLERS = ['onclick', 'onchange', 'oninput', 'ontoggle'] as const;
type WithHandlers = Element & Partial<Record<(typeof HANDLERS)[number], Handler | null>>;

/** Builds an element. Text always goes in as text, never as markup, so hostile strings stay harmless. */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') (el as WithHandlers)[k.toLowerCase() as (typeof HANDLERS)[number]] = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Elements marked data-keep hold choices that live only in the page; a redraw leaves them as the player left them. */
const kept = (el: Element) => el.hasAttribute('data-keep');

function morphElement(old: Element, next: Element): void {
  const keep = kept(old);
  for (const a of [...old.attributes]) {
    if (!next.hasAttribute(a.name) && !(keep && a.name === 'open')) old.removeAttribute(a.name);
  }
  for (const a of [...next.attributes]) {
    if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
  }
  for (const name of HANDLERS) (old as WithHandlers)[name] = (next as WithHandlers)[name] ?? null;
  // Read the wanted choice before the options move over: new options leave `next` as they are adopted.
  const nextValue = next instanceof HTMLSelectElement ? next.value : null;
  morphChildren(old, next);
  if (keep) return;
  if (old instanceof HTMLInputElement && next instanceof HTMLInputElement && old.checked !== next.checked) {
    old.checked = next.checked;
  }
  if (old instanceof HTMLSelectElement && nextValue !== null && old.value !== nextValue) old.value = nextValue;
  if (old instanceof HTMLInputElement && old.type === 'range' && next instanceof HTMLInputElement)
    if (old.value !== next.value) old.value = next.value;
}

/** What makes an element the same one across redraws: its keep mark, its key or its id. */
function identity(node: Node): string | null {
  if (!(node instanceof Element)) return null;
  return node.getAttribute('data-keep') ?? node.getAttribute('data-key') ?? (node.id || null);
}

function morphNode(old: Node, next: Node): void {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName || identity(old) !== identity(next)) {
    old.parentNode?.replaceChild(next, old);
  } else if (old instanceof Element && next instanceof Element) {
    morphElement(old, next);
  } else if (old.nodeValue !== next.nodeValue) {
    old.nodeValue = next.nodeValue;
  }
}

function morphChildren(old: Node, next: Node): void {
  const wanted = [...next.childNodes];
  const byIdentity = new Map<string, Node>();
  for (const child of old.childNodes) {
    const id = identity(child);
    if (id) byIdentity.set(id, child);
  }
  wanted.forEach((child, i) => {
    let have: Node | undefined = old.childNodes[i];
    const id = identity(child);
    const same = id ? byIdentity.get(id) : undefined;
    if (same && same !== have) {
      old.insertBefore(same, have ?? null);
      have = same;
    }
    if (have) morphNode(have, child);
    else old.appendChild(child);
  });
  while (old.childNodes.length > wanted.length) old.lastChild?.remove();
}

/**
 * Brings a container's content up to date in place: elements that stay the same stay on the page, so a
 * click, the keyboard focus or an open list survives the many redraws of a live round.
 */
export function render(container: HTMLElement, ...content: (Child | Child[])[]): void {
  const next = document.createElement(container.tagName);
  for (const c of content.flat()) {
    if (c === null || c === undefined || c === false) continue;
    next.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  morphChildren(container, next);
}

export function button(label: string, key: string, onClick: () => void, extra: Attrs = {}): HTMLElement {
  return h('button', { type: 'button', 'data-key': key, onclick: () => onClick(), ...extra }, label);
}

export function minutesText(m: number): string {
  if (m < 60) return `${Math.round(m)} min`;
  const h = Math.floor(m / 60);
  const r = Math.round(m % 60);
  return r === 0 ? `${h} h` : `${h} h ${r} min`;
}
