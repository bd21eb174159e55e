import { describe, expect, it } from 'vitest';
import { LAB_CHUNK_MIN_BYTES, isLabAssetPath } from '@/lib/offline/assets';
import { offlineManifestSchema } from '@/lib/offline/manifest';

describe('isLabAssetPath', () => {
  it('should leave the lab runtime, data dirs and big chunks out of the install-time precache', () => {
    expect(isLabAssetPath('generated/pglite/app-84390ec91208.tar.gz', 7_031_852)).toBe(true);
    expect(isLabAssetPath('_next/static/media/pglite.3--hhyg1hx3tq.wasm', 9_118_807)).toBe(true);
    expect(isLabAssetPath('_next/static/media/pglite.1b6pjm4japji9.data', 6_241_295)).toBe(true);
    expect(isLabAssetPath('_next/static/chunks/31_9c3h4etpn5.js', 2_387_985)).toBe(true);
  });

  it('should precache pages, their payloads, the manifest and ordinary chunks', () => {
    expect(isLabAssetPath('learn/n-plus-one/index.html', 59_812)).toBe(false);
    expect(isLabAssetPath('learn/n-plus-one/__next.learn.$d$slug.__PAGE__.txt', 30_421)).toBe(
      false,
    );
    expect(isLabAssetPath('generated/pglite/manifest.json', 1_308)).toBe(false);
    expect(isLabAssetPath('_next/static/chunks/0cz1d0mv5g_q7.js', LAB_CHUNK_MIN_BYTES - 1)).toBe(
      false,
    );
  });
});

describe('offlineManifestSchema', () => {
  const valid = {
    version: 1,
    buildId: '6ad3a289e804ae6d',
    precache: { files: 111, bytes: 3_047_574 },
    labAssets: [{ path: 'generated/pglite/app-84390ec91208.tar.gz', bytes: 7_031_852 }],
  };

  it('should accept what scripts/build-sw.ts writes', () => {
    expect(offlineManifestSchema.safeParse(valid).success).toBe(true);
  });

  it('should reject a host’s HTML fallback page or a manifest with unknown fields', () => {
    expect(offlineManifestSchema.safeParse('<!doctype html>').success).toBe(false);
    expect(offlineManifestSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(offlineManifestSchema.safeParse({ ...valid, buildId: 'not hex' }).success).toBe(false);
    expect(
      offlineManifestSchema.safeParse({ ...valid, labAssets: [{ path: 'x', bytes: 0 }] }).success,
    ).toBe(false);
  });
});
