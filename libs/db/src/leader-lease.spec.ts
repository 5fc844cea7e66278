import { describe, expect, it, vi } from 'vitest';
import { LeaderLease, grantedLeaseSessions, leaseKey, type LeaseSession } from './leader-lease';

/** Sessions over one in-memory lock: what PostgreSQL's session advisory lock does. */
function fakeServer() {
  let holder: number | null = null;
  let next = 0;
  const opened: FakeSession[] = [];
  class FakeSession implements LeaseSession {
    private listeners: ((reason: string) => void)[] = [];
    readonly id = next++;
    dead = false;
    failChecks = false;
    tryLock() {
      if (this.dead) return Promise.reject(new Error('connection ended'));
      holder ??= this.id;
      return Promise.resolve(holder === this.id);
    }
    check() {
      return this.failChecks || this.dead
        ? Promise.reject(new Error('query timeout'))
        : Promise.resolve();
    }
    onBroken(l: (reason: string) => void) {
      this.listeners.push(l);
    }
    /** The backend is terminated: the lock is freed and the client hears of it. */
    kill() {
      this.dead = true;
      if (holder === this.id) holder = null;
      for (const l of this.listeners) l('terminating connection due to administrator command');
    }
    close() {
      this.dead = true;
      if (holder === this.id) holder = null;
      return Promise.resolve();
    }
  }
  return {
    open: () => {
      const s = new FakeSession();
      opened.push(s);
      return Promise.resolve(s);
    },
    opened,
    holder: () => holder,
  };
}

function lease(open: () => Promise<LeaseSession>) {
  const events: string[] = [];
  const l = new LeaderLease({
    open,
    retryMs: 10,
    onAcquired: () => events.push('acquired'),
    onLost: (reason) => events.push(`lost: ${reason}`),
  });
  return { l, events };
}

describe('LeaderLease', () => {
  it('gives the lock to one of two leases, and the other on the holder session dying', async () => {
    const server = fakeServer();
    const a = lease(server.open);
    const b = lease(server.open);
    a.l.start();
    await vi.waitFor(() => {
      expect(a.l.held).toBe(true);
    });
    b.l.start();
    await b.l.idle();
    expect(b.l.held).toBe(false);
    server.opened[0]?.kill();
    // The former holder stops at once, before anyone else can take over.
    expect(a.l.held).toBe(false);
    expect(a.events).toEqual([
      'acquired',
      'lost: terminating connection due to administrator command',
    ]);
    await vi.waitFor(() => {
      expect(a.l.held || b.l.held).toBe(true);
    });
    expect(a.l.held && b.l.held).toBe(false);
    await a.l.stop();
    await b.l.stop();
    expect(server.holder()).toBeNull();
  });

  it('drops the lease when its session stops answering, and opens a new one to retry', async () => {
    const server = fakeServer();
    const a = lease(server.open);
    a.l.start();
    await vi.waitFor(() => {
      expect(a.l.held).toBe(true);
    });
    const first = server.opened[0];
    if (!first) throw new Error('no session');
    first.failChecks = true;
    await vi.waitFor(() => {
      expect(a.events).toContain('lost: query timeout');
    });
    // A failed check closes the session (freeing the lock), then the next try takes it again.
    await vi.waitFor(() => {
      expect(a.l.held).toBe(true);
    });
    expect(server.opened.length).toBeGreaterThan(1);
    await a.l.stop();
    expect(a.events.at(-1)).toBe('lost: stopped');
  });

  it('keeps retrying while the database cannot be reached', async () => {
    let fail = 3;
    const server = fakeServer();
    const a = lease(() => (fail-- > 0 ? Promise.reject(new Error('ECONNREFUSED')) : server.open()));
    a.l.start();
    await vi.waitFor(() => {
      expect(a.l.held).toBe(true);
    });
    await a.l.stop();
  });

  it('is granted at once in the embedded single process', async () => {
    const a = lease(grantedLeaseSessions());
    a.l.start();
    await a.l.idle();
    expect(a.l.held).toBe(true);
    await a.l.stop();
  });

  it('keys a name the same way every time, in int4', () => {
    expect(leaseKey('jobs')).toBe(leaseKey('jobs'));
    expect(leaseKey('jobs')).not.toBe(leaseKey('jobs2'));
    expect(Math.abs(leaseKey('a much longer lease name'))).toBeLessThan(2 ** 31);
  });
});
