/** The lessons that are written, in reading order; the home page and prev/next links use it. */
export interface LessonEntry {
  slug: string;
  title: string;
  summary: string;
}

export const lessons: readonly LessonEntry[] = [
  {
    slug: 'bilinear-interpolation',
    title: 'Bilinear interpolation',
    summary: 'How a network makes a small map big again without learning anything, and the three ways libraries line up the pixels.',
  },
];

export const lessonHref = (slug: string) => `/learn/${slug}/`;

export function neighbours(slug: string): { previous?: LessonEntry; next?: LessonEntry } {
  const i = lessons.findIndex((l) => l.slug === slug);
  return { previous: lessons[i - 1], next: lessons[i + 1] };
}
