import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The Inmo server (bootstrap) serves the built files at "/" and the API on the same origin;
// in development the Vite server forwards API and health calls to a locally running server
// (INMO_BACKEND, default http://127.0.0.1:8080).
export default defineConfig(({ mode }) => {
  const backend = loadEnv(mode, '.', 'INMO_').INMO_BACKEND ?? 'http://127.0.0.1:8080';
  return {
    base: '/',
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/health': { target: backend, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
    },
  };
});
