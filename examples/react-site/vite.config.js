import { defineConfig } from "vite";

export default defineConfig({
  // JSX by Vite's own esbuild, React 19's automatic runtime: no plugin needed to build.
  esbuild: { jsx: "automatic" },
  // The dev server's pre-bundling would move the loader away from its wasm and CSS.
  optimizeDeps: { exclude: ["oauthapp-login"] },
  build: { outDir: "dist", emptyOutDir: true },
});
