import { describe, expect, it } from 'vitest';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from './expectations.ts';

describe('ControllerExpectations', () => {
  it('is satisfied only once every expected creation is observed', () => {
    const e = new ControllerExpectations(() => 0);
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expectCreations('ns/rs', 2);
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('counts each expected deletion once, however often the pod is seen going', () => {
    const e = new ControllerExpectations(() => 0);
    e.expectDeletions('ns/rs', ['ns/a', 'ns/b']);
    e.deletionObserved('ns/rs', 'ns/a');
    e.deletionObserved('ns/rs', 'ns/a'); // deletionTimestamp first, then the DELETED event
    e.deletionObserved('ns/rs', 'ns/c'); // not one we asked for
    expect(e.pending('ns/rs')).toEqual({ add: 0, del: 1 });
    expect(e.satisfied('ns/rs')).toBe(false);
    e.deletionObserved('ns/rs', 'ns/b');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('expires after five minutes so a lost watch event cannot stall a controller forever', () => {
    let now = 1000;
    const e = new ControllerExpectations(() => now);
    e.expectCreations('ns/rs', 1);
    now += EXPECTATIONS_TIMEOUT_MS;
    expect(e.satisfied('ns/rs')).toBe(false);
    now += 1;
    expect(e.satisfied('ns/rs')).toBe(true);
  });
});
