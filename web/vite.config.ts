import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into web/dist (served by the local host / S3); /api proxied to the local API in dev. */
export default defineConfig({
  root,
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Two chunks hold what most pages share, Solid and its router, and the app's own small
        // pieces (UI kit, helpers, session, the shell's parts), rather than a dozen files of 1-3 KB
        // each: a page's first load asks for a handful of files, and each lazy page for one or two.
        // The charts (components/charts) stay out: only the pages that draw them load them.
        codeSplitting: {
          groups: [
            { name: 'solid', test: /[\\/]node_modules[\\/](solid-js|@solidjs)[\\/]/, priority: 2 },
            {
              name: 'app',
              test: /[\\/]web[\\/]src[\\/](components|lib|app)[\\/](?!AppShell|PatientLayout|AuthLayout|charts[\\/])/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
