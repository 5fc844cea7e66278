#!/usr/bin/env node
// The `ioc` admin CLI: runs the TypeScript entry point through tsx.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// tsx resolved from here, not from the working directory: `ioc` also runs from outside the repo.
const tsx = import.meta.resolve('tsx');
const child = spawn(
  process.execPath,
  ['--import', tsx, join(root, 'apps/api/src/cli/main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
