// The kernel names the dilation figure offers, free of TensorFlow.js so markup and page code can list them.
export const ATROUS_KERNELS = ['edges', 'vertical', 'blur', 'random'] as const;
export type AtrousKernel = (typeof ATROUS_KERNELS)[number];
