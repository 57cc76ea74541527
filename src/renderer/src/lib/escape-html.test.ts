import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('turns every character that can open a tag, an attribute or an entity into an entity', () => {
    expect(escapeHtml('<img src="x" onerror=\'a\'>&')).toBe('&#60;img src=&#34;x&#34; onerror=&#39;a&#39;&#62;&#38;');
  });

  it('leaves plain text, units and non-ASCII as they are', () => {
    expect(escapeHtml('12.3\u00a0tokens/s · °C')).toBe('12.3\u00a0tokens/s · °C');
  });
});
