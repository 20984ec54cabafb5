import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('CORS_ORIGINS', () => {
  it('is empty by default: same origin only', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' ' }).CORS_ORIGINS).toEqual([]);
  });

  it('takes origins separated by commas, and * alone', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://analytics.example.org, http://localhost:3000' }).CORS_ORIGINS).toEqual(['https://analytics.example.org', 'http://localhost:3000']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
  });

  it('refuses what a browser never sends as an Origin, naming the variable', () => {
    for (const bad of ['https://analytics.example.org/', 'https://a.example.org/path', 'analytics.example.org', 'ftp://files.example.org', 'https://a.example.org,*']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/invalid configuration: CORS_ORIGINS: /u);
    }
  });
});
