import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built page carries a strict Content-Security-Policy: only its own scripts, no eval, nothing fetched from
 * elsewhere, no inline <style> elements; style attributes stay allowed because the panels set them. Build only, so the
 * dev server's hot reload (which injects inline scripts) keeps working.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Panels set style attributes (bar widths, chart colours); no inline <style> element is needed.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'firepants-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // Every browser the game runs in preloads modules itself; the polyfill would be one more request before the menu.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        main: 'index.html',
        compare: 'compare.html',
        facilitator: 'facilitator.html',
        rooms: 'rooms.html',
        vote: 'vote.html',
        projector: 'projector.html',
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            // Everything the first menu needs, in one file: the menu waits on as few requests as can be.
            {
              name: 'menu',
              test: /src[\\/](ui[\\/](kit[\\/](dom|help|failure|modal)|menu[\\/](menuView|firstMenu))|app[\\/](settingsKey|booth)|round[\\/](roundDefaults|roundClock)|content[\\/]scenarios)/,
            },
          ],
        },
      },
    },
  },
  plugins: [
    contentSecurityPolicy(),
    // After the first visit the whole game is cached: a booth keeps running when the venue's network does not.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the game's screens (src/pages/screens.ts) once they have loaded, never ahead of the first menu.
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Firepants — the success in SRE is silent',
        short_name: 'Firepants',
        description: 'An incident and on-call game where the score rewards organizational learning over uptime nines.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#10141c',
        theme_color: '#10141c',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first visit is already offline-ready: the worker takes charge of the open page at once.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: { host: '127.0.0.1' },
});
