import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.schema';

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      port: 3000,
      host: 'localhost',
      dataDir: './data',
      databaseUrl: undefined,
      trustProxy: false,
      publicUrl: undefined,
      logLevel: 'info',
      sessionHours: 12,
    });
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', 'loopback'],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5', '10.0.0.5'],
    ['10.0.0.5,10.1.0.0/16', '10.0.0.5,10.1.0.0/16'],
  ])('reads ETALON_TRUST_PROXY=%s as %s, never "trust everyone"', (value, expected) => {
    expect(parseConfig({ ETALON_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('treats empty variables as unset and trims a trailing slash off the public URL', () => {
    const config = parseConfig({
      PORT: '',
      DATABASE_URL: '',
      ETALON_PUBLIC_URL: 'https://etalon.example.org/',
    });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('https://etalon.example.org');
  });

  it('names every bad variable', () => {
    const attempt = () =>
      parseConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        ETALON_TRUST_PROXY: 'yes please',
        ETALON_SESSION_HOURS: '9000',
      });
    expect(attempt).toThrow();
    try {
      attempt();
    } catch (e) {
      const paths = (e as { issues: Array<{ path: string[] }> }).issues.map((i) => i.path.join('.'));
      expect(paths.sort()).toEqual(['DATABASE_URL', 'ETALON_SESSION_HOURS', 'ETALON_TRUST_PROXY', 'PORT']);
    }
  });
});
