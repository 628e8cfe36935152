/** Chinese first, English on request; the choice is kept in this browser. */
import { createI18n } from "vue-i18n";
import { computed } from "vue";
import elZh from "element-plus/es/locale/lang/zh-cn";
import elEn from "element-plus/es/locale/lang/en";
import zh from "./zh-CN";
import en from "./en";

export type Lang = "zh-CN" | "en";
const LANG_KEY = "huigui.lang";
const saved = localStorage.getItem(LANG_KEY);
const initial: Lang = saved === "en" ? "en" : "zh-CN";

export const i18n = createI18n({
  legacy: false,
  locale: initial,
  fallbackLocale: "zh-CN",
  messages: { "zh-CN": zh, en },
});

document.documentElement.lang = initial;

/** Element Plus's own texts (pagination, date pickers) in the same language. */
export const elementLocale = computed(() => (i18n.global.locale.value === "en" ? elEn : elZh));

export function setLang(lang: Lang): void {
  i18n.global.locale.value = lang;
  localStorage.setItem(LANG_KEY, lang); // a preference, not personal data
  document.documentElement.lang = lang;
}

/** The label of an API enum value (`enums.<group>.<value>`), or the value itself. */
export function label(group: keyof typeof zh.enums, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const key = `enums.${group}.${value.replace(/[:.]/g, "_")}`;
  return i18n.global.te(key) ? i18n.global.t(key) : value;
}
