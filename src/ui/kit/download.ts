import { h } from './dom';

/** Hands text to the browser as a file to save. */
export function download(text: string, name: string, type: string): void {
  const a = h('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name }) as HTMLAnchorElement;
  document.body.append(a);
  a.click();
  a.remove();
}
