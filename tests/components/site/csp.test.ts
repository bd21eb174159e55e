import { describe, expect, it } from 'vitest';
import { cspFor } from '@/components/site/csp';

describe('cspFor', () => {
  it('should allow only our origin, the given inline-script hashes and WASM compilation', () => {
    const policy = cspFor(["'sha256-abc='"]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/https?:/);
  });
});
