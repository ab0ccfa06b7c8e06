/**
 * The red banner for what went wrong, and the page-wide listeners that raise it: no error ever leaves a blank
 * screen without a word. Light on purpose: it is installed before the rest of the game loads.
 */
export function showFailure(err: unknown): void {
  const box = document.getElementById('failure');
  if (!box) return;
  box.hidden = false;
  // A banner that cannot be put away would cover the next round: it can be dismissed.
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.onclick = () => {
    box.hidden = true;
  };
  box.replaceChildren(
    `Something went wrong: ${err instanceof Error ? err.message : String(err)}. Your settings and the last save of your round are kept: reload to continue from the menu. `,
    dismiss,
  );
}

export function reportFailures(): void {
  window.addEventListener('error', (e) => showFailure(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => showFailure(e.reason));
}
