import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (never a downloaded browser) against the real server on
 * a fresh, empty SQLite database, so every run starts at first-run setup. `first-run.spec.ts`
 * needs the empty instance, so it is a project of its own that every other journey depends on:
 * it runs first whatever the file names (the others set the instance up through the API when
 * they run alone — see page-models/first-admin.ts).
 */
const port = Number(process.env.E2E_PORT ?? 3999);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'etalon-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // workers re-read this file; they must not make another directory

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // The journeys share one instance and build on each other's state (setup happens once).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI
    ? 'list'
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'first-run',
      testMatch: 'first-run.spec.ts',
      use: { viewport: { width: 1280, height: 800 }, locale: 'en-US' },
    },
    {
      name: 'desktop',
      testIgnore: 'first-run.spec.ts',
      dependencies: ['first-run'],
      use: { viewport: { width: 1280, height: 800 }, locale: 'en-US' },
    },
  ],
  webServer: {
    command: 'node bin/etalon.mjs serve',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ETALON_DATA_DIR: dataDir,
      DATABASE_URL: '',
      ETALON_LOG_LEVEL: 'warn',
    },
  },
});
