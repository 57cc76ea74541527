/**
 * Hands text or an image to the browser as a download. The renderer has no file system access (Electron's
 * sandbox, or a plain browser in web mode), so a temporary link is the one way to save a file.
 */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  clickLink(url, fileName);
  // Revoke later: the download may not have read the blob yet when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads a `data:` URL (what ECharts' `getDataURL` returns). */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  clickLink(dataUrl, fileName);
}

function clickLink(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
