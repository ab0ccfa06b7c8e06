import type { SaveFile } from '../../round/save/save';

/** A file name that says which round it is: scenario, seed and minute. */
export function roundFileName(save: SaveFile): string {
  const safe = (s: string) => s.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  return `firepants-${safe(save.scenario.id)}-seed${save.state.seed}-minute${save.state.now}.json`;
}

/** Downloads the saved round, so it can be carried to another machine. */
export function exportRound(file: { text: string; save: SaveFile }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = roundFileName(file.save);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
