import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** What a process logging one line writes to stderr, run as the service runs (stderr a pipe here). */
function stderrOf(options: string): string {
  const script = `import { createLogger } from './src/log.ts'; createLogger('info', ${options}).info({ articles: 3 }, '已导入 河北省');`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toBe(''); // stdout stays free for `kg extract --format json`
  return run.stderr;
}

describe('logs', () => {
  it('are JSON lines when stderr is not a terminal', () => {
    const lines = stderrOf('{}').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: '已导入 河北省', articles: 3 });
  });

  it('are readable lines, not JSON, when asked for (as on a terminal)', () => {
    const text = stderrOf('{ pretty: true }');
    expect(text).toMatch(/INFO.{0,20}已导入 河北省/u);
    expect(text).toMatch(/articles: 3/u);
    expect(() => JSON.parse(text)).toThrow();
  });
});
