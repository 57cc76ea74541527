/**
 * Text made safe to place inside HTML: ECharts renders tooltip formatter strings as HTML, and units, titles and
 * machine names can come from an imported file, so every interpolated string goes through this first.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
