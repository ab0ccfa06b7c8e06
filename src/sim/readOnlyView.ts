/**
 * A view of the world that can be read but not changed: a bot brought from outside looks at the world through it,
 * so the only way it changes anything is a command (checked like any player's).
 */
const views = new WeakMap<object, object>();

function refuse(what: PropertyKey): never {
  throw new TypeError(
    `a policy may only look at the world: it tried to change "${String(what)}"; send a command instead`,
  );
}

const handler: ProxyHandler<object> = {
  get(target, key) {
    const value: unknown = Reflect.get(target, key);
    return value !== null && typeof value === 'object' ? readOnlyView(value) : value;
  },
  set: (_target, key) => refuse(key),
  defineProperty: (_target, key) => refuse(key),
  deleteProperty: (_target, key) => refuse(key),
  setPrototypeOf: () => refuse('its prototype'),
  preventExtensions: () => refuse('its extensibility'),
};

/** The same value, read-only all the way down; the same object always gives the same view. */
export function readOnlyView<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const target = value as object;
  let view = views.get(target);
  if (!view) {
    view = new Proxy(target, handler);
    views.set(target, view);
  }
  return view as T;
}
