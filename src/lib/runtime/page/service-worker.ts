/**
 * Registers the offline cache (`sw.js`, written after the build; the dev server has none). It
 * starts after the page's load event so its downloads never compete with the first page's own.
 * Without it (no support, a private window that refuses it) the site works as before, online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
