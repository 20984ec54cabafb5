#!/usr/bin/env node
// The `kg` command: runs src/cli.ts through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
