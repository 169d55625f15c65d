/** The classes that cover most of a label map, largest first, with the share of pixels each covers. */
export function topClasses(classMap: ArrayLike<number>, count = 3): { k: number; share: number }[] {
  const pixels = new Map<number, number>();
  for (let i = 0; i < classMap.length; i++) pixels.set(classMap[i]!, (pixels.get(classMap[i]!) ?? 0) + 1);
  return [...pixels]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([k, n]) => ({ k, share: n / classMap.length }));
}
