import { createApp } from "vue";
import ElementPlus from "element-plus";
import "element-plus/dist/index.css";
import "./style.css";
import App from "./App.vue";
import { i18n } from "./i18n";
import { router } from "./router";

createApp(App).use(i18n).use(router).use(ElementPlus).mount("#app");

// The app shell offline (the check-in page in a village hall); not in `npm run dev`.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register("/sw.js");
  // The files this page loaded before the worker took over: keep them too.
  void navigator.serviceWorker.ready.then((registration) => {
    const files = performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith("/assets/"))
      .map((u) => u.pathname);
    registration.active?.postMessage({ precache: files });
  });
}
