import { siteWords as t } from '../../../i18n/en/site.ts';
import { onRuntime, runtime } from './client.ts';

/** Fills a status element with the backend that was chosen and why others were passed over. */
export function showBackendStatus(el: HTMLElement): void {
  const line = el.querySelector('[data-backend-line]')!;
  const notices = el.querySelector('[data-backend-notices]')!;
  onRuntime((started) => {
    if (started instanceof Error) {
      line.textContent = t.runtime.failed(started.message);
      el.dataset.backend = 'none';
      return;
    }
    const { backend, detail, skipped } = started.report;
    line.textContent = t.runtime.running(backend, detail);
    el.dataset.backend = backend;
    notices.replaceChildren(
      ...skipped.map((s) => {
        const li = document.createElement('li');
        li.textContent = t.runtime.skipped[s.reason](s.backend, s.detail);
        return li;
      }),
    );
  });
  const start = el.querySelector<HTMLButtonElement>('[data-backend-start]');
  start?.addEventListener('click', () => {
    start.hidden = true;
    line.textContent = t.runtime.starting;
    void runtime().catch(() => undefined);
  });
}
