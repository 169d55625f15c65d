/** The lessons that are written, in reading order; the home page and prev/next links use it. */
export interface LessonEntry {
  slug: string;
  title: string;
  summary: string;
}

export const lessons: readonly LessonEntry[] = [
  {
    slug: 'segmentation',
    title: 'What segmentation is',
    summary:
      'One label per image, one class per pixel, or one id per object: classification, semantic and instance segmentation on the same scene, the encoder–decoder shape every later lesson fills in, and how a label map is scored.',
  },
  {
    slug: 'fully-convolutional',
    title: 'Fully convolutional networks',
    summary:
      "A fully connected layer is a convolution whose kernel covers its whole input. Reshape a trained classifier's weights, slide it over a bigger image, and classification becomes a coarse segmentation.",
  },
  {
    slug: 'bilinear-interpolation',
    title: 'Bilinear interpolation',
    summary:
      'How a network makes a small map big again without learning anything, the three ways libraries line up the pixels, and why you resize scores, never labels.',
  },
  {
    slug: 'transposed-convolution',
    title: 'Transposed convolution',
    summary:
      'The learnable upsampler: every input pixel stamps a scaled kernel, which is multiplying by the transpose of a convolution matrix. Where checkerboards come from, and why it is not a deconvolution.',
  },
  {
    slug: 'skip-connections',
    title: 'Skip connections: FCN-32s, 16s and 8s',
    summary:
      'Upsampling coarse scores in one step gives blobs. FCN adds class scores from finer layers, one 2× step at a time, and each skip sharpens the boundaries: the three trained models side by side, and the fusion opened up.',
  },
  {
    slug: 'u-net',
    title: 'U-Net',
    summary:
      "A decoder as large as the encoder: a contracting path down, an expansive path up, and at every level the encoder's map cropped and concatenated across. Unpadded convolutions, the 572 → 388 size walk, and overlap-tile with mirrored borders on a trained U-Net.",
  },
  {
    slug: 'atrous-convolution',
    title: 'Atrous (dilated) convolution',
    summary:
      "Space a kernel's taps apart and it sees farther with the same weights and the same map size. Receptive fields of stacks, the effective field, gridding, and why a huge rate becomes a 1×1 filter.",
  },
  {
    slug: 'aspp',
    title: 'DeepLab and atrous spatial pyramid pooling',
    summary:
      "Output stride, an atrous backbone, and ASPP: a 1×1 branch, three rates and a pooled image feature side by side. Each branch's field of view, the trained DeepLab with branches switched off, and the v3+ decoder on thin strokes.",
  },
];

export const lessonHref = (slug: string) => `/learn/${slug}/`;

export function neighbours(slug: string): { previous?: LessonEntry; next?: LessonEntry } {
  const i = lessons.findIndex((l) => l.slug === slug);
  return { previous: lessons[i - 1], next: lessons[i + 1] };
}
