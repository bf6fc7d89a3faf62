// Runs the `govsite` CLI from its TypeScript sources (through tsx) as a real child process, so a test never runs a
// stale dist/ build.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The command line that starts `govsite` from the sources: spawn(CLI[0], [...CLI.slice(1), command, ...args]). */
export const CLI: readonly string[] = [process.execPath, '--import', 'tsx', resolve('src/cli/main.ts')];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `govsite …args` to its end with `env` added to the environment and `input` written to its stdin. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
