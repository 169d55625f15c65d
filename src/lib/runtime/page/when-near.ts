/**
 * Runs `load` once, when `element` comes within a screen of the viewport, so that TensorFlow.js
 * and the figure code are fetched only for readers who reach a figure.
 */
export function whenNear(element: Element, load: () => void): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}
