#!/usr/bin/env node
// Starts the Pod Lens language server. Pass --stdio (Neovim, Helix, ...) or run under VS Code (IPC).
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
