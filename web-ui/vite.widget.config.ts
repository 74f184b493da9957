import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// The web-chat widget (src/widget): one classic script, dist/widget.js, that a brokerage's website
// loads with <script src=".../widget.js" data-broker="slug" async>; no React, no module loader.
// Runs after the dashboard's build (which empties dist/) and adds widget.js and the demo page,
// widget-demo.html, a fake brokerage website with the tag; the Inmo server serves both at "/".
const demoPage = (): Plugin => ({
  name: 'inmo-widget-demo-page',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'widget-demo.html',
      source: readFileSync(new URL('./src/widget/demo.html', import.meta.url), 'utf8'),
    });
  },
});

export default defineConfig({
  publicDir: false,
  plugins: [demoPage()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2022',
    lib: {
      entry: 'src/widget/index.ts',
      name: 'InmoWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
