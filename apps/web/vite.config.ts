/** Vite: the dev server proxies /api to the local indexer; the build goes to dist/. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.RHIZOME_API ?? "http://127.0.0.1:42069";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": { target: api, changeOrigin: true }, "/rpc": { target: api, changeOrigin: true } } },
  preview: { proxy: { "/api": { target: api, changeOrigin: true }, "/rpc": { target: api, changeOrigin: true } } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
