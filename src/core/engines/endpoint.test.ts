import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import { endpointFromSettings, isLoopbackUrl, joinUrl, remoteEndpointNote } from './endpoint';

describe('endpointFromSettings', () => {
  it('uses the loopback fallback when the setting is missing or blank', () => {
    expect(endpointFromSettings({}, 'ollamaEndpoint', 'http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434');
    expect(endpointFromSettings({ ollamaEndpoint: '  ' }, 'ollamaEndpoint', 'http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434');
  });

  it('uses what the user configured, even off this machine, without trailing slashes', () => {
    expect(endpointFromSettings({ e: 'http://gpu-box.lan:8000/' }, 'e', 'http://127.0.0.1:8000')).toBe('http://gpu-box.lan:8000');
  });

  it('rejects a setting that is not an http(s) URL with BAD_ENDPOINT', () => {
    expect(() => endpointFromSettings({ e: 'localhost 11434' }, 'e', 'http://127.0.0.1:1')).toThrow(EngineError);
    expect(() => endpointFromSettings({ e: 'ftp://127.0.0.1/' }, 'e', 'http://127.0.0.1:1')).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('loopback helpers', () => {
  it('recognises loopback hosts and notes remote ones', () => {
    expect(isLoopbackUrl('http://127.0.0.1:11434')).toBe(true);
    expect(isLoopbackUrl('http://localhost:8000')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:8000')).toBe(true);
    expect(isLoopbackUrl('http://192.168.1.5:8000')).toBe(false);
    expect(remoteEndpointNote('http://127.0.0.1:1')).toEqual([]);
    expect(remoteEndpointNote('http://10.0.0.2:8000')[0]).toContain('not on this machine');
  });

  it('joins paths with exactly one slash', () => {
    expect(joinUrl('http://h:1/', '/api/tags')).toBe('http://h:1/api/tags');
    expect(joinUrl('http://h:1', 'v1/models')).toBe('http://h:1/v1/models');
  });
});
