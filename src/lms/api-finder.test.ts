import { findApi, MAX_LEVELS, type ApiWindow } from './api-finder.ts';

/** A chain of frames, the top one first; `api` is put on the frame at `at` (0 = the top). */
function frames(depth: number, at: number | null, name = 'API'): ApiWindow[] {
  const chain: Record<string, unknown>[] = [];
  for (let i = 0; i < depth; i += 1) {
    const win: Record<string, unknown> = {};
    win.parent = i === 0 ? win : chain[i - 1];
    if (i === at) win[name] = { LMSInitialize: () => 'true' };
    chain.push(win);
  }
  return chain as unknown as ApiWindow[];
}

describe('findApi', () => {
  it('finds the API in the frame itself, in a parent and at the top', () => {
    for (const at of [4, 2, 0]) {
      const chain = frames(5, at);
      expect(findApi(chain[4] as ApiWindow, 'API')).toBe(chain[at]?.API);
    }
  });

  it('looks for API_1484_11 for SCORM 2004 and does not take the 1.2 API for it', () => {
    const chain = frames(3, 0, 'API');
    expect(findApi(chain[2] as ApiWindow, 'API_1484_11')).toBeNull();
    const chain2004 = frames(3, 1, 'API_1484_11');
    expect(findApi(chain2004[2] as ApiWindow, 'API_1484_11')).toBe(chain2004[1]?.API_1484_11);
  });

  it('goes through the opener and its parents when no parent has it (an LMS pop-up)', () => {
    const lms = frames(3, 0);
    const popup = frames(2, null);
    (popup[0] as unknown as Record<string, unknown>).opener = lms[2];
    expect(findApi(popup[1] as ApiWindow, 'API')).toBe(lms[0]?.API);
  });

  it(`stops after ${MAX_LEVELS} levels instead of walking a chain without end`, () => {
    const chain = frames(MAX_LEVELS + 3, 0);
    expect(findApi(chain.at(-1) as ApiWindow, 'API')).toBeNull();
    expect(findApi(chain[2] as ApiWindow, 'API')).toBe(chain[0]?.API);
  });

  it('skips a parent of another origin that throws when read, and returns null when nothing has it', () => {
    const top = new Proxy({} as Record<string, unknown>, {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const child = { parent: top } as unknown as ApiWindow;
    expect(findApi(child, 'API')).toBeNull();
    expect(findApi(frames(4, null)[3] as ApiWindow, 'API')).toBeNull();
  });
});
