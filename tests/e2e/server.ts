import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves dist/ (or $DIST; built by the test command before this runs) for every browser test file. */
export default async function setup(project: TestProject) {
  const { server, url } = await serveStatic(resolve(process.env.DIST ?? 'dist'));
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
