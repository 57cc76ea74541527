import type { Page } from '@playwright/test';

/**
 * Elements that reach past the window's right edge outside a sideways-scrolling box (none when the page fits). A
 * string, because this project's e2e code is type-checked without the DOM library.
 */
const OVERFLOWING = `(() => {
  const limit = document.documentElement.clientWidth + 1;
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('.table-wrap') !== null) continue;
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > limit) found.push(element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' right=' + Math.round(box.right));
  }
  return found.slice(0, 8);
})()`;

export async function overflowingElements(page: Page): Promise<string[]> {
  return (await page.evaluate(OVERFLOWING)) as string[];
}
