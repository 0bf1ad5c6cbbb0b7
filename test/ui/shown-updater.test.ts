import { describe, expect, it } from 'vitest';
import { createShownUpdater } from '../../src/ui/store';

describe('createShownUpdater', () => {
  it('updates while shown, waits while hidden, and catches up once when shown again', () => {
    let shown = true;
    let updates = 0;
    const u = createShownUpdater(
      () => updates++,
      () => shown,
    );
    u.refresh();
    expect(updates).toBe(1);
    shown = false;
    u.refresh();
    u.refresh();
    u.catchUp();
    expect(updates).toBe(1);
    shown = true;
    u.catchUp();
    u.catchUp();
    expect(updates).toBe(2);
  });

  it('is always shown by default', () => {
    let updates = 0;
    const u = createShownUpdater(() => updates++);
    u.refresh();
    u.catchUp();
    expect(updates).toBe(1);
  });
});
