type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((ev: Event) => void) | undefined>;

/** Builds an element. Text always goes in as text, never as markup, so hostile strings stay harmless. */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces a container's content and keeps keyboard focus on the element with the same data-key. */
export function render(container: HTMLElement, ...content: (Child | Child[])[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(
    ...(content.flat().filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]).map((c) =>
      typeof c === 'number' ? String(c) : c,
    ),
  );
  if (key) {
    const again = container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    again?.focus();
  }
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
