/**
 * Keeps the panel drawn in `container` open as a real modal dialog: the floor behind it is inert (no speed
 * change, no drill by a stray click) and the focus stays inside. Escape calls `onEscape`, or does nothing.
 */
export function keepModal(container: HTMLElement, onEscape: (() => void) | null): void {
  const dialog = container.querySelector(':scope > dialog');
  if (!(dialog instanceof HTMLDialogElement)) return;
  dialog.oncancel = (e) => {
    e.preventDefault();
    onEscape?.();
  };
  if (!dialog.open) dialog.showModal();
}

/** The first control a keyboard user would reach in an element. */
export function firstControl(el: ParentNode): HTMLElement | null {
  return el.querySelector<HTMLElement>(
    'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex="0"]',
  );
}
