#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step for server code, as the API does).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
