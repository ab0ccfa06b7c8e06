/** Opens "How to play" (a dialog in the page itself, so it works before the rest of the game has loaded). */
export function openHelp(): void {
  const dialog = document.getElementById('help') as HTMLDialogElement | null;
  if (dialog && !dialog.open) dialog.showModal();
}
