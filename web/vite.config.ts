import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

// `npm run dev` serves the console on :5173 and forwards the API to a running
// `huigui serve` (HUIGUI_URL, default http://127.0.0.1:8080).
const api = process.env.HUIGUI_URL ?? "http://127.0.0.1:8080";
const proxied = ["/api", "/health", "/ready", "/metrics", "/openapi.json", "/docs", "/problems"];

export default defineConfig({
  plugins: [vue()],
  resolve: { dedupe: ["vue", "openapi-fetch"] },
  server: { proxy: Object.fromEntries(proxied.map((p) => [p, { target: api, changeOrigin: false }])) },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Nothing inlined as data: URLs, no module-preload polyfill script: the CSP allows only files from 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "element-plus", test: /node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|lodash)/ },
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)/ },
            { name: "vue", test: /node_modules[\\/](vue|@vue|vue-router|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
});
