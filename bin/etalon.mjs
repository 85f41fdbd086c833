#!/usr/bin/env node
// The `etalon` command. Etalon runs its TypeScript through tsx, so a checkout works right after
// `npm ci` with no separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
