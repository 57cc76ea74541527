// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { pickTransport } from './pick-transport';

afterEach(() => {
  delete (window as Window & { rigmark?: unknown }).rigmark;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('pickTransport', () => {
  it('uses the Electron preload when window.rigmark exists', async () => {
    const preload = createFakeApi();
    Object.assign(window, { rigmark: preload });
    const choice = pickTransport(window);
    expect(choice.kind).toBe('desktop');
    if (choice.kind === 'missing-token') return;
    await choice.api.call('runs:list', {});
    expect(preload.callsTo('runs:list')).toEqual([{}]);
  });

  it('uses HTTP in a browser opened with the printed token', () => {
    window.history.replaceState(null, '', '/?token=abc');
    expect(pickTransport(window).kind).toBe('web');
  });

  it('asks for the printed address when a browser has no token', () => {
    const choice = pickTransport(window);
    expect(choice.kind).toBe('missing-token');
    expect(choice.kind === 'missing-token' ? choice.message : '').toMatch(/rigmark serve/);
  });
});
