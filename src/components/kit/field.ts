import type { Field, Settings } from '../../lib/figure/settings.ts';

/** The declared field for `key`; a key the settings lack fails the build, not the page. */
export function fieldOf(settings: Settings, key: string, kinds: readonly Field['kind'][]): Field & { label: string } {
  const field = settings.fields[key];
  if (!field || !kinds.includes(field.kind))
    throw new Error(`${settings.figure}: no ${kinds.join('/')} setting "${key}"`);
  if (!field.label) throw new Error(`${settings.figure}: setting "${key}" has no label`);
  return field as Field & { label: string };
}
