// A fetch over the local file system, so loadModel() can read public/weights/ in Node.
import { readFile } from 'node:fs/promises';

export async function fileFetch(path: string): Promise<Response> {
  try {
    return new Response(await readFile(path));
  } catch {
    return new Response(null, { status: 404 });
  }
}
