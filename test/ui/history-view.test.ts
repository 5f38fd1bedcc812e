import { describe, expect, it } from 'vitest';
import type { History } from '../../src/attempt/history.js';
import type { AttemptRow } from '../../src/store/attempts.js';
import { historyText } from '../../src/ui/history-view.js';

const HOUR = 3_600_000;
const start = Date.UTC(2031, 0, 12, 10);

function attempt(id: number, status: AttemptRow['status'] = 'submitted'): AttemptRow {
  return {
    id,
    bankId: 'b',
    bankTitle: 'Big Bank',
    bankVersion: '1',
    bankFile: '/x/b.yaml',
    guidelineId: 'g',
    mode: status === 'in_progress' ? 'practice' : 'exam',
    status,
    seed: 1,
    questionIds: ['q1'],
    startedAt: start + id * HOUR,
    endedAt: status === 'in_progress' ? undefined : start + id * HOUR + 60_000,
    percent: status === 'in_progress' ? undefined : 50 + id,
    passed: status === 'in_progress' ? undefined : id % 2 === 0,
    position: 0,
  };
}

const view = { color: false, width: 100, at: start + 100 * HOUR, resumeCommand: () => 'qualify practice b --resume' };
const analytics: History['analytics'] = { calibration: [], rushing: null, confidence: null, trends: [], sections: [] };

describe('history as text', () => {
  it('lists the latest 20 attempts of a bank, every one in progress, and says how many are left out', () => {
    const attempts = Array.from({ length: 25 }, (_, i) => attempt(i + 1, i + 1 === 3 ? 'in_progress' : 'submitted'));
    const text = historyText(
      { attempts, retake: { b: { status: 'available', availableAt: null } }, analytics },
      'b',
      view,
    );
    const ids = [...text.matchAll(/^ {2}#(\d+)/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual([3, ...Array.from({ length: 20 }, (_, i) => i + 6)]);
    expect(text).toContain('… 4 earlier attempts (qualify history --json lists them all)');
    expect(text).toContain('continue with: qualify practice b --resume');
  });

  it('lists every attempt of a short history, with no note', () => {
    const attempts = Array.from({ length: 20 }, (_, i) => attempt(i + 1));
    const text = historyText(
      { attempts, retake: { b: { status: 'available', availableAt: null } }, analytics },
      'b',
      view,
    );
    expect([...text.matchAll(/^ {2}#\d+/gm)]).toHaveLength(20);
    expect(text).not.toContain('earlier attempt');
  });
});
