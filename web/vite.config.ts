/**
 * Builds the web client into dist/web, which the server serves (src/http/static.ts).
 * File names carry a content hash so the server can cache them for a year.
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false,
    // Keep every style in a file: the Content-Security-Policy forbids inline <style>.
    cssCodeSplit: true,
    assetsInlineLimit: 0,
  },
});
