import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

// Everything a build reads; a change here means the working tree is not the site of HEAD.
const SITE_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'scripts/lib',
  'tsconfig.json',
];
const CACHE = '/tmp/pixelwise-bench';

const git = (args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The commit before the site being measured: HEAD when the working tree changes what a build
 * reads (the bench then measures HEAD plus those changes), else HEAD's parent. BENCH_BASE=<ref>
 * picks another.
 */
export function baseRef(): string {
  if (process.env.BENCH_BASE) return process.env.BENCH_BASE;
  const changed = git(['status', '--porcelain', '--untracked-files=all', '--', ...SITE_INPUTS]);
  return changed ? 'HEAD' : 'HEAD~1';
}

export const shortSha = (ref: string) => git(['rev-parse', '--short', `${ref}^{commit}`]);

/**
 * Builds `ref` in a temporary git worktree into /tmp/pixelwise-bench/<sha>/dist and removes the
 * worktree. A commit's site never changes, so a finished build is reused. The worktree borrows
 * this checkout's node_modules when its lock file is the same (a fresh `npm ci` costs minutes),
 * else runs `npm ci` of its own. The build log is kept beside the site.
 */
export async function buildCommit(ref: string): Promise<string> {
  const sha = git(['rev-parse', `${ref}^{commit}`]);
  const dir = join(CACHE, sha);
  const dist = join(dir, 'dist');
  const done = join(dir, 'built');
  if (existsSync(done)) return dist;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const tree = join(dir, 'tree');
  git(['worktree', 'add', '--force', '--detach', tree, sha]);
  // Astro's CLI refuses Node 20: put the Node running this script first on PATH.
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const log = join(dir, 'build.log');
  try {
    const lock = await readFile('package-lock.json', 'utf8');
    if (git(['show', `${sha}:package-lock.json`]) === lock.trim()) {
      await symlink(resolve('node_modules'), join(tree, 'node_modules'), 'dir');
    } else {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, env, stdio: 'ignore' });
    }
    const output = execFileSync(join(tree, 'node_modules/.bin/astro'), ['build', '--outDir', dist], {
      cwd: tree,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await writeFile(log, output);
    await writeFile(done, sha);
  } catch (e) {
    const failure = e as { stdout?: string; stderr?: string; message: string };
    await writeFile(log, `${failure.stdout ?? ''}${failure.stderr ?? ''}${failure.message}`);
    throw new Error(`building ${ref} (${sha.slice(0, 7)}) failed; log: ${log}`);
  } finally {
    // Unlink the borrowed node_modules first, so removing the worktree cannot reach into it.
    const modules = join(tree, 'node_modules');
    if ((await lstat(modules).catch(() => undefined))?.isSymbolicLink()) await unlink(modules);
    git(['worktree', 'remove', '--force', tree]);
  }
  return dist;
}
