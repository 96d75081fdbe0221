import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The widget is a classic script (IIFE), not a module: only classic scripts have document.currentScript,
// which is how it finds the server it came from. Built after the kiosk into the same dist/ folder.
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/widget/widget.ts', formats: ['iife'], name: 'WardAssistantWidget', fileName: () => 'widget.js' },
  },
});
