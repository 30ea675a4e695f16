/**
 * Vite configuration for the three build targets that together make web/dist:
 *
 *   vite build                → index.html (demo host page) and admin.html (dashboard, React)
 *   vite build --mode widget  → widget.html (the chat panel that runs in an iframe)
 *   vite build --mode embed   → widget.js (the one-script-tag loader, a self-contained IIFE)
 *
 * They are separate builds because the widget aliases React to preact/compat: React 19 plus
 * socket.io-client alone is ~80 KB gzipped, the whole widget budget. The widget code is still
 * written against the React API and type-checked with React's types.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const devServer = process.env.SUPPORT_CHAT_SERVER ?? 'http://localhost:8000';

// Same URL layout as the Java server: /widget.js is the loader, /admin/* is the dashboard SPA.
function devRoutes(): Plugin {
  return {
    name: 'support-chat-dev-routes',
    // `vite preview` serves the built dist/ (widget.js exists there); only /admin/* needs mapping.
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (/^\/admin(\/|$)/.test(req.url ?? '') && !(req.url ?? '').includes('.'))
          req.url = '/admin.html';
        next();
      });
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        if (url === '/widget.js' || url.startsWith('/widget.js?')) {
          req.url = '/src/widget/embed/loader.ts';
        } else if (/^\/admin(\/|$)/.test(url) && !url.includes('.')) {
          req.url = '/admin.html';
        }
        next();
      });
    },
  };
}

const proxy = {
  '/api': { target: devServer, changeOrigin: true },
  '/socket.io': { target: devServer, changeOrigin: true, ws: true },
};

const shared: UserConfig = {
  root,
  // Absolute base: admin.html is served at deep paths (/admin/support/stats), where relative
  // asset URLs would resolve under /admin/support/. The server serves dist/ at its root.
  base: '/',
  build: { outDir: 'dist', target: 'es2020', sourcemap: false },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'embed') {
    return {
      ...shared,
      build: {
        ...shared.build,
        emptyOutDir: false,
        copyPublicDir: false,
        lib: {
          entry: resolve(root, 'src/widget/embed/loader.ts'),
          name: 'SupportChatLoader',
          formats: ['iife'],
          fileName: () => 'widget.js',
        },
      },
    };
  }
  if (mode === 'widget') {
    return {
      ...shared,
      resolve: {
        alias: [
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
          { find: /^react$/, replacement: 'preact/compat' },
        ],
      },
      build: {
        ...shared.build,
        emptyOutDir: false,
        copyPublicDir: false,
        manifest: '.vite/widget-manifest.json',
        rolldownOptions: { input: { widget: resolve(root, 'widget.html') } },
      },
    };
  }
  return {
    ...shared,
    plugins: [react(), devRoutes()],
    server: { proxy },
    preview: { proxy },
    build: {
      ...shared.build,
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'index.html'), admin: resolve(root, 'admin.html') },
      },
    },
  };
});
