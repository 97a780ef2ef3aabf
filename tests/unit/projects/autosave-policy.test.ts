import { describe, expect, it } from 'vitest';
import { AutosavePolicy } from '../../../renderer/state/autosave-policy';

/** A policy on a clock the test moves by hand. */
function policyAt(start = 1_000_000) {
  let now = start;
  const policy = new AutosavePolicy(() => now);
  return { policy, advance: (ms: number) => void (now += ms) };
}

describe('AutosavePolicy', () => {
  it('asks for nothing while the document is clean', () => {
    const { policy, advance } = policyAt();
    expect(policy.dueInMs()).toBeNull();
    advance(120_000);
    expect(policy.dueInMs()).toBeNull();
  });

  it('is due 30 s after the first unsaved change, and later changes do not push it back', () => {
    const { policy, advance } = policyAt();
    policy.edited();
    expect(policy.dueInMs()).toBe(30_000);
    advance(10_000);
    policy.edited();
    expect(policy.dueInMs()).toBe(20_000);
    advance(19_999);
    policy.edited();
    expect(policy.dueInMs()).toBe(1);
    advance(5_000);
    expect(policy.dueInMs()).toBe(0);
  });

  it('is due at once after a large edit', () => {
    const { policy } = policyAt();
    policy.edited({ large: true });
    expect(policy.dueInMs()).toBe(0);
  });

  it('counts changes made during a recovery write as new ones', () => {
    const { policy, advance } = policyAt();
    policy.edited({ large: true });
    policy.writing();
    expect(policy.dueInMs()).toBeNull();
    advance(2_000);
    policy.edited();
    expect(policy.dueInMs()).toBe(30_000);
  });

  it('retries a failed write one interval later', () => {
    const { policy, advance } = policyAt();
    policy.edited({ large: true });
    policy.writing();
    advance(500);
    policy.writeFailed();
    expect(policy.dueInMs()).toBe(30_000);
    advance(30_000);
    expect(policy.dueInMs()).toBe(0);
  });

  it('a failed write keeps the age of changes made while it ran', () => {
    const { policy, advance } = policyAt();
    policy.edited();
    advance(30_000);
    policy.writing();
    policy.edited();
    advance(10_000);
    policy.writeFailed();
    expect(policy.dueInMs()).toBe(20_000);
  });

  it('is clean again once the document is saved to its file', () => {
    const { policy, advance } = policyAt();
    policy.edited({ large: true });
    policy.saved();
    advance(60_000);
    expect(policy.dueInMs()).toBeNull();
  });
});
