'use client';

import type { ChallengeSpec } from '../labSpec';
import { IndexChallenge } from '../challenges/IndexChallenge';
import { RewriteChallenge } from '../challenges/RewriteChallenge';
import { TtlChallenge } from '../challenges/TtlChallenge';

/** `<QueryLab lab="challenge" challenge="…" id="…" />`: a challenge the page checks by running a lab. */
export default function ChallengeLab({ spec }: { spec: ChallengeSpec }) {
  if (spec.challenge === 'n-plus-one-rewrite') return <RewriteChallenge id={spec.id} />;
  if (spec.challenge === 'index-scan') return <IndexChallenge id={spec.id} />;
  return <TtlChallenge id={spec.id} />;
}
