#!/usr/bin/env node
// The `glowroom` command. It runs the TypeScript sources directly through tsx, so the CLI always
// uses the very code the app uses and needs no build step after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
