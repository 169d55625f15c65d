/** The lessons that are written, in reading order; the home page and prev/next links use it. */
export interface LessonEntry {
  slug: string;
  title: string;
  summary: string;
}

export const lessons: readonly LessonEntry[] = [
  {
    slug: 'fully-convolutional',
    title: 'Fully convolutional networks',
    summary: 'A fully connected layer is a convolution whose kernel covers its whole input. Reshape a trained classifier\'s weights, slide it over a bigger image, and classification becomes a coarse segmentation.',
  },
  {
    slug: 'bilinear-interpolation',
    title: 'Bilinear interpolation',
    summary: 'How a network makes a small map big again without learning anything, the three ways libraries line up the pixels, and why you resize scores, never labels.',
  },
  {
    slug: 'transposed-convolution',
    title: 'Transposed convolution',
    summary: 'The learnable upsampler: every input pixel stamps a scaled kernel, which is multiplying by the transpose of a convolution matrix. Where checkerboards come from, and why it is not a deconvolution.',
  },
  {
    slug: 'atrous-convolution',
    title: 'Atrous (dilated) convolution',
    summary: 'Space a kernel\'s taps apart and it sees farther with the same weights and the same map size. Receptive fields of stacks, the effective field, gridding, and why a huge rate becomes a 1×1 filter.',
  },
];

export const lessonHref = (slug: string) => `/learn/${slug}/`;

export function neighbours(slug: string): { previous?: LessonEntry; next?: LessonEntry } {
  const i = lessons.findIndex((l) => l.slug === slug);
  return { previous: lessons[i - 1], next: lessons[i + 1] };
}
