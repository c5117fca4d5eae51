import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The site: index.html (catalogue and set pages) and embed.html (the iframe form).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { index: 'index.html', embed: 'embed.html' },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
