/**
 * Theoretical receptive field of a single-path stack of conv/pool layers, closed form of
 * Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks",
 * Distill 2019: r₀ = Σₗ (k̂ₗ − 1)·Πᵢ<ₗ sᵢ + 1 with k̂ₗ = dₗ(kₗ − 1) + 1. Square kernels, so one
 * number per axis. Padding does not change the size, only where the field sits.
 */
import { effectiveKernelSize } from './conv-arithmetic.ts';

export interface LayerSpec {
  name?: string;
  kernel: number;
  stride?: number;
  dilation?: number;
}

export interface LayerField {
  name: string;
  kernel: number;
  stride: number;
  dilation: number;
  /** k̂ = d(k − 1) + 1 */
  effectiveKernel: number;
  /** input pixels between neighbouring outputs of this layer: Πᵢ≤ₗ sᵢ */
  jump: number;
  /** receptive field of one output of this layer, in input pixels */
  receptiveField: number;
}

/** The field after every layer of the stack (the last entry is the whole stack's). */
export function receptiveFields(layers: readonly LayerSpec[]): LayerField[] {
  let field = 1;
  let jump = 1; // Πᵢ<ₗ sᵢ while visiting layer l
  return layers.map((layer, l) => {
    const stride = layer.stride ?? 1;
    const dilation = layer.dilation ?? 1;
    const effectiveKernel = effectiveKernelSize(layer.kernel, dilation);
    field += (effectiveKernel - 1) * jump;
    jump *= stride;
    return {
      name: layer.name ?? `layer ${l + 1}`,
      kernel: layer.kernel,
      stride,
      dilation,
      effectiveKernel,
      jump,
      receptiveField: field,
    };
  });
}

/** Receptive field of the whole stack (1 for an empty stack). */
export function receptiveField(layers: readonly LayerSpec[]): number {
  return receptiveFields(layers).at(-1)?.receptiveField ?? 1;
}

const conv3 = (name: string, dilation = 1): LayerSpec => ({ name, kernel: 3, dilation });
const pool2 = (name: string): LayerSpec => ({ name, kernel: 2, stride: 2 });

/** Yu & Koltun (ICLR 2016) Table 1, context module: 3x3 layers at dilations 1,1,2,4,8,16,1 → 3,5,9,17,33,65,67. */
export const CONTEXT_MODULE: readonly LayerSpec[] = [1, 1, 2, 4, 8, 16, 1].map((d, i) =>
  conv3(`layer ${i + 1} (d=${d})`, d),
);

/** Yu & Koltun Fig. 1: 3x3 layers at dilations 1, 2, 4 → fields 3, 7, 15. */
export const DILATED_1_2_4: readonly LayerSpec[] = [1, 2, 4].map((d) => conv3(`d=${d}`, d));

/**
 * VGG-16 (Simonyan & Zisserman 2015, Table 1, configuration D) up to pool5: 13 3x3 convs and
 * five 2x2 stride-2 pools. The field comes out 212 at pool5, as in the receptive-field table of
 * Araujo et al.'s library (google-research/receptive_field, RECEPTIVE_FIELD_TABLE.md, vgg_16).
 */
export const VGG16: readonly LayerSpec[] = [
  conv3('conv1_1'),
  conv3('conv1_2'),
  pool2('pool1'),
  conv3('conv2_1'),
  conv3('conv2_2'),
  pool2('pool2'),
  conv3('conv3_1'),
  conv3('conv3_2'),
  conv3('conv3_3'),
  pool2('pool3'),
  conv3('conv4_1'),
  conv3('conv4_2'),
  conv3('conv4_3'),
  pool2('pool4'),
  conv3('conv5_1'),
  conv3('conv5_2'),
  conv3('conv5_3'),
  pool2('pool5'),
];
