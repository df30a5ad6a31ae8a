import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SynthError } from '../core/index.js';
import { LOCAL_ACTOR, type OpContext } from '../pipeline/index.js';

/** The inputs of each file tool that name files or folders. */
export const PATH_INPUTS: Readonly<Record<string, readonly string[]>> = {
  generate_dataset: ['schemaPath', 'out'],
  fit_synthesizer: ['dataPath', 'out'],
  evaluate_dataset: ['real', 'synthetic', 'metadata', 'schema', 'holdout', 'reportPath', 'jsonPath'],
  visualize_dataset: ['path', 'reference', 'report', 'out'],
  scan_pii: ['path', 'source', 'out'],
};

/** The folder of a project's own files on the server: `<dataDir>/projects/<project>/files`. */
export function projectFilesFolder(dataDir: string, project: string): string {
  return resolve(dataDir, 'projects', encodeURIComponent(project), 'files');
}

/** The folder a caller's files live in: its project's folder for a key holder, none (the working folder) locally. */
export function callerFilesFolder(ctx: OpContext): string | undefined {
  return ctx.actor === LOCAL_ACTOR ? undefined : projectFilesFolder(ctx.config.dataDir, ctx.actor.project);
}

/** The path itself when it exists, else its nearest existing folder, with links followed. */
function realOrNearest(path: string): string {
  let p = path;
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
  return join(realpathSync(p), relative(p, path));
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The tool input with its file paths confined to the caller's project folder, when the caller came with an API key:
 * relative paths are read there, and a path outside it (absolute, `..`, or through a link) is refused. The local
 * user (stdio, or loopback in local mode) keeps the server's working folder, as on the command line. Without this,
 * a key holder of one project could read and write any file the server can.
 */
export function confinePaths<T extends object>(tool: string, input: T, ctx: OpContext): T {
  const folder = callerFilesFolder(ctx);
  if (folder === undefined) return input;
  mkdirSync(folder, { recursive: true });
  const root = realpathSync(folder);
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of PATH_INPUTS[tool] ?? []) {
    const given = (input as Record<string, unknown>)[key];
    if (typeof given !== 'string') continue;
    const full = resolve(folder, given);
    if (!inside(folder, full) || !inside(root, realOrNearest(full))) {
      throw new SynthError('AUTH_FORBIDDEN', `"${given}" is outside the files of project "${ctx.actor.project}"`, {
        path: `/${key}`,
        hint: `Over MCP with an API key, paths are relative to the project's folder on the server (${folder}${sep}).`,
      });
    }
    out[key] = full;
  }
  return out as T;
}
