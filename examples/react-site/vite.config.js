import { defineConfig } from "vite";

export default defineConfig({
  // JSX by Vite's own esbuild, React 19's automatic runtime: no plugin needed to build.
  esbuild: { jsx: "automatic" },
  // The dev server's pre-bundling would move the loader away from its wasm and CSS.
  optimizeDeps: { exclude: ["oauthapp-login"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Vite inlines assets under 4 KB as data: URLs; the widget's small shared chunks would
    // then be fetched from data: URLs, which a strict CSP's connect-src refuses. Keep every
    // .wasm a file of its own.
    assetsInlineLimit: (file) => (file.endsWith(".wasm") ? false : undefined),
  },
});
